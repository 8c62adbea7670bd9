#!/usr/bin/perl
# Loads schema.pl into a running RT: creates what is missing, updates what drifted, duplicates
# nothing, and takes back from the plugin's user the rights earlier versions gave it. Never creates
# people's users (rt-user.pl does) and never changes a password that exists. Prints a summary.
#   SOCIALCARE_RT_PASSWORD=... perl provision.pl   (the plugin user's password, used only to create it)
use strict;
use warnings;
use lib '/usr/share/request-tracker5/lib';
use FindBin;
use JSON::PP;
use RT;
RT::LoadConfig();
RT::Init();

our ($QUEUE, @MORE_SOCIAL_QUEUES, $LEAD_GROUP, $VIP_GROUP, $APPROVAL_GROUP, $RESPONSE_CLASS, @RESPONSES, @AGENT_CLASS_RIGHTS, $OPS_QUEUE, @PLUGIN_OPS_RIGHTS, @AGENT_OPS_RIGHTS, @TICKET_FIELDS, @TRANSACTION_FIELDS, $PLUGIN_USER, @PLUGIN_QUEUE_RIGHTS, @PLUGIN_SYSTEM_RIGHTS,
     @PLUGIN_GROUP_RIGHTS, @PLUGIN_RIGHTS_WITHDRAWN, $AGENT_GROUP, @AGENT_QUEUE_RIGHTS, $SCRIP, @REPORTS, $DASHBOARD, @DASHBOARD_RIGHTS);
require "$FindBin::Bin/schema.pl";

my $plugin_password = $ENV{SOCIALCARE_RT_PASSWORD};
my (@done, @revoked);
my $sys = RT->SystemUser;
sub fail { die "provision: $_[0]\n" }

sub ensure_queue {
    my ($spec) = @_;
    my $q = RT::Queue->new($sys);
    $q->Load($spec->{Name});
    unless ($q->id) {
        my ($ok, $msg) = $q->Create(%$spec);
        $ok or fail("could not create queue $spec->{Name}: $msg");
        push @done, "queue $spec->{Name}";
    }
    return $q;
}
# The first social queue is where tickets go when triage names none; all of them are worked alike.
my @social_queues = map { ensure_queue($_) } $QUEUE, @MORE_SOCIAL_QUEUES;
my $queue = $social_queues[0];
my $ops = ensure_queue($OPS_QUEUE);

sub ensure_field {
    my ($spec, $lookup) = @_;
    my $cf = RT::CustomField->new($sys);
    $cf->LoadByName(Name => $spec->{Name}, LookupType => $lookup);
    unless ($cf->id) {
        my ($ok, $msg) = $cf->Create(Name => $spec->{Name}, Type => $spec->{Type} // 'Freeform', MaxValues => 1,
            LookupType => $lookup, Description => $spec->{Description});
        $ok or fail("could not create custom field $spec->{Name}: $msg");
        push @done, "custom field $spec->{Name}";
    }
    my %have = map { $_->Name => 1 } @{ $cf->Values->ItemsArrayRef };
    my $order = 0;
    for my $value (@{ $spec->{Values} || [] }) {
        $order++;
        next if $have{$value};
        my ($ok, $msg) = $cf->AddValue(Name => $value, SortOrder => $order);
        $ok or fail("could not add value $value to $spec->{Name}: $msg");
    }
    for my $q (@social_queues) {
        if (defined $spec->{Default}) {
            my $current = $cf->DefaultValues(Object => $q) // '';
            $current = join(',', @$current) if ref $current;
            if ($current ne $spec->{Default}) {
                my ($ok, $msg) = $cf->SetDefaultValues(Object => $q,
                    Values => length $spec->{Default} ? $spec->{Default} : undef);
                $ok or fail("could not set the default of $spec->{Name}: $msg");
                push @done, "default of $spec->{Name} on " . $q->Name . " set to '$spec->{Default}'";
            }
        }
        unless ($cf->IsAdded($q->id)) {
            my ($ok, $msg) = $cf->AddToObject($q);
            $ok or fail("could not apply $spec->{Name} to queue " . $q->Name . ": $msg");
            push @done, "$spec->{Name} on queue " . $q->Name unless grep { $_ eq "custom field $spec->{Name}" } @done;
        }
    }
    return $cf;
}
# Fields agents may set themselves (Reply Visibility; triage corrections); the rest are the plugin's.
my @agent_fields = map { ensure_field($_, RT::Ticket->CustomFieldLookupType) } grep { $_->{AgentsModify} } @TICKET_FIELDS;
my @lead_fields = map { ensure_field($_, RT::Ticket->CustomFieldLookupType) } grep { $_->{LeadsModify} } @TICKET_FIELDS;
ensure_field($_, RT::Ticket->CustomFieldLookupType) for grep { !$_->{AgentsModify} && !$_->{LeadsModify} } @TICKET_FIELDS;
push @agent_fields, map { ensure_field($_, RT::Transaction->CustomFieldLookupType) }
    grep { $_->{AgentsModify} } @TRANSACTION_FIELDS;
