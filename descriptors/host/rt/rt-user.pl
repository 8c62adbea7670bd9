#!/usr/bin/perl
# Creates or updates one RT user through RT's own API (as provision.pl does), for the demo's people and
# the end-to-end tests' random ones; provisioning itself creates nobody. Run as root on the RT host.
#   perl rt-user.pl NAME [--real-name "R"] [--privileged] [--group "G"]... [--superuser]
#                        [--password-stdin [--rotate | --replace-if OLD]]
# Creates NAME when missing and adds it to each group. A password is read as one line from stdin and set
# only when the user was just created, or always with --rotate, or only when the current password is
# OLD with --replace-if OLD (to retire a known default). Without --password-stdin no password is touched.
# Passwords are never printed. A user added to the groups that see the "Social care" dashboard gets it
# in their Reports menu, unless they chose their own menu. Prints one line, e.g.
#   RT user it-agent-x1: created, password set, groups: Social Agents
use strict;
use warnings;
use lib '/usr/share/request-tracker5/lib';
use FindBin;
use Getopt::Long qw(GetOptionsFromArray);
use RT;

sub fail { die "rt-user: $_[0]\n" }

my $usage = 'usage: perl rt-user.pl NAME [--real-name "R"] [--privileged] [--group "G"]... [--superuser]'
    . ' [--password-stdin [--rotate | --replace-if OLD]]';
my %opt = (group => []);
GetOptionsFromArray(\@ARGV, \%opt, 'real-name=s', 'privileged', 'group=s@', 'superuser', 'password-stdin', 'rotate',
    'replace-if=s', 'help') or fail($usage);
if ($opt{help}) { print "$usage\n"; exit 0 }
@ARGV == 1 or fail(@ARGV ? "one user name expected, got: @ARGV\n$usage" : "the user name is missing\n$usage");
my ($name) = @ARGV;
$name =~ /\A[^\s-][^\x00-\x1f\x7f]*\z/ && length $name <= 200
    or fail("'$name' is not a user name: it must not be empty, start with '-' or a space, nor hold control characters");
!($opt{rotate} || defined $opt{'replace-if'}) || $opt{'password-stdin'}
    or fail('--rotate and --replace-if say when to set the password read from stdin: add --password-stdin');
!($opt{rotate} && defined $opt{'replace-if'})
    or fail('--rotate (always set the password) and --replace-if (set it only over OLD) exclude each other; choose one');

my $password;
if ($opt{'password-stdin'}) {
    $password = <STDIN>;
    defined $password or fail("--password-stdin: no line on stdin for the password of $name");
    $password =~ s/\r?\n\z//;
    length $password or fail("--password-stdin: the line on stdin is empty; $name needs a password of at least one character");
}

RT::LoadConfig();
RT::Init();
# The dashboard, and the groups that may see it, as the RT extension's etc/initialdata defines them.
my $extension = "$FindBin::Bin/../../../ui-extension/src/rt/RT-Extension-SocialCare";
unshift @INC, "$extension/lib";
require RT::Extension::SocialCare::Loader;
my $schema = RT::Extension::SocialCare::Loader->ReadInitialdata("$extension/etc/initialdata");
my ($dashboard_item) = grep { $_->{Name} eq 'Dashboard' } @{ $schema->{Attributes} };
my $DASHBOARD = { Name => $dashboard_item->{Description}, Groups => [map { +{ Name => $_->{GroupId} } }
    grep { ($_->{GroupDomain} // '') eq 'UserDefined' && grep { $_ eq 'SeeDashboard' } (ref $_->{Right} ? @{ $_->{Right} } : $_->{Right}) }
    @{ $schema->{ACL} }] };
my $sys = RT->SystemUser;

# Every group must exist before anything changes: a typo leaves no half-made user.
my @groups = map {
    my $group = RT::Group->new($sys);
    $group->LoadUserDefinedGroup($_);
    $group->id or fail("RT has no group '$_' (run provision.sh to create the social groups, or check the name)");
    $group;
} @{ $opt{group} };

my @said;
my $user = RT::User->new($sys);
$user->Load($name);
my $privileged = $opt{privileged} || $opt{superuser};
if ($user->id) {
    push @said, 'exists';
    if ($privileged && !$user->Privileged) {
        my ($ok, $msg) = $user->SetPrivileged(1);
        $ok or fail("could not make $name privileged: $msg");
        push @said, 'made privileged';
    }
    if (defined $password) {
        my $set = $opt{rotate} ? 'rotated'
            : defined $opt{'replace-if'} && $user->IsPassword($opt{'replace-if'}) ? 'replaced' : undef;
        if ($set) {
            my ($ok, $msg) = $user->SetPassword($password);
            $ok or fail("could not set the password of $name: $msg");
            push @said, "password $set";
        } else {
            push @said, 'password kept' . (defined $opt{'replace-if'} ? ' (not the one --replace-if names)'
                : ' (it exists: --rotate sets it anyway)');
        }
    }
} else {
    my ($ok, $msg) = $user->Create(Name => $name, Privileged => $privileged ? 1 : 0,
        (defined $opt{'real-name'} ? (RealName => $opt{'real-name'}) : ()),
        (defined $password ? (Password => $password) : ()));
    $ok or fail("could not create user $name: $msg");
    push @said, 'created', (defined $password ? 'password set' : ());
}

for my $group (@groups) {
    next if $group->HasMember($user->PrincipalObj);
    my ($ok, $msg) = $group->AddMember($user->PrincipalId);
    $ok or fail("could not add $name to group " . $group->Name . ": $msg");
}
push @said, 'groups: ' . join(', ', map { $_->Name } @groups) if @groups;

if ($opt{superuser} && !$user->PrincipalObj->HasRight(Right => 'SuperUser', Object => RT->System)) {
    my ($ok, $msg) = $user->PrincipalObj->GrantRight(Right => 'SuperUser', Object => RT->System);
    $ok or fail("could not grant SuperUser to $name: $msg");
    push @said, 'SuperUser granted';
}

# As provisioning once did for the demo's users: the dashboard in the Reports menu, once.
my %sees_dashboard = map { $_->{Name} => 1 } @{ $DASHBOARD->{Groups} };
if ($user->Privileged && grep { $sees_dashboard{$_->Name} } @groups) {
    my ($dashboard) = grep { ($_->Description // '') eq $DASHBOARD->{Name} } RT->System->Attributes->Named('Dashboard');
    if ($dashboard && !exists $user->Preferences('DashboardsInMenu', {})->{dashboards}) {
        my ($ok, $msg) = $user->SetPreferences('DashboardsInMenu', { dashboards => [$dashboard->id] });
        $ok or fail("could not put the dashboard '$DASHBOARD->{Name}' in the Reports menu of $name: $msg");
        push @said, "dashboard '$DASHBOARD->{Name}' in the Reports menu";
    }
}

print "RT user $name: " . join(', ', @said) . "\n";
