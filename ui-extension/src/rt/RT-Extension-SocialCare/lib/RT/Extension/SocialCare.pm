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

=item four endpoints, all behind RT's own login and rights

C<POST /SocialCare/TransactionCustomField> writes a reply's delivery outcome onto its transaction
(REST2 in RT 5.0 cannot change a transaction's custom fields after the fact).
C<POST /SocialCare/Customer> creates the RT user of a social customer: unprivileged, without
password or e-mail address. RT lets only C<AdminUsers> create users, and that right would let the
plugin change anyone's password; this endpoint needs the system right C<CreateSocialCustomers>
(which this extension adds) instead and can create nothing else.
C<GET /SocialCare/GroupMembers?Name=...> lists the user ids in a group, recursively, to who has
RT's C<SeeGroup> on it (REST2 shows members only to who may change them).
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