ensure_field($_, RT::Transaction->CustomFieldLookupType) for grep { !$_->{AgentsModify} } @TRANSACTION_FIELDS;

# The password is set only when the user is created: one that exists is never changed here.
sub ensure_user {
    my ($spec, $password) = @_;
    my $user = RT::User->new($sys);
    $user->Load($spec->{Name});
    unless ($user->id) {
        my ($ok, $msg) = $user->Create(Name => $spec->{Name}, RealName => $spec->{RealName}, Privileged => $spec->{Privileged},
            (defined $password && length $password ? (Password => $password) : ()));
        $ok or fail("could not create user $spec->{Name}: $msg");
        push @done, "user $spec->{Name}" . (defined $password && length $password ? ' (password from SOCIALCARE_RT_PASSWORD)'
            : ' (no password: set one with rt-user.pl ' . $spec->{Name} . ' --password-stdin)');
    }
    $user->SetPrivileged(1) if $spec->{Privileged} && !$user->Privileged;
    return $user;
}

sub grant {
    my ($principal, $object, @rights) = @_;
    for my $right (@rights) {
        next if $principal->HasRight(Right => $right, Object => $object);
        my ($ok, $msg) = $principal->GrantRight(Right => $right, Object => $object);
        $ok or fail("could not grant $right: $msg");
    }
}

sub ensure_group {
    my ($spec) = @_;
    my $g = RT::Group->new($sys);
    $g->LoadUserDefinedGroup($spec->{Name});
    unless ($g->id) {
        my ($ok, $msg) = $g->CreateUserDefinedGroup(%$spec);
        $ok or fail("could not create group $spec->{Name}: $msg");
        push @done, "group $spec->{Name}";
    }
    return $g;
}
my $group = ensure_group($AGENT_GROUP);
my $leads = ensure_group($LEAD_GROUP);
my @plugin_groups = ($group, $leads, ensure_group($VIP_GROUP), ensure_group($APPROVAL_GROUP));
for my $workers ($group, $leads) {
    grant($workers->PrincipalObj, $_, @AGENT_QUEUE_RIGHTS) for @social_queues;
    grant($workers->PrincipalObj, $ops, @AGENT_OPS_RIGHTS);
    grant($workers->PrincipalObj, $_, 'ModifyCustomField') for @agent_fields;
}
# Only team leads decide on held replies (RT's own rights enforce it).
grant($leads->PrincipalObj, $_, 'ModifyCustomField') for @lead_fields;
# Earlier versions granted ModifyCustomField on the whole queue; take that back.
if ($group->PrincipalObj->HasRight(Right => 'ModifyCustomField', Object => $queue)) {
    $group->PrincipalObj->RevokeRight(Right => 'ModifyCustomField', Object => $queue);
    push @done, 'queue-wide ModifyCustomField of Social Agents revoked';
}

