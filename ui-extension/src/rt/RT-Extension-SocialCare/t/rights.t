#!/usr/bin/perl
# The rights the loader (./socialcare provision) leaves the plugin's user are exactly those
# docs/security.md lists in its table "The plugin's RT user (`socialcare`) and why it holds each
# right": nothing extra, nothing missing. The loader starts from a fresh RT (RT::Test, without
# etc/initialdata), so every right it holds afterwards is one the loader granted. docs/security.md
# lists no rights of the groups the loader creates; those are printed (diag), not compared.
#   prove -I/usr/share/request-tracker5/lib -l t/rights.t
use strict;
use warnings;
use File::Spec;
use RT::Extension::SocialCare::Test tests => undef, without_initialdata => 1;

my $sys = RT->SystemUser;
my $security = File::Spec->catfile($RT::Extension::SocialCare::Test::DIST, ('..') x 4, qw(docs security.md));

# The table's rows: a right or a comma-separated list of rights, and where. "Where" is read from its
# first words only (the rest explains): "social queues (A, B, and any …)", "`Queue Name`",
# "groups A, B, C", "system (…)". A row in any other form fails the test, naming it: fix the row or
# teach this parser the new form.
sub documented {
    open(my $fh, '<:encoding(UTF-8)', $security) or BAIL_OUT("cannot read $security: $!");
    my ($in, @rows, @social);
    while (my $line = <$fh>) {
        if ($line =~ /^#+ The plugin's RT user \(`socialcare`\)/) { $in = 1; next }
        next unless $in;
        last if $line =~ /^#/ || (@rows && $line !~ /^\|/);
        next unless $line =~ /^\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|/;
        my ($rights, $where) = ($1, $2);
        next if $rights eq 'right' || $rights =~ /^-+$/;
        my @objects;
        if ($where =~ /^social queues(?:\s*\(([^)]*)\))?/) {
            if (defined $1) {
                @social = grep { length && !/^and any\b/ } map { s/^\s+|\s+$//gr } split /,/, $1;
            }
            @social or fail("docs/security.md: '$where' comes before the row that names the social queues"
                . ' ("social queues (Social, …)")');
            @objects = map { ['queue', $_] } @social;
        } elsif ($where =~ /^`([^`]+)`$/) {
            @objects = (['queue', $1]);
        } elsif ($where =~ /^groups\s+(.+)$/) {
            @objects = map { ['group', $_] } grep { length } map { s/^\s+|\s+$//gr } split /,/, $1;
        } elsif ($where =~ /^system\b/) {
            @objects = (['system', 'RT']);
        } else {
            fail("docs/security.md: cannot read where '$rights' is granted: '$where'. Write it as"
                . " 'social queues', '`Queue Name`', 'groups A, B' or 'system (...)', or teach t/rights.t the form");
            next;
        }
        for my $right (split /\s*,\s*/, $rights) {
            $right =~ /^\w+$/ or fail("docs/security.md: '$right' in '$rights' is not a right's name");
            push @rows, map { "$right on $_->[0] $_->[1]" } @objects;
        }
    }
    return @rows;
}

sub described {
    my ($object) = @_;
    return 'system RT' if $object->isa('RT::System');
    return 'queue ' . $object->Name if $object->isa('RT::Queue');
    return 'group ' . $object->Name if $object->isa('RT::Group');
    return 'article class ' . $object->Name if $object->isa('RT::Class');
    return 'custom field ' . $object->Name if $object->isa('RT::CustomField');
    return ref($object) . ' ' . ($object->can('Name') ? $object->Name : $object->id);
}

sub granted {
    my ($principal) = @_;
    my $acl = RT::ACL->new($sys);
    $acl->LimitToPrincipal(Id => $principal->PrincipalId);
    return map { $_->RightName . ' on ' . described($_->Object) } @{ $acl->ItemsArrayRef };
}

my @listed = documented();
ok(@listed >= 10, 'docs/security.md lists the plugin user\'s rights (' . @listed . ' right and object pairs)')
    or diag 'no table found after the heading "The plugin\'s RT user (`socialcare`) …" in ' . $security;

my $out = RT::Extension::SocialCare::Test->load_schema;
like($out, qr/^RT schema: created /m, 'the loader provisions a fresh RT') or diag $out;
my $plugin = RT::User->new($sys);
$plugin->Load('socialcare');
ok($plugin->id, "the plugin's user exists");

my %listed = map { $_ => 1 } @listed;
my %held = map { $_ => 1 } granted($plugin);
my @extra = grep { !$listed{$_} } sort keys %held;
my @missing = grep { !$held{$_} } sort keys %listed;
# One failure per difference, naming the right and the object.
fail("the plugin's user holds $_, which docs/security.md does not list") for @extra;
pass("the plugin's user holds no right docs/security.md does not list") unless @extra;
fail("docs/security.md lists $_, which the plugin's user does not hold") for @missing;
pass("the plugin's user holds every right docs/security.md lists") unless @missing;
is(scalar(keys %held), scalar(keys %listed), 'as many rights as docs/security.md lists: ' . scalar(keys %listed));

# A stray right (as earlier versions granted) is taken back, so the comparison holds on an upgraded RT too.
ok(($plugin->PrincipalObj->GrantRight(Right => 'AdminUsers', Object => RT->System))[0], 'a stray AdminUsers');
$out = RT::Extension::SocialCare::Test->load_schema;
like($out, qr/revoked from the plugin's user.*AdminUsers on RT \(system-wide\)/, 'provisioning revokes it')
    or diag $out;
is_deeply([sort(granted($plugin))], [sort keys %listed], 'and the rights are again those listed');

# Not in docs/security.md: the groups' rights, shown for whoever documents them.
for my $name ('Social Agents', 'Social Team Leads', 'Social VIP', 'Social Approval Needed') {
    my $group = RT::Group->new($sys);
    $group->LoadUserDefinedGroup($name);
    ok($group->id, "group $name exists");
    my @rights = sort(granted($group));
    note "$name (not listed in docs/security.md): " . (@rights ? join('; ', @rights) : 'no rights');
}

done_testing;
