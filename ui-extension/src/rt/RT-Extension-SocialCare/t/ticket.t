#!/usr/bin/perl
# The filing endpoint /SocialCare/Ticket: the plugin's user files a new customer's first message in one
# request (customer, ticket, the first message's transaction fields), with the rights it already holds;
# anything refused is refused before anything is written.
#   prove -I/usr/share/request-tracker5/lib -l t/ticket.t
use strict;
use warnings;
use JSON;
use RT::Extension::SocialCare::Test tests => undef;

RT::Extension::SocialCare::Test->load_schema;
my $plugin = RT::Extension::SocialCare::Test->plugin_user('plugin-secret-for-tests');
RT::Test->load_or_create_user(Name => 'agent', Password => 'password', MemberOf => 'Social Agents');
RT::Test->load_or_create_user(Name => 'x:666', Privileged => 1);

my ($base, $m) = RT::Test->started_ok;
ok($m->login('socialcare', 'plugin-secret-for-tests'), 'the plugin user logs in');

sub file {
    my ($agent, $body, $type) = @_;
    $agent->post("$base/SocialCare/Ticket", Content_Type => $type // 'application/json',
        Content => ref $body ? encode_json($body) : $body);
    my $answer = eval { decode_json($agent->content) } || { unreadable => $agent->content };
    return ($agent->status, $answer);
}

sub tickets { my $t = RT::Tickets->new(RT->SystemUser); $t->UnLimit; return $t->Count }

sub user_named { my $u = RT::User->new(RT->SystemUser); $u->Load($_[0]); return $u }

my %first = (
    Customer => { Name => 'x:7', RealName => 'María (@maria)', Comments => 'Social Care Bridge customer: X @maria' },
    Ticket => { Queue => 'Social', Subject => 'my order', Content => 'where is it?', ContentType => 'text/plain',
        CustomFields => { 'Social Network' => 'X', 'Social Conversation ID' => 'x:100' }, Priority => 40,
        Due => '2026-12-24T10:00:00Z', AdminCc => 'group:Social Team Leads' },
    TransactionCustomFields => { 'Social Post ID' => 'x:100', 'Social Recipient' => 'public' },
);

# A new customer's first message: one request.
my ($status, $answer) = file($m, \%first);
is($status, 201, 'a new customer and their ticket in one request') or diag explain $answer;
my $customer = user_named('x:7');
ok($customer->id && !$customer->Privileged, 'the customer is an unprivileged user');
is($customer->RealName, 'María (@maria)', 'with the real name asked for');
is_deeply($answer->{Customer}, { id => $customer->id, Name => 'x:7' }, 'the answer names the customer');
ok(!exists $answer->{error}, 'and no error');
my $ticket = RT::Ticket->new(RT->SystemUser);
$ticket->Load($answer->{id});
ok($ticket->id, 'the ticket exists');
is($ticket->QueueObj->Name, 'Social', 'in the queue asked for');
is($ticket->Subject, 'my order', 'with its subject');
is($ticket->RequestorAddresses, '', 'the customer has no e-mail address');
is(join(',', $ticket->Requestors->UserMembersObj->First->id), $customer->id, 'the customer is the requestor');
is($ticket->Priority, 40, 'the priority asked for');
is($ticket->DueObj->ISO, '2026-12-24 10:00:00', 'the due date as the plugin sends it (ISO 8601, UTC)');
ok((grep { $_->Name eq 'Social Team Leads' } @{ $ticket->AdminCc->GroupMembersObj(Recursively => 0)->ItemsArrayRef }),
    'the owner group as AdminCc');
is($ticket->FirstCustomFieldValue('Social Conversation ID'), 'x:100', 'ticket custom fields by name');
is($ticket->Creator, $plugin->id, 'created as the plugin user');
my $create = $ticket->Transactions;
$create->Limit(FIELD => 'Type', VALUE => 'Create');
is($create->First->id, $answer->{Transaction}, 'the answer names the Create transaction');
is($create->First->FirstCustomFieldValue('Social Post ID'), 'x:100', 'the first message\'s fields are on it');
is($create->First->FirstCustomFieldValue('Social Recipient'), 'public', 'all of them');
is($create->First->Content, 'where is it?', 'with the message');

# A known customer: answered as is, never changed.
($status, $answer) = file($m, { %first, Customer => { Name => 'x:7', RealName => 'Someone else' } });
is($status, 201, 'an existing customer\'s new ticket');
is($answer->{Customer}{id}, $customer->id, 'the same customer');
is(user_named('x:7')->RealName, 'María (@maria)', 'unchanged');
($status, $answer) = file($m, { Ticket => { %{ $first{Ticket} }, Requestor => $customer->id } });
is($status, 201, 'a ticket for a requestor given by id, without Customer');
ok(!exists $answer->{Customer}, 'names no customer');