# The plugin's user: exactly the rights schema.pl lists, on the objects it lists them for.
exists RT->System->AvailableRights->{CreateSocialCustomers}
    or fail('RT does not know the right CreateSocialCustomers: the RT extension RT::Extension::SocialCare is not'
        . ' loaded. Run provision.sh (it installs the extension) and check that RT_SiteConfig.d/99-socialcare.pm'
        . ' has Plugin("RT::Extension::SocialCare")');
my $plugin = ensure_user($PLUGIN_USER, $plugin_password);
my @plugin_rights = ([RT->System, @PLUGIN_SYSTEM_RIGHTS], [$ops, @PLUGIN_OPS_RIGHTS],
    (map { [$_, @PLUGIN_QUEUE_RIGHTS] } @social_queues), (map { [$_, @PLUGIN_GROUP_RIGHTS] } @plugin_groups));
# Read from and granted to the plugin's user itself, not what it may hold through a group: taking a right
# from a group then never takes it from the plugin unnoticed, and a revoked right shows as missing.
sub plugin_ace {
    my ($right, $object) = @_;
    my $ace = RT::ACE->new($sys);
    $ace->LoadByValues(RightName => $right, Object => $object, PrincipalType => 'User', PrincipalId => $plugin->PrincipalId);
    return $ace->id ? $ace : undef;
}
for my $entry (@plugin_rights) {
    my ($object, @rights) = @$entry;
    my %keep = map { $_ => 1 } @rights;
    for my $right (grep { !$keep{$_} && exists $object->AvailableRights->{$_} } @PLUGIN_RIGHTS_WITHDRAWN) {
        my $ace = plugin_ace($right, $object) or next;
        my ($ok, $msg) = $ace->Delete;
        $ok or fail("could not revoke $right on " . described($object) . " from $PLUGIN_USER->{Name}: $msg");
        push @revoked, "$right on " . described($object);
    }
}
for my $entry (@plugin_rights) {
    my ($object, @rights) = @$entry;
    my @missing = grep { !plugin_ace($_, $object) } @rights or next;
    for my $right (@missing) {
        my ($ok, $msg) = $plugin->PrincipalObj->GrantRight(Right => $right, Object => $object);
        $ok or fail("could not grant $right on " . described($object) . " to $PLUGIN_USER->{Name}: $msg");
    }
    push @done, "$PLUGIN_USER->{Name}'s " . join(' ', @missing) . ' on ' . described($object);
}
sub described {
    my ($object) = @_;
    return 'RT (system-wide)' if $object->isa('RT::System');
    return ($object->isa('RT::Queue') ? 'queue ' : 'group ') . $object->Name;
}

