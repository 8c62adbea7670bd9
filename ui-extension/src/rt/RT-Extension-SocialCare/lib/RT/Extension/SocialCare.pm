package RT::Extension::SocialCare;
use 5.010001;
use strict;
use warnings;

our $VERSION = '0.3.0';

=head1 NAME

RT::Extension::SocialCare - Social Care Bridge inside Request Tracker

=head1 DESCRIPTION

The Request Tracker side of Social Care Bridge, the plugin that turns customers' posts and direct
messages on social networks into RT tickets and posts agents' replies back. It brings:

=over

=item the schema (F<etc/initialdata>)

the social queues (C<Social>, C<Social Escalations>, C<Social Ops>), the ticket and transaction
custom fields the plugin reads and writes (C<Reply Visibility> on the Reply form), the groups
C<Social Agents>, C<Social Team Leads>, C<Social VIP> and C<Social Approval Needed>, the plugin's
user C<socialcare> with exactly the rights F<docs/security.md> lists, the scrip
C<On Correspond notify Social Care Bridge> (L<RT::Condition::SocialCareReply>,
L<RT::Action::SocialCareNotify>), the supervisor reports (system saved searches and the
C<Social care> dashboard) and the C<Social Responses> article class with its example replies.

=item the Reply form and the ticket page

Mason callbacks show the social customer on the ticket, offer only the reply choices the ticket's
network allows and record which transaction the agent saw when the reply form opened.

=item five endpoints, all behind RT's own login and rights

C<POST /SocialCare/TransactionCustomField> writes a reply's delivery outcome onto its transaction
(REST2 in RT 5.0 cannot change a transaction's custom fields after the fact).
C<POST /SocialCare/Customer> creates the RT user of a social customer: unprivileged, without
password or e-mail address. RT lets only C<AdminUsers> create users, and that right would let the
plugin change anyone's password; this endpoint needs the system right C<CreateSocialCustomers>
(which this extension adds) instead and can create nothing else.
C<POST /SocialCare/Ticket> files a new ticket in one request: the customer's user (created or found
as by C</SocialCare/Customer>, with the same right), the ticket as the logged-in user (RT's rights
decide) and its first message's transaction custom fields (REST2 drops them on creation). All is
checked before anything is written; a failure after the ticket exists is answered with the ticket's
id, so the plugin never files it twice. RT on SQLite writes one request at a time: one request per
ticket instead of three.
C<GET /SocialCare/GroupMembers?Name=...> lists the user ids (and names) in a group, recursively, to
who has RT's C<SeeGroup> on it (REST2 shows members only to who may change them).
C<POST /SocialCare/FieldValues> keeps the values of C<Social Template> in one category (a network's
approved templates) equal to a list, in one database transaction, for who holds
C<AdminCustomFieldValues> on that field; the Reply form offers a ticket only its network's.

=back

Content from social networks is untrusted: everything shown here is HTML-escaped.

=head1 RT VERSION

Works with RT 5.0 (tested with Debian's C<request-tracker5> 5.0.3).

=head1 INSTALLATION

Debian ships what the build needs: C<apt-get install libmodule-install-rtx-perl>.

=over

=item C<RTHOME=/usr/share/request-tracker5 PREFIX=/usr/local/share/request-tracker5 perl Makefile.PL>

C<RTHOME> is the folder holding RT's F<lib/RT.pm>. C<PREFIX> is the folder holding RT's
C<$LocalPluginPath> (C<perl -I/usr/share/request-tracker5/lib -MRT -e 'print $RT::LocalPluginPath'>
prints it) without its last part, F<plugins>: Debian's Module::Install::RTx installs into
F<$PREFIX/plugins>, and without C<PREFIX> into F</plugins>. (For RT installed from source in
F</opt/rt5>, both may be left out.) Social Care Bridge's F<provision.sh> reads both from RT.

=item C<make>

=item C<make install>

May need root. Installs into RT's own C<$LocalPluginPath>
(F</usr/local/share/request-tracker5/plugins/RT-Extension-SocialCare> on Debian).

=item Edit your F</etc/request-tracker5/RT_SiteConfig.d/99-local.pm> (or F<RT_SiteConfig.pm>)

    Plugin('RT::Extension::SocialCare');

=item C<make initdb>

Only the first time, on an RT that has never had this extension or Social Care Bridge's earlier
provisioning: RT's initialdata loader creates everything again each time it runs (custom fields
twice). Social Care Bridge's C<./socialcare provision> does not need it: it loads the same
F<etc/initialdata> through L<RT::Extension::SocialCare::Loader>, which adopts what exists (same
name: updated in place, never duplicated; tickets, field values and saved searches kept) and may run
any number of times.