# Refusals write nothing.
my $before = tickets();
($status, $answer) = file($m, { %first, Customer => { Name => 'x:666' } });
is($status, 409, 'a privileged user of the customer\'s name is refused');
like($answer->{error}, qr/'x:666' is a privileged RT user/, 'saying so');
($status, $answer) = file($m, { %first, Customer => { Name => 'X 7' } });
is($status, 400, 'a bad customer name');
like($answer->{error}, qr/^Customer: Name must look like <network>:<account id>.*not 'X 7'/, 'named in the error');
($status, $answer) = file($m, '{"Ticket":');
is($status, 400, 'not JSON');
like($answer->{error}, qr/the body is not JSON/, 'says so');
($status, $answer) = file($m, { %first, Ticket => { %{ $first{Ticket} }, Colour => 'red' } });
is($status, 400, 'an unknown ticket field');
like($answer->{error}, qr/unknown Ticket field\(s\) 'Colour'/, 'named');
($status, $answer) = file($m, { %first, Ticket => { %{ $first{Ticket} }, Queue => 'Nowhere' } });
is($status, 403, 'an unknown queue answers as one the caller may not use');
like($answer->{error}, qr/may not create tickets in queue 'Nowhere' \(CreateTicket\), or RT has no such queue/, 'named');
($status, $answer) = file($m, { %first, Ticket => { %{ $first{Ticket} }, AdminCc => 'someone-new@example.test' } });
is($status, 400, 'an AdminCc that is no group (RT would create its user)');
like($answer->{error}, qr/names groups only, as "group:<name>", not 'someone-new\@example.test'/, 'says so');
ok(!user_named('someone-new@example.test')->id, 'and no user was created for it');
($status, $answer) = file($m, { Ticket => { %{ $first{Ticket} }, Requestor => user_named('x:666')->id } });
is($status, 409, 'a privileged requestor given by id is no customer');
like($answer->{error}, qr/a privileged RT user \(staff\) is never filed as one/, 'says so');
($status, $answer) = file($m, { %first, Ticket => { %{ $first{Ticket} }, ContentType => 'text/html' } });
is($status, 415, 'text/plain only');
($status, $answer) = file($m, { %first, TransactionCustomFields => { 'No Such Field' => 'x' } });
is($status, 400, 'an unknown transaction field');
like($answer->{error}, qr/no transaction custom field 'No Such Field' on queue Social/, 'named, with the queue');
($status, $answer) = file($m, { %first, Ticket => { %{ $first{Ticket} }, CustomFields => { 'No Such' => 'x' } } });
is($status, 400, 'an unknown ticket field');
like($answer->{error}, qr/no ticket custom field 'No Such' on queue Social/, 'named');
($status, $answer) = file($m, { Ticket => $first{Ticket} });
is($status, 400, 'neither Customer nor Requestor');
($status, $answer) = file($m, encode_json(\%first), 'application/x-www-form-urlencoded');
is($status, 415, 'a form (what a cross-site page could send) is refused');
($status, $answer) = file($m, { %first, Ticket => { %{ $first{Ticket} }, Content => 'x' x (1024 * 1024) } });
is($status, 413, 'too large');
$m->get("$base/SocialCare/Ticket");
is($m->status, 405, 'GET is refused');
is(tickets(), $before, 'none of the refused requests filed a ticket');
ok(!user_named('x:666')->id || user_named('x:666')->Privileged, 'nor touched the privileged user');

# Rights: RT's own decide, as for the logged-in user.
my $agent = RT::Test::Web->new;
ok($agent->login('agent', 'password'), 'an agent logs in');
($status, $answer) = file($agent, { %first, Customer => { Name => 'x:8' } });
is($status, 403, 'an agent may not create customers');
like($answer->{error}, qr/CreateSocialCustomers/, 'the error names the right');
ok(!user_named('x:8')->id, 'no customer was created');
($status, $answer) = file($agent, { Ticket => { %{ $first{Ticket} }, Requestor => $customer->id, CustomFields => {} },
    TransactionCustomFields => { 'Social Delivery' => 'posted' } });
is($status, 403, 'an agent may not write the plugin\'s transaction fields');
like($answer->{error}, qr/permission denied: ModifyCustomField on 'Social Delivery'/, 'the error names field and right');
($status, $answer) = file($m, { %first, Ticket => { %{ $first{Ticket} }, Queue => 'General' } });
is($status, 403, 'the plugin cannot file in a queue outside its own');
like($answer->{error}, qr/may not create tickets in queue 'General' \(CreateTicket\)/, 'the error names queue and right');
is(tickets(), $before, 'still no ticket');

# A failure after the ticket exists names the ticket, so the plugin never files it twice.
my $post_id = RT::CustomField->new(RT->SystemUser);
$post_id->LoadByName(Name => 'Social Post ID', LookupType => RT::Transaction->CustomFieldLookupType);
ok(($post_id->SetPattern('^x:\d+$'))[0], 'Social Post ID takes only x:<digits> for this test');
($status, $answer) = file($m, { %first, TransactionCustomFields => { 'Social Post ID' => 'not a post', 'Social Recipient' => 'public' } });
is($status, 201, 'the ticket was created');
ok($answer->{id}, 'and the answer names it');
like($answer->{error}, qr/^ticket $answer->{id} was created, but its transaction custom fields were not set \(Social Post ID: /,
    'with what failed after it');
is(tickets(), $before + 1, 'one ticket, not two');
$ticket = RT::Ticket->new(RT->SystemUser);
$ticket->Load($answer->{id});
$create = $ticket->Transactions;
$create->Limit(FIELD => 'Type', VALUE => 'Create');
is($create->First->FirstCustomFieldValue('Social Recipient'), undef, 'none of the first message\'s fields was set');

# A customer filed this way is known by name until its id comes back: the VIP list names its members too.
my $vip = RT::Group->new(RT->SystemUser);
$vip->LoadUserDefinedGroup('Social VIP');
ok(($vip->AddMember($customer->PrincipalId))[0], 'x:7 becomes a valued customer');
$m->get("$base/SocialCare/GroupMembers?Name=Social%20VIP");
is_deeply(decode_json($m->content), { group => 'Social VIP', members => [$customer->id], names => ['x:7'] },
    'GroupMembers answers ids and names, in the same order');

# The plugin falls back to REST2 on an RT whose extension lacks this endpoint, which RT answers 404.
$m->post("$base/SocialCare/NoSuchEndpoint", Content_Type => 'application/json', Content => '{}');
is($m->status, 404, 'RT answers 404 for an endpoint its extension lacks (the plugin then files through REST2)');

done_testing;