# Response library: the class on every social queue (so the Reply screen offers its articles), the
# articles created once, and agents allowed to read them.
my $class = RT::Class->new($sys);
$class->Load($RESPONSE_CLASS->{Name});
my $new_class = !$class->id;
if ($new_class) {
    my ($ok, $msg) = $class->Create(%$RESPONSE_CLASS);
    $ok or fail("could not create the article class $RESPONSE_CLASS->{Name}: $msg");
    push @done, "article class $RESPONSE_CLASS->{Name}";
}
for my $q (@social_queues) {
    next if $class->IsApplied($q->id);
    my ($ok, $msg) = $class->AddToObject($q);
    $ok or fail("could not apply $RESPONSE_CLASS->{Name} to queue " . $q->Name . ": $msg");
    push @done, "$RESPONSE_CLASS->{Name} on queue " . $q->Name;
}
my $content = RT::CustomField->new($sys);
$content->LoadByName(Name => 'Content', LookupType => RT::Article->CustomFieldLookupType);
$content->id or fail("RT has no article custom field 'Content' (RT's initial data creates it); reinstall RT's database");
unless ($content->IsGlobal || $content->IsAdded($class->id)) {
    my ($ok, $msg) = $content->AddToObject($class);
    $ok or fail("could not apply Content to $RESPONSE_CLASS->{Name}: $msg");
}
# Inserted into a reply, an article is only its text: its name, summary and field title are for agents.
# Set when the class is created; an administrator may change it under Admin > Articles > Classes.
if ($new_class) {
    $class->SetAttribute(Name => "Skip-$_", Content => 1) for 'Name', 'Summary', 'CF-Title-' . $content->id;
}
for my $spec (@RESPONSES) {
    my $article = RT::Article->new($sys);
    $article->LoadByCols(Name => $spec->{Name}, Class => $class->id);
    next if $article->id;
    my ($ok, $msg) = $article->Create(Class => $class->id, Name => $spec->{Name}, Summary => $spec->{Summary},
        'CustomField-' . $content->id => $spec->{Content});
    $ok or fail("could not create the article '$spec->{Name}': $msg");
    push @done, "article '$spec->{Name}'";
}
for my $workers ($group, ensure_group($LEAD_GROUP)) {
    grant($workers->PrincipalObj, $class, @AGENT_CLASS_RIGHTS);
    grant($workers->PrincipalObj, $content, 'SeeCustomField'); # else RT inserts an article without its text
}