=item Clear your Mason cache

    rm -rf /var/cache/request-tracker5/mason_data/obj

=item Restart your web server

=back

=head1 CONFIGURATION

=over

=item C<$SocialCareNotifyURL>

Where the scrip tells the plugin that someone replied, e.g.
C<Set($SocialCareNotifyURL, "http://127.0.0.1:8181/socialcare/rt/transactions");>. Unset: no
notification (the plugin still reconciles).

=item C<$SocialCareNotifySecret>

Sent as C<X-SocialCare-Secret>; the plugin's C<notifySecret> must be the same. Keep it in a site
configuration file readable by root and RT's group only (provisioning writes
F<98-socialcare-secret.pm> once).

=back

Users: C<perl descriptors/host/rt/rt-user.pl> (in Social Care Bridge) creates agents and leads
and sets the plugin user's password.

=head1 UPGRADING

What a later version adds or changes goes into F<etc/upgrade/E<lt>versionE<gt>/content>, an
initialdata file (C<@Initial>, C<@CustomFields>, C<@ACL>, C<@Final> ...) holding only the change,
while F<etc/initialdata> always describes the whole current schema. After C<make install> of the new
version:

=over

=item as RT's own extensions: C<make upgrade-database>

runs the upgrade files between the version you had and this one through RT's
C<rt-setup-database --action upgrade>. Asks which version you had. (Module::Install::RTx writes this
target once F<etc/upgrade> holds a version folder; this version has none.)

=item or C<./socialcare provision>

applies each upgrade file once, in version order, before adopting F<etc/initialdata>. The versions
applied are recorded in the RT attribute C<SocialCareSchemaVersions> on C<$RT::System>. An install
made by Social Care Bridge's provisioning before this layout (its schema in F<schema.pl>) counts as
version 0.2.0; a fresh one records every upgrade file as applied, since F<etc/initialdata> already
holds what they add.

=back

=head1 AUTHOR

Social Care Bridge

=head1 LICENSE AND COPYRIGHT

This software is distributed under the same terms as Social Care Bridge.

=cut

# What the Reply form offers on a ticket (Callbacks/.../EditTransactionCustomFields/BeforeTransactionCustomFields).
require RT::Extension::SocialCare::ReplyChoices;

# Registered once per process: RT warns about a right added twice. (A bare RT::System would call RT's
# function of that name.)
require RT::System;
'RT::System'->AddRight(Admin => CreateSocialCustomers =>
    'Create the unprivileged RT users of social customers (Social Care Bridge)') # loc
    unless 'RT::System'->AvailableRights->{CreateSocialCustomers};

# Ends the endpoint's request with this JSON answer. RT streams its answer, so the status goes out
# with the headers, before any output; nothing the component printed before is kept.
sub AnswerJSON {
    my ($class, $status, $body) = @_;
    my ($r, $m) = ($HTML::Mason::Commands::r, $HTML::Mason::Commands::m);
    $r->status($status);
    $r->content_type('application/json; charset=utf-8');
    $m->clear_buffer;
    $m->out(JSON::to_json($body, { canonical => 1 }));
    $m->abort;
}

