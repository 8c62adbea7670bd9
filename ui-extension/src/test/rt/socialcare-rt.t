#!/usr/bin/perl
# Checks, against the real RT on 127.0.0.1:8085, what Social Care Bridge's RT side promises: the plugin's
# user cannot administer users, the extension's /SocialCare/Customer and /SocialCare/GroupMembers answer
# as their contract says, rt-user.pl sets passwords only when told, and provisioning twice changes
# nothing (no password among it). Creates its own users with random names and passwords.
# Run as root on the RT host, after provision.sh, with the plugin user's password on stdin:
#   printf '%s\n' "$PLUGIN_PASSWORD" | prove -v ui-extension/src/test/rt/socialcare-rt.t
use strict;
use warnings;
use lib '/usr/share/request-tracker5/lib';
use FindBin;
use HTTP::Tiny;
use IPC::Open2;
use JSON::PP;
use Test::More;

my $URL = 'http://127.0.0.1:8085';
my $RT_DIR = "$FindBin::Bin/../../../../descriptors/host/rt";
my $json = JSON::PP->new->utf8->canonical;
my $http = HTTP::Tiny->new(max_redirect => 0, timeout => 30);  # a redirect's own cookie counts
chomp(my $plugin_password = <STDIN> // '');
plan skip_all => "the plugin user's password is read from stdin" unless length $plugin_password;
use RT;
RT::LoadConfig();
RT::Init();

sub random { join '', map { ('a' .. 'z', 0 .. 9)[rand 36] } 1 .. $_[0] }
my $tag = random(8);

# rt-user.pl as the demo and the tests run it, the password (if any) on its stdin: its exit code and output.
sub rt_user {
    my ($password, @args) = @_;
    my $pid = open2(my $out, my $in, 'sh', '-c', 'exec perl "$0" "$@" 2>&1', "$RT_DIR/rt-user.pl", @args);
    print $in "$password\n" if defined $password;
    close $in;
    my $said = join '', <$out>;
    waitpid $pid, 0;
    return ($? >> 8, $said);
}

sub login {
    my ($user, $password) = @_;
    my $res = $http->post_form("$URL/NoAuth/Login.html", { user => $user, pass => $password },
        { headers => { Referer => "$URL/" } });
    my @cookies = map { (split /;/, $_)[0] } grep { defined }
        (ref $res->{headers}{'set-cookie'} ? @{ $res->{headers}{'set-cookie'} } : $res->{headers}{'set-cookie'});
    # RT answers 200 either way; the page names who is logged in (RT.CurrentUser = {} when nobody).
    my ($current) = ($res->{content} // '') =~ /^RT\.CurrentUser = (\{.*\});$/m;
    my $who = eval { JSON::PP->new->decode($current // '{}')->{Name} } // '';
    return $who eq $user && @cookies ? join('; ', @cookies) : undef;
}

sub call {
    my ($cookie, $method, $path, %args) = @_;
    my %headers = (Cookie => $cookie, Referer => "$URL/", Accept => 'application/json', %{ $args{headers} || {} });
    my $body = $args{body};
    if (ref $body) {
        $body = $json->encode($body);
        $headers{'Content-Type'} //= 'application/json';
    }
    my $res = $http->request($method, "$URL$path", { headers => \%headers, defined $body ? (content => $body) : () });
    my $data = eval { $json->decode($res->{content}) };
    return ($res->{status}, $data, $res->{content});
}

my $plugin = login('socialcare', $plugin_password) or BAIL_OUT("the plugin user socialcare cannot log in with the password given");

subtest 'rt-user.pl sets a password only when told' => sub {
    my $name = "it-user-$tag";
    my ($first, $second, $third) = (random(16), random(16), random(16));
    my ($rc, $out) = rt_user($first, $name, '--privileged', '--real-name', 'Test User', '--password-stdin');
    is($rc, 0, 'creates') or diag $out;
    like($out, qr/^RT user \Q$name\E: created, password set$/m, 'says so in one line');
    unlike($out, qr/\Q$first\E/, 'never prints the password');
    ok(login($name, $first), 'the new user logs in');
    ($rc, $out) = rt_user($second, $name, '--password-stdin');
    like($out, qr/exists, password kept/, 'an existing password is kept without --rotate');
    ok(login($name, $first), 'the first password still works');
    ($rc, $out) = rt_user($second, $name, '--password-stdin', '--replace-if', 'not-the-password');
    like($out, qr/password kept/, '--replace-if with another password keeps it');
    ok(login($name, $first), 'still the first password');
    ($rc, $out) = rt_user($second, $name, '--password-stdin', '--replace-if', $first);
    like($out, qr/password replaced/, '--replace-if with the current password replaces it');
    ok(login($name, $second) && !login($name, $first), 'now the second password, not the first');
    ($rc, $out) = rt_user($third, $name, '--password-stdin', '--rotate');
    like($out, qr/password rotated/, '--rotate sets it');
    ok(login($name, $third), 'now the third password');
    ($rc, $out) = rt_user(undef, $name, '--group', "No Such Group $tag");
    isnt($rc, 0, 'an unknown group fails');
    like($out, qr/RT has no group 'No Such Group \Q$tag\E'/, 'and names it');
    ($rc, $out) = rt_user(undef, $name, '--rotate');
    isnt($rc, 0, '--rotate without --password-stdin fails');
};

# REST 1.0's user edit is where AdminUsers changes a password (REST2 answers 500 to a Password field,
# even for root, so it proves nothing on its own). In a session of its own: RT keeps a session whose first
# page was REST 1.0 off every other page, /SocialCare/* included.
sub set_password_rest1 {
    my ($user, $password) = @_;
    my $cookie = login('socialcare', $plugin_password);
    my $res = $http->post_form("$URL/REST/1.0/user/$user/edit", { content => "id: user/$user\nPassword: $password\n" },
        { headers => { Cookie => $cookie, Referer => "$URL/" } });
    return $res->{content} // '';
}

subtest "the plugin's user cannot administer users" => sub {
    my $victim = "it-victim-$tag";
    my $password = random(16);
    rt_user($password, $victim, '--privileged', '--password-stdin');
    my $stolen = random(16);
    my $said = set_password_rest1($victim, $stolen);
    like($said, qr/Permission Denied/i, 'REST 1.0 refuses the plugin a password change');
    ok(!login($victim, $stolen), "the plugin could not change a user's password")
        or BAIL_OUT("the plugin user can change passwords: not trying root's");
    my ($status, $data, $raw) = call($plugin, 'PUT', "/REST/2.0/user/$victim", body => { Password => $stolen });
    ok(!login($victim, $stolen), "nor through REST2 (answered $status)");
    ok(login($victim, $password), "the user's password is unchanged");
    $said = set_password_rest1('root', $stolen);
    like($said, qr/Permission Denied/i, "nor root's");
    ($status) = call($plugin, 'PUT', '/REST/2.0/user/root', body => { Password => $stolen });
    ok(!login('root', $stolen), "root's password is unchanged (REST2 answered $status)");
    ($status, $data, $raw) = call($plugin, 'PUT', "/REST/2.0/user/$victim", body => { RealName => 'Taken over' });
    like($raw, qr/Permission Denied/i, "nor may it change a user's other fields");
    ($status, $data, $raw) = call($plugin, 'POST', '/REST/2.0/user', body => { Name => "it-made-$tag", Password => $stolen });
    isnt($status, 201, "REST2 does not let it create users (answered $status)");
    ($status) = call($plugin, 'GET', '/REST/2.0/group/1/members');
    isnt($status, 200, 'nor list group members through REST2');
    my $group = RT::Group->new(RT->SystemUser);
    $group->LoadUserDefinedGroup('Social Agents');
    ($status, $data, $raw) = call($plugin, 'PUT', '/REST/2.0/group/' . $group->id . '/members', body => [RT->SystemUser->id]);
    ok(!$group->HasMember(RT->SystemUser->PrincipalObj), "nor add members to the agents' group (answered $status)");
};

subtest 'POST /SocialCare/Customer' => sub {
    my $name = "x:$tag";
    my ($status, $data, $raw) = call($plugin, 'POST', '/SocialCare/Customer',
        body => { Name => $name, RealName => "Mar\x{ed}a (\@maria)", Comments => "Social Care Bridge customer: X \@maria" });
    is($status, 201, 'creates the customer') or diag $raw;
    ok($data->{id} && $data->{id} =~ /^\d+$/, 'answers its id');
    is($data->{Name}, $name, 'and its name');
    my $user = RT::User->new(RT->SystemUser);
    $user->Load($name);
    is($user->id, $data->{id}, 'the user exists');
    ok(!$user->Privileged, 'unprivileged');
    ok(!$user->HasPassword, 'without password');
    is($user->EmailAddress // '', '', 'without e-mail address');
    is($user->RealName, "Mar\x{ed}a (\@maria)", 'with the real name as sent');
    my ($again_status, $again) = call($plugin, 'POST', '/SocialCare/Customer', body => { Name => $name, RealName => 'Changed' });
    is($again_status, 200, 'an existing customer answers 200');
    is($again->{id}, $data->{id}, 'with the same id');
    $user->Load($name);
    is($user->RealName, "Mar\x{ed}a (\@maria)", 'and is not modified');

    my $staff = "x:staff$tag";
    rt_user(undef, $staff, '--privileged');
    ($status, $data) = call($plugin, 'POST', '/SocialCare/Customer', body => { Name => $staff });
    is($status, 409, 'a privileged user of that name answers 409');
    for my $bad ('root', 'X:123', 'x:', 'x:12 3', "x:123\n", 'x:a/b', ('n' x 32) . ':1', 'x:' . ('1' x 201)) {
        ($status, $data) = call($plugin, 'POST', '/SocialCare/Customer', body => { Name => $bad });
        is($status, 400, "name '" . ($bad =~ s/\n/\\n/r) . "' is refused");
    }
    ($status, $data) = call($plugin, 'POST', '/SocialCare/Customer', body => { Name => "x:p$tag", Password => 'secret1234' });
    is($status, 400, 'a Password field is refused, not ignored');
    like($data->{error} // '', qr/Password/, 'naming it');
    ($status, $data) = call($plugin, 'POST', '/SocialCare/Customer', body => { Name => "x:p$tag", Privileged => 1 });
    is($status, 400, 'so is Privileged');
    ($status) = call($plugin, 'POST', '/SocialCare/Customer', body => ['x:1']);
    is($status, 400, 'a body that is no object is refused');
    ($status) = call($plugin, 'POST', '/SocialCare/Customer', body => '{"Name":', headers => { 'Content-Type' => 'application/json' });
    is($status, 400, 'broken JSON is refused');
    ($status) = call($plugin, 'POST', '/SocialCare/Customer', body => "Name=x%3A$tag",
        headers => { 'Content-Type' => 'application/x-www-form-urlencoded' });
    is($status, 415, 'a form post answers 415');
    ($status) = call($plugin, 'POST', '/SocialCare/Customer', body => '{"Name":"x:1"}', headers => { 'Content-Type' => 'text/plain' });
    is($status, 415, 'text/plain answers 415');
    ($status) = call($plugin, 'POST', '/SocialCare/Customer',
        body => $json->encode({ Name => "x:big$tag", Comments => 'a' x (65 * 1024) }),
        headers => { 'Content-Type' => 'application/json' });
    is($status, 413, 'a body over 64 KiB answers 413');
    ($status) = call($plugin, 'GET', '/SocialCare/Customer');
    is($status, 405, 'GET answers 405');
    $user->Load("x:big$tag");
    ok(!$user->id, 'nothing refused was created');

    my $agent_password = random(16);
    rt_user($agent_password, "it-agent-$tag", '--privileged', '--group', 'Social Agents', '--password-stdin');
    my $agent = login("it-agent-$tag", $agent_password);
    ($status, $data) = call($agent, 'POST', '/SocialCare/Customer', body => { Name => "x:agent$tag" });
    is($status, 403, 'an agent without CreateSocialCustomers gets 403');
    $user->Load("x:agent$tag");
    ok(!$user->id, 'and creates nothing');
};

subtest 'GET /SocialCare/GroupMembers' => sub {
    my $password = random(16);
    my (undef, $out) = rt_user($password, "it-lead-$tag", '--privileged', '--group', 'Social Team Leads', '--password-stdin');
    like($out, qr/groups: Social Team Leads/, 'rt-user.pl adds to a group');
    my $lead = RT::User->new(RT->SystemUser);
    $lead->Load("it-lead-$tag");
    my ($status, $data, $raw) = call($plugin, 'GET', '/SocialCare/GroupMembers?Name=Social+Team+Leads');
    is($status, 200, 'the plugin lists a group it may see') or diag $raw;
    is($data->{group}, 'Social Team Leads', 'named');
    ok((grep { $_ == $lead->id } @{ $data->{members} || [] }), 'with the new member');
    ok(!(grep { !/^\d+$/ } @{ $data->{members} || [] }), 'as numeric ids');

    # Recursively: a member of a group inside the group.
    my $inner = RT::Group->new(RT->SystemUser);
    $inner->CreateUserDefinedGroup(Name => "it-inner-$tag");
    my $vip = RT::Group->new(RT->SystemUser);
    $vip->LoadUserDefinedGroup('Social VIP');
    $vip->AddMember($inner->PrincipalId);
    my $customer = RT::User->new(RT->SystemUser);
    $customer->Load("x:$tag");
    $inner->AddMember($customer->PrincipalId);
    ($status, $data) = call($plugin, 'GET', '/SocialCare/GroupMembers?Name=Social+VIP');
    ok((grep { $_ == $customer->id } @{ $data->{members} || [] }), 'members of groups in the group count');
    $vip->DeleteMember($inner->PrincipalId);

    ($status) = call($plugin, 'GET', "/SocialCare/GroupMembers?Name=it-inner-$tag");
    is($status, 403, 'a group without SeeGroup answers 403');
    ($status) = call($plugin, 'GET', "/SocialCare/GroupMembers?Name=No+such+group+$tag");
    is($status, 404, 'an unknown group answers 404');
    ($status) = call($plugin, 'GET', '/SocialCare/GroupMembers');
    is($status, 400, 'no Name answers 400');
    ($status) = call($plugin, 'GET', '/SocialCare/GroupMembers?Name=Social+VIP&Name=Social+Agents');
    is($status, 400, 'two Names answer 400');
    ($status) = call($plugin, 'POST', '/SocialCare/GroupMembers?Name=Social+VIP', body => {});
    is($status, 405, 'POST answers 405');
    $inner->SetDisabled(1);
};

# What RtGateway does, as the plugin's user, with exactly its rights: if a right it needs is dropped, this fails.
subtest "the plugin's calls work with its rights" => sub {
    my (undef, $customer) = call($plugin, 'POST', '/SocialCare/Customer', body => { Name => "x:flow$tag", RealName => 'Flow' });
    my ($status, $data, $raw) = call($plugin, 'POST', '/REST/2.0/ticket', body => { Queue => 'Social',
        Subject => "flow $tag", Requestor => $customer->{id}, Content => 'my order never arrived', ContentType => 'text/plain',
        Priority => 50, Due => '2030-01-01T00:00:00Z', AdminCc => 'group:Social Team Leads',
        CustomFields => { 'Social Conversation ID' => "x:flow$tag", 'Social Network' => 'X', 'Social Priority' => 'P1' } });
    is($status, 201, 'files a ticket with requestor, AdminCc group, due date and fields') or diag $raw;
    my $ticket = $data->{id};
    ($status, $data, $raw) = call($plugin, 'POST', '/SocialCare/TransactionCustomField',
        body => "ticket=$ticket&field=Social+Post+ID&value=p1", headers => { 'Content-Type' => 'application/x-www-form-urlencoded' });
    ok($data->{ok}, "labels the first message's transaction") or diag $raw;
    ($status, $data, $raw) = call($plugin, 'POST', "/REST/2.0/ticket/$ticket/correspond", body => { Content => 'and again',
        ContentType => 'text/plain', TxnCustomFields => { 'Social Post ID' => 'p2' } });
    like($raw, qr/Correspondence added/, "adds the customer's next message") or diag $raw;
    ($status, $data, $raw) = call($plugin, 'POST', "/REST/2.0/ticket/$ticket/comment", body => { Content => 'note', ContentType => 'text/plain' });
    like($raw, qr/Comments added/, 'comments') or diag $raw;

    my $agent_password = random(16);
    rt_user($agent_password, "it-flow-agent-$tag", '--privileged', '--real-name', 'Flo Agent', '--group', 'Social Agents',
        '--password-stdin');
    my $agent = login("it-flow-agent-$tag", $agent_password);
    ($status, $data, $raw) = call($agent, 'POST', "/REST/2.0/ticket/$ticket/correspond", body => { Content => 'We are on it',
        ContentType => 'text/plain', TxnCustomFields => { 'Social Reply To' => '@maria' } });
    like($raw, qr/Correspondence added/, 'an agent replies, naming who to answer in Social Reply To') or diag $raw;

    my $search = sub { call($plugin, 'POST', '/REST/2.0/transactions?orderby=id&order=ASC&per_page=100', body => [
        { field => 'ObjectType', operator => '=', value => 'RT::Ticket' }, { field => 'ObjectId', operator => '=', value => $ticket },
        { field => 'Type', operator => '=', value => 'Correspond' }]) };
    ($status, $data) = $search->();
    my @replies = map { $_->{id} } @{ $data->{items} || [] };
    is(scalar @replies, 2, "finds the ticket's replies");
    my $reply = $replies[-1];
    ($status, $data, $raw) = call($plugin, 'GET', "/REST/2.0/transaction/$reply");
    is($data->{Creator}{id}, "it-flow-agent-$tag", "reads who replied");
    my ($reply_to) = map { $_->{values}[0] } grep { $_->{name} eq 'Social Reply To' } @{ $data->{CustomFields} || [] };
    is($reply_to, '@maria', 'and whom to answer');
    ($status, $data) = call($plugin, 'GET', "/REST/2.0/transaction/$reply/attachments");
    my ($attachment) = map { $_->{id} } @{ $data->{items} || [] };
    ($status, $data) = call($plugin, 'GET', "/REST/2.0/attachment/$attachment");
    is($status, 200, "reads the reply's text");
    ($status, $data, $raw) = call($plugin, 'POST', '/SocialCare/TransactionCustomField', body => "transaction=$reply"
        . '&field=Social+Delivery&value=posted&field=Social+Recipient&value=x%3A1+%40maria&field=Social+Post+ID&value=p3',
        headers => { 'Content-Type' => 'application/x-www-form-urlencoded' });
    ok($data->{ok}, 'records the delivery and its recipient on the reply') or diag $raw;
    ($status, $data, $raw) = call($agent, 'POST', '/SocialCare/TransactionCustomField',
        body => "transaction=$reply&field=Social+Recipient&value=x%3A666",
        headers => { 'Content-Type' => 'application/x-www-form-urlencoded' });
    ok(!$data->{ok}, 'an agent may not write Social Recipient') or diag $raw;

    ($status, $data, $raw) = call($plugin, 'PUT', "/REST/2.0/ticket/$ticket",
        body => { CustomFields => { 'Social SLA' => 'Met', 'Social Replies' => '1' } });
    unlike($raw, qr/denied|invalid|could not/i, 'sets ticket fields') or diag $raw;
    ($status, $data, $raw) = call($plugin, 'PUT', "/REST/2.0/ticket/$ticket", body => { Status => 'resolved' });
    unlike($raw, qr/denied|invalid|could not/i, 'resolves') or diag $raw;
    ($status, $data, $raw) = call($agent, 'PUT', "/REST/2.0/ticket/$ticket", body => { Owner => "it-flow-agent-$tag" });
    like($raw, qr/Owner changed/, 'the agent takes the ticket') or diag $raw;
    ($status, $data, $raw) = call($plugin, 'PUT', "/REST/2.0/ticket/$ticket",
        body => { Status => 'open', Owner => 'Nobody', AdminCc => ['group:Social Team Leads'] });
    unlike($raw, qr/denied|invalid|could not|only reassign/i, 'reopens for a group') or diag $raw;
    ($status, $data) = call($plugin, 'GET', "/REST/2.0/ticket/$ticket");
    is($data->{Owner}{id}, 'Nobody', 'nobody owns it then, whoever did');
    ($status, $data) = call($plugin, 'GET', '/REST/2.0/tickets?per_page=1&query='
        . "%27CF.%7BSocial%20Conversation%20ID%7D%27%20%3D%20%27x%3Aflow$tag%27");
    is($data->{items}[0]{id}, $ticket, 'finds the ticket by conversation');
    ($status, $data) = call($plugin, 'GET', "/REST/2.0/user/it-flow-agent-$tag");
    is($data->{RealName}, 'Flo Agent', "reads an agent's real name");
    my $flo = RT::User->new(RT->SystemUser);
    $flo->Load("it-flow-agent-$tag");
    ok(!exists $data->{id}, 'REST2 shows it only the summary, without id');
    is($data->{_hyperlinks}[0]{id}, $flo->id, 'which has the id in _hyperlinks');
    ($status, $data, $raw) = call($plugin, 'POST', '/REST/2.0/users?fields=EmailAddress',
        body => [{ field => 'EmailAddress', operator => '=', value => 'nobody@example.invalid' }]);
    is($status, 200, 'searches users by e-mail address') or diag $raw;

    ($status, $data, $raw) = call($plugin, 'POST', '/REST/2.0/ticket', body => { Queue => 'Social Ops',
        Subject => "Social channel it-$tag needs attention", Content => 'x', ContentType => 'text/plain' });
    is($status, 201, 'raises a channel alert') or diag $raw;
    my $alert = $data->{id};
    ($status, $data, $raw) = call($plugin, 'POST', "/REST/2.0/ticket/$alert/comment", body => { Content => 'ok again', ContentType => 'text/plain' });
    like($raw, qr/Comments added/, 'comments on it') or diag $raw;
    ($status, $data, $raw) = call($plugin, 'PUT', "/REST/2.0/ticket/$alert", body => { Status => 'resolved' });
    unlike($raw, qr/denied|invalid|could not/i, 'and clears it') or diag $raw;
};

subtest 'provisioning twice changes nothing, no password among it' => sub {
    my $name = "it-keep-$tag";
    my $password = random(16);
    rt_user($password, $name, '--privileged', '--group', 'Social Agents', '--password-stdin');
    for my $run (1, 2) {
        my $out = `SOCIALCARE_RT_PASSWORD=changed-$tag bash $RT_DIR/provision.sh 2>&1`;
        is($?, 0, "provision.sh run $run succeeds") or diag $out;
        like($out, qr/RT schema: already up to date/, "run $run: already up to date") if $run == 2;
    }
    ok(login($name, $password), "a user's password is unchanged");
    ok(login('socialcare', $plugin_password), "the plugin user's password is unchanged");
    ok(!login('socialcare', "changed-$tag"), 'SOCIALCARE_RT_PASSWORD does not replace it');
    my $file = '/etc/request-tracker5/RT_SiteConfig.d/98-socialcare-secret.pm';
    my @st = stat $file;
    is(sprintf('%o', $st[2] & 07777), '640', 'the notification secret is 0640');
    is(scalar getgrgid($st[5]), 'www-data', 'group www-data');
    is($st[4], 0, 'owner root');
};

done_testing;