# Scrip: created once, its code kept current.
my $scrips = RT::Scrips->new($sys);
$scrips->Limit(FIELD => 'Description', VALUE => $SCRIP->{Description});
my $scrip = $scrips->First;
unless ($scrip) {
    $scrip = RT::Scrip->new($sys);
    my ($ok, $msg) = $scrip->Create(Queue => $queue->id, Description => $SCRIP->{Description}, Stage => $SCRIP->{Stage},
        ScripCondition => 'User Defined', ScripAction => 'User Defined', Template => 'Blank',
        CustomIsApplicableCode => $SCRIP->{CustomIsApplicableCode}, CustomPrepareCode => $SCRIP->{CustomPrepareCode},
        CustomCommitCode => $SCRIP->{CustomCommitCode});
    $ok or fail("could not create the scrip: $msg");
    push @done, 'scrip "' . $SCRIP->{Description} . '"';
} else {
    for my $code (qw(CustomIsApplicableCode CustomPrepareCode CustomCommitCode)) {
        next if ($scrip->$code // '') eq $SCRIP->{$code};
        my $set = "Set$code";
        $scrip->$set($SCRIP->{$code});
        push @done, "scrip code $code updated";
    }
}
for my $q (@social_queues) {
    next if $scrip->IsAdded($q->id);
    my ($ok, $msg) = $scrip->AddToObject(ObjectId => $q->id);
    $ok or fail("could not apply the scrip to queue " . $q->Name . ": $msg");
    push @done, 'scrip on queue ' . $q->Name;
}

# Supervisor reports: each saved search kept as schema.pl defines it (a changed definition updates the
# stored one), and the dashboard that shows them, all system-wide so one copy serves every supervisor.
my $system = RT->System;
my $privacy = 'RT::System-' . $system->Id;
my $same = JSON::PP->new->canonical;
sub named_attribute {
    my ($kind, $name) = @_;
    my ($attr) = grep { ($_->Description // '') eq $name } $system->Attributes->Named($kind);
    return $attr;
}
# RT 5.0.3 charts group by a custom field only as CF.{id}; schema.pl names it.
my %grouped_fields;
sub stored_grouping {
    my ($report, $grouping) = @_;
    return $grouping unless $grouping =~ /^CF\.\{(.+)\}$/ && $1 !~ /^\d+$/;
    my $cf = RT::CustomField->new($sys);
    $cf->LoadByName(Name => $1, LookupType => RT::Ticket->CustomFieldLookupType);
    $cf->id or fail("report '$report->{Name}' groups by $grouping, but RT has no ticket custom field '$1'; add it to \@TICKET_FIELDS or fix the name");
    $grouped_fields{$cf->id} = $cf;
    return 'CF.{' . $cf->id . '}';
}
my @portlets;
for my $report (@REPORTS) {
    my %params = map { $_ => $report->{$_} } grep { $_ ne 'Name' && $_ ne 'Pane' } keys %$report;
    if ($params{SearchType} eq 'Chart') {
        $params{GroupBy} = [map { stored_grouping($report, $_) } @{ $params{GroupBy} }];
        $params{ChartFunction} //= ['COUNT'];
    }
    my $search = RT::SavedSearch->new($sys);
    if (my $attr = named_attribute('SavedSearch', $report->{Name})) {
        my ($ok, $msg) = $search->Load($privacy, $attr->id);
        $ok or fail("could not load the saved search '$report->{Name}' (#" . $attr->id . "): $msg");
        my $stored = $attr->Content || {};
        if (grep { $same->encode([$stored->{$_}]) ne $same->encode([$params{$_}]) } keys %params) {
            ($ok, $msg) = $search->Update(SearchParams => \%params);
            $ok or fail("could not update the saved search '$report->{Name}': $msg");
            push @done, "saved search '$report->{Name}' updated";
        }
    } else {
        my ($ok, $msg) = $search->Save(Privacy => $privacy, Type => $params{SearchType}, Name => $report->{Name},
            SearchParams => \%params);
        $ok or fail("could not create the saved search '$report->{Name}': $msg");
        push @done, "saved search '$report->{Name}'";
    }
    # As RT's own dashboard editor stores a saved search it shows.
    push @portlets, { pane => $report->{Pane} // 'body', portlet_type => 'search', id => $search->Id,
        privacy => $privacy,
        description => ($params{SearchType} eq 'Chart' ? 'Chart' : 'Saved Search') . ": $report->{Name}" };
}
my %panes = (body => [], sidebar => []);
push @{ $panes{$_->{pane}} }, $_ for @portlets;
my $dashboard = RT::Dashboard->new($sys);
if (my $attr = named_attribute('Dashboard', $DASHBOARD->{Name})) {
    my ($ok, $msg) = $dashboard->Load($privacy, $attr->id);
    $ok or fail("could not load the dashboard '$DASHBOARD->{Name}' (#" . $attr->id . "): $msg");
    if ($same->encode($dashboard->Panes) ne $same->encode(\%panes)) {
        ($ok, $msg) = $dashboard->Update(Panes => \%panes);
        $ok or fail("could not update the dashboard '$DASHBOARD->{Name}': $msg");
        push @done, "dashboard '$DASHBOARD->{Name}' updated";
    }
} else {
    my ($ok, $msg) = $dashboard->Save(Privacy => $privacy, Name => $DASHBOARD->{Name}, Panes => \%panes);
    $ok or fail("could not create the dashboard '$DASHBOARD->{Name}': $msg");
    push @done, "dashboard '$DASHBOARD->{Name}'";
}
for my $viewers (map { ensure_group($_) } @{ $DASHBOARD->{Groups} }) {
    grant($viewers->PrincipalObj, $system, @DASHBOARD_RIGHTS);
    # A chart over both social queues checks SeeCustomField on the field itself (no single queue to ask),
    # and without it RT drops the grouping silently (one bar, the total).
    grant($viewers->PrincipalObj, $_, 'SeeCustomField') for values %grouped_fields;
}
# rt-user.pl puts the dashboard in the Reports menu of the users it adds to the dashboard's groups.

print 'RT schema: created ' . join(', ', @done) . "\n" if @done;
print "RT schema: revoked from the plugin's user $PLUGIN_USER->{Name}, which no longer needs them: "
    . join(', ', @revoked) . "\n" if @revoked;
print "RT schema: already up to date\n" unless @done || @revoked;