# The decoded JSON body of an endpoint's POST, or (undef, HTTP status, error): only application/json
# (a cross-site HTML form cannot send it), at most $limit bytes, JSON in UTF-8.
sub JSONBody {
    my ($class, $limit) = @_;
    my $cgi = $HTML::Mason::Commands::m->cgi_object;
    my $env = $cgi->env;
    my $type = $env->{CONTENT_TYPE} // '';
    return (undef, 415, 'the body must be JSON (Content-Type: application/json), not '
        . ($type eq '' ? 'no Content-Type' : "'$type'"))
        unless $type =~ m{\Aapplication/json\s*(?:;|\z)}i;
    return (undef, 413, "the body is over $limit bytes") if ($env->{CONTENT_LENGTH} // 0) > $limit;
    my $content = $cgi->param('POSTDATA') // '';
    return (undef, 413, "the body is over $limit bytes") if length $content > $limit;
    my $data = eval { JSON::decode_json($content) };
    return (undef, 400, 'the body is not JSON in UTF-8: ' . ($@ =~ s/ at \S+ line \d+.*//sr)) unless defined $data;
    return $data;
}

# What is wrong with the body of a social customer ({"Name":"x:123","RealName":"...","Comments":"..."}),
# or undef when nothing is. Shared by /SocialCare/Customer and /SocialCare/Ticket, so both accept the same.
sub CustomerProblem {
    my ($class, $data) = @_;
    return 'a customer must be a JSON object such as {"Name":"x:123","RealName":"…","Comments":"…"}'
        unless ref $data eq 'HASH';
    my %known = (Name => 1, RealName => 1, Comments => 1);
    my @unknown = sort grep { !$known{$_} } keys %$data;
    return 'unknown field(s) ' . join(', ', map { "'$_'" } @unknown) . ': a customer has only Name, RealName and Comments'
        if @unknown;
    for my $field (sort keys %$data) {
        return "$field must be a string" if ref $data->{$field} || !defined $data->{$field};
    }
    my $name = $data->{Name} // '';
    return "Name must look like <network>:<account id>, e.g. x:123 or mastodon:109876 (lower-case network,"
        . " then letters, digits and . _ @ -), not '" . substr($name, 0, 100) . "'"
        unless $name =~ /\A[a-z][a-z0-9-]{0,30}:[A-Za-z0-9._\@-]{1,200}\z/;
    my $real_name = $data->{RealName} // '';
    return 'RealName must be at most 120 characters without control characters'
        if length $real_name > 120 || $real_name =~ /[\x00-\x1f\x7f]/;
    my $comments = $data->{Comments} // '';
    return 'Comments must be at most 2000 characters without control characters other than line breaks and tabs'
        if length $comments > 2000 || $comments =~ /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
    return undef;
}

# The RT user of a social customer, as /SocialCare/Customer and /SocialCare/Ticket give it: a body that
# CustomerProblem accepts is created by RT's system user, unprivileged, without password or e-mail, or an
# existing unprivileged user of that name is answered as it is (never changed). The caller checks
# CreateSocialCustomers first. Answers (HTTP status, user or error): 201 created, 200 existing, 409 a
# privileged user of that name (staff is no customer), 400 RT refused.
sub SocialCustomer {
    my ($class, $data, $for) = @_;
    my $name = $data->{Name};
    my $existing = sub {
        my $user = RT::User->new(RT->SystemUser);
        $user->Load($name);
        return unless $user->id;
        return (409, "'$name' is a privileged RT user, not a customer; rename that user or link the customer another way")
            if $user->Privileged;
        return (200, $user);
    };
    my @found = $existing->();
    return @found if @found;
    my ($real_name, $comments) = ($data->{RealName} // '', $data->{Comments} // '');
    my $user = RT::User->new(RT->SystemUser);
    my ($ok, $msg) = $user->Create(Name => $name, Privileged => 0,
        (length $real_name ? (RealName => $real_name) : ()), (length $comments ? (Comments => $comments) : ()));
    unless ($ok) {
        @found = $existing->(); # created meanwhile by another request
        return @found ? @found : (400, "RT did not create the customer '$name': $msg");
    }
    RT->Logger->info("Social Care Bridge: customer user $name (#" . $user->id . ') created at the request of '
        . $for->Name);
    return (201, $user);
}

# The transaction custom fields of this name on the queue that the user may set, in the order asked;
# (undef, error) naming the first field that is missing or refused. Checked before any is written, so a
# refused request changes nothing.
sub TransactionFieldsFor {
    my ($class, $user, $queue, @names) = @_;
    my @cfs;
    for my $name (@names) {
        my $cf = RT::CustomField->new($user);
        $cf->LoadByName(Name => $name, LookupType => RT::Transaction->CustomFieldLookupType, ObjectId => $queue->id);
        return (undef, "no transaction custom field '$name' on queue " . $queue->Name) unless $cf->id;
        return (undef, "permission denied: ModifyCustomField on '$name'") unless $cf->CurrentUserHasRight('ModifyCustomField');
        push @cfs, $cf;
    }
    return \@cfs;
}

# A report's grouping as RT 5.0.3 charts accept it: a ticket custom field by id (CF.{12}), not by
# name. Anything else comes back unchanged; an unknown field dies, naming it.
sub ChartGrouping {
    my ($class, $grouping) = @_;
    return $grouping unless $grouping =~ /^CF\.\{(.+)\}$/ && $1 !~ /^\d+$/;
    my $cf = RT::CustomField->new(RT->SystemUser);
    $cf->LoadByName(Name => $1, LookupType => RT::Ticket->CustomFieldLookupType);
    $cf->id or die "a report groups by $grouping, but RT has no ticket custom field '$1'; add it to"
        . " \@CustomFields in etc/initialdata or fix the name\n";
    return 'CF.{' . $cf->id . '}';
}

# Records that this RT has the schema of this version, unless versions are recorded already (then
# RT::Extension::SocialCare::Loader keeps the record). Called from etc/initialdata's @Final, so an RT
# set up by `make initdb` gets only later upgrade files from the loader.
sub RecordInitialVersion {
    my ($class) = @_;
    return if RT->System->FirstAttribute('SocialCareSchemaVersions');
    my ($ok, $msg) = RT->System->SetAttribute(Name => 'SocialCareSchemaVersions',
        Description => 'Versions of RT::Extension::SocialCare whose schema this RT has',
        Content => { $class->VERSION => 'etc/initialdata loaded' });
    $ok or die "could not record the schema version: $msg\n";
}

# Rewrites the GroupBy of the named system saved searches with ChartGrouping. Returns the names of
# those it changed. Called from etc/initialdata's @Final (RT's loader stores groupings as written).
sub StoreChartGroupings {
    my ($class, @names) = @_;
    my %wanted = map { $_ => 1 } @names;
    my @changed;
    my $searches = RT::Attributes->new(RT->SystemUser);
    $searches->LimitToObject(RT->System);
    $searches->Limit(FIELD => 'Name', VALUE => 'SavedSearch');
    for my $attr (@{ $searches->ItemsArrayRef }) {
        next unless $wanted{ $attr->Description // '' };
        my $content = $attr->Content or next;
        my @stored = @{ $content->{GroupBy} || [] };
        my @groupings = map { $class->ChartGrouping($_) } @stored;
        next if join("\0", @groupings) eq join("\0", @stored);
        my ($ok, $msg) = $attr->SetContent({ %$content, GroupBy => \@groupings });
        $ok or die "could not store the grouping of the saved search '" . $attr->Description . "': $msg\n";
        push @changed, $attr->Description;
    }
    return @changed;
}

1;
