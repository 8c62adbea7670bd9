#!/usr/bin/perl
# Loads schema.pl into a running RT: creates what is missing, updates what drifted, duplicates
# nothing. Prints one summary line.
use strict;
use warnings;
use lib '/usr/share/request-tracker5/lib';
use FindBin;
use RT;
RT::LoadConfig();
RT::Init();

our ($QUEUE, $OPS_QUEUE, @PLUGIN_OPS_RIGHTS, @AGENT_OPS_RIGHTS, @TICKET_FIELDS, @TRANSACTION_FIELDS, $PLUGIN_USER, @PLUGIN_QUEUE_RIGHTS, @PLUGIN_SYSTEM_RIGHTS,
     $AGENT_GROUP, @AGENT_QUEUE_RIGHTS, @DEMO_AGENTS, $SCRIP);
require "$FindBin::Bin/schema.pl";

my $plugin_password = $ENV{SOCIALCARE_RT_PASSWORD} // 'socialcare';
my @done;
my $sys = RT->SystemUser;
sub fail { die "provision: $_[0]\n" }

# Queue
my $queue = RT::Queue->new($sys);
$queue->Load($QUEUE->{Name});
unless ($queue->id) {
    my ($ok, $msg) = $queue->Create(%$QUEUE);
    $ok or fail("could not create queue $QUEUE->{Name}: $msg");
    push @done, "queue $QUEUE->{Name}";
}

my $ops = RT::Queue->new($sys);
$ops->Load($OPS_QUEUE->{Name});
unless ($ops->id) {
    my ($ok, $msg) = $ops->Create(%$OPS_QUEUE);
    $ok or fail("could not create queue $OPS_QUEUE->{Name}: $msg");
    push @done, "queue $OPS_QUEUE->{Name}";
}

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
    if (defined $spec->{Default}) {
        my $current = $cf->DefaultValues(Object => $queue) // '';
        $current = join(',', @$current) if ref $current;
        if ($current ne $spec->{Default}) {
            my ($ok, $msg) = $cf->SetDefaultValues(Object => $queue,
                Values => length $spec->{Default} ? $spec->{Default} : undef);
            $ok or fail("could not set the default of $spec->{Name}: $msg");
            push @done, "default of $spec->{Name} set to '$spec->{Default}'";
        }
    }
    unless ($cf->IsAdded($queue->id)) {
        my ($ok, $msg) = $cf->AddToObject($queue);
        $ok or fail("could not apply $spec->{Name} to queue Social: $msg");
        push @done, "$spec->{Name} on queue Social" unless grep { $_ eq "custom field $spec->{Name}" } @done;
    }
    return $cf;
}
ensure_field($_, RT::Ticket->CustomFieldLookupType) for @TICKET_FIELDS;
my @agent_fields = map { ensure_field($_, RT::Transaction->CustomFieldLookupType) }
    grep { $_->{AgentsModify} } @TRANSACTION_FIELDS;
ensure_field($_, RT::Transaction->CustomFieldLookupType) for grep { !$_->{AgentsModify} } @TRANSACTION_FIELDS;

sub ensure_user {
    my ($spec, $password) = @_;
    my $user = RT::User->new($sys);
    $user->Load($spec->{Name});
    unless ($user->id) {
        my ($ok, $msg) = $user->Create(Name => $spec->{Name}, RealName => $spec->{RealName}, Privileged => $spec->{Privileged});
        $ok or fail("could not create user $spec->{Name}: $msg");
        push @done, "user $spec->{Name}";
    }
    $user->SetPrivileged(1) if $spec->{Privileged} && !$user->Privileged;
    $user->SetPassword($password) unless $user->IsPassword($password);
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

my $plugin = ensure_user($PLUGIN_USER, $plugin_password);
grant($plugin->PrincipalObj, $queue, @PLUGIN_QUEUE_RIGHTS);
grant($plugin->PrincipalObj, RT->System, @PLUGIN_SYSTEM_RIGHTS);
grant($plugin->PrincipalObj, $ops, @PLUGIN_OPS_RIGHTS);

my $group = RT::Group->new($sys);
$group->LoadUserDefinedGroup($AGENT_GROUP->{Name});
unless ($group->id) {
    my ($ok, $msg) = $group->CreateUserDefinedGroup(%$AGENT_GROUP);
    $ok or fail("could not create group $AGENT_GROUP->{Name}: $msg");
    push @done, "group $AGENT_GROUP->{Name}";
}
grant($group->PrincipalObj, $queue, @AGENT_QUEUE_RIGHTS);
grant($group->PrincipalObj, $ops, @AGENT_OPS_RIGHTS);
grant($group->PrincipalObj, $_, 'ModifyCustomField') for @agent_fields;
# Earlier versions granted ModifyCustomField on the whole queue; take that back.
if ($group->PrincipalObj->HasRight(Right => 'ModifyCustomField', Object => $queue)) {
    $group->PrincipalObj->RevokeRight(Right => 'ModifyCustomField', Object => $queue);
    push @done, 'queue-wide ModifyCustomField of Social Agents revoked';
}
for my $spec (@DEMO_AGENTS) {
    my $agent = ensure_user($spec, $spec->{Password});
    $group->AddMember($agent->PrincipalId) unless $group->HasMember($agent->PrincipalObj);
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

print @done ? 'RT schema: created ' . join(', ', @done) . "\n" : "RT schema: already up to date\n";
