#!/usr/bin/perl
# The rights the loader (./socialcare provision) leaves the plugin's user and the groups it creates
# are exactly those docs/security.md lists under "Who may do what": nothing extra, nothing missing.
# The loader starts from a fresh RT (RT::Test, without etc/initialdata), so every right held
# afterwards is one the loader granted.
#   prove -I/usr/share/request-tracker5/lib -l t/rights.t
use strict;
use warnings;
use File::Spec;
use RT::Extension::SocialCare::Test tests => undef, without_initialdata => 1;
use RT::Extension::SocialCare::Loader;

my $sys = RT->SystemUser;
my $dist = $RT::Extension::SocialCare::Test::DIST;
my $security = File::Spec->catfile($dist, ('..') x 4, qw(docs security.md));

# What docs/security.md's section "Who may do what" says, as { principal => { "right on object" => 1 } }.
# Read from its stable parts only:
# - a heading ending in backticked names in parentheses, e.g. "### The plugin's RT user (`socialcare`)
#   and why ...", "#### Team leads only (`Social Team Leads`)", says whose rights the tables below it list;
# - a table row's first cell is a right or a comma-separated list of rights, its second cell says where,
#   read from its first words: "social queues (A, B, and any ...)" (later rows may say just "social
#   queues"), "`Queue Name`", "groups A, B", "custom field(s) A, B", "article class `Name`", "system ...";
# - a line "`A` and `B` hold no rights" says so of those principals.
# Anything else in a table row fails the test, naming the row: fix the row or teach this parser the form.
sub documented {
    open(my $fh, '<:encoding(UTF-8)', $security) or BAIL_OUT("cannot read $security: $!");
    my ($in, @whose, @social, %listed);
    while (my $line = <$fh>) {
        chomp $line;
        if ($line =~ /^## /) { $in = $line =~ /^## Who may do what/; next }
        next unless $in;
        if ($line =~ /^#{3,4} .*\(((?:`[^`]+`(?:,\s*)?)+)\)/) {
            @whose = $1 =~ /`([^`]+)`/g;
            $listed{$_} ||= {} for @whose;
            next;
        }
        if ($line =~ /^((?:`[^`]+`(?:,\s*|\s+and\s+)?)+)\s+holds? no rights\b/) {
            $listed{$_} ||= {} for $1 =~ /`([^`]+)`/g;
            next;
        }
        next unless $line =~ /^\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|/;
        my ($rights, $where) = ($1, $2);
        next if $rights eq 'right' || $rights =~ /^-+$/;
        @whose or fail("docs/security.md: the row '$rights | $where' comes before any heading naming whose rights"
            . ' it lists ("... (`name`)")'), next;
        my @objects;
        if ($where =~ /^social queues(?:\s*\(([^)]*)\))?/) {
            @social = grep { length && !/^and any\b/ } map { s/^\s+|\s+$//gr } split /,/, $1 if defined $1;
            @social or fail("docs/security.md: '$where' comes before the row that names the social queues"
                . ' ("social queues (Social, ...)")');
            @objects = map { "queue $_" } @social;
        } elsif ($where =~ /^`([^`]+)`$/) {
            @objects = ("queue $1");
        } elsif ($where =~ /^(groups?|custom fields?)\s+(.+)$/) {
            my ($kind, $names) = ($1, $2);
            $kind = $kind =~ /^group/ ? 'group' : 'custom field';
            @objects = map { "$kind $_" } grep { length } map { s/^\s+|\s+$//gr } split /,/, $names;
        } elsif ($where =~ /^article class `([^`]+)`$/) {
            @objects = ("article class $1");
        } elsif ($where =~ /^system\b/) {
            @objects = ('system RT');
        } else {
            fail("docs/security.md: cannot read where '$rights' is granted: '$where'. Write it as 'social"
                . " queues', '`Queue Name`', 'groups A, B', 'custom fields A, B', 'article class `Name`' or"
                . " 'system (...)', or teach t/rights.t the form");
            next;
        }
        for my $right (split /\s*,\s*/, $rights) {
            $right =~ /^\w+$/ or fail("docs/security.md: '$right' in '$rights' is not a right's name");
            for my $who (@whose) {
                $listed{$who}{"$right on $_"} = 1 for @objects;
            }
        }
    }
    return \%listed;
}

sub described {
    my ($object) = @_;
    return 'system RT' if $object->isa('RT::System');
    my %kind = ('RT::Queue' => 'queue', 'RT::Group' => 'group', 'RT::Class' => 'article class',
        'RT::CustomField' => 'custom field');
    # RT's records answer Name through AUTOLOAD (can() does not see it); an object of another kind by id.
    return $kind{ ref $object } ? "$kind{ ref $object } " . $object->Name : ref($object) . ' #' . $object->id;
}

# Rights granted to the principal itself (not through a group it belongs to).
sub granted {
    my ($principal) = @_;
    my $acl = RT::ACL->new($sys);
    $acl->LimitToPrincipal(Id => $principal->PrincipalId);
    return { map { ($_->RightName . ' on ' . described($_->Object)) => 1 } @{ $acl->ItemsArrayRef } };
}

sub principal {
    my ($name) = @_;
    my $group = RT::Group->new($sys);
    $group->LoadUserDefinedGroup($name);
    return $group if $group->id;
    my $user = RT::User->new($sys);
    $user->Load($name);
    return $user->id ? $user : undef;
}

# One failure per difference, naming the principal, the right and the object.
sub compare {
    my ($listed, $label) = @_;
    for my $who (sort keys %$listed) {
        my $principal = principal($who);
        ok($principal, "$who, named in docs/security.md, exists after provisioning$label") or next;
        my $held = granted($principal);
        my @extra = grep { !$listed->{$who}{$_} } sort keys %$held;
        my @missing = grep { !$held->{$_} } sort keys %{ $listed->{$who} };
        fail("$who holds $_, which docs/security.md does not list$label") for @extra;
        fail("docs/security.md lists $_ for $who, who does not hold it$label") for @missing;
        pass("$who holds exactly the " . keys(%{ $listed->{$who} }) . " rights docs/security.md lists$label")
            unless @extra || @missing;
    }
}

my $listed = documented();
ok(keys(%{ $listed->{socialcare} || {} }) >= 10,
    'docs/security.md lists the plugin user\'s rights (' . keys(%{ $listed->{socialcare} || {} }) . ' right and object pairs)');
my $data = RT::Extension::SocialCare::Loader->ReadInitialdata(File::Spec->catfile($dist, qw(etc initialdata)));
for my $name ((map { $_->{Name} } @{ $data->{Users} }), map { $_->{Name} } @{ $data->{Groups} }) {
    ok($listed->{$name}, "docs/security.md says what $name may do (a table under a heading naming `$name`,"
        . " or \"`$name` holds no rights\")");
}

my $out = RT::Extension::SocialCare::Test->load_schema;
like($out, qr/^RT schema: created /m, 'the loader provisions a fresh RT') or diag $out;
compare($listed, '');

# A stray right (as earlier versions granted the plugin) is taken back: the lists hold on an upgraded RT too.
my $plugin = principal('socialcare');
ok(($plugin->PrincipalObj->GrantRight(Right => 'AdminUsers', Object => RT->System))[0], 'a stray AdminUsers');
$out = RT::Extension::SocialCare::Test->load_schema;
like($out, qr/revoked from the plugin's user.*AdminUsers on RT \(system-wide\)/, 'provisioning revokes it')
    or diag $out;
compare($listed, ' (after revoking)');

done_testing;
