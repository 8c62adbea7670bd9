#!/usr/bin/perl
# The write-back endpoint /SocialCare/TransactionCustomField: the plugin's user sets a reply's outcome
# (Social Post ID, Social Delivery, Social Recipient) in one request, and gets all of it or none:
# every field is checked before any is written, and a refused request leaves the history as it was.
#   prove -I/usr/share/request-tracker5/lib -l t/transaction-fields.t
use strict;
use warnings;
use JSON;
use RT::Extension::SocialCare::Test tests => undef;

RT::Extension::SocialCare::Test->load_schema;
my $plugin = RT::Extension::SocialCare::Test->plugin_user('plugin-secret-for-tests');
RT::Test->load_or_create_user(Name => 'agent', Password => 'password', MemberOf => 'Social Agents');
my $customer = RT::Test->load_or_create_user(Name => 'x:7', Privileged => 0);

my $ticket = RT::Ticket->new(RT->SystemUser);
my ($id, undef, $why) = $ticket->Create(Queue => 'Social', Subject => 'write-back', Requestor => $customer->id,
    Content => 'help');
ok($id, 'ticket filed') or diag $why;
my ($reply_ok, $reply_msg, $reply) = $ticket->Correspond(Content => 'we are on it');
ok($reply_ok, 'the agent replied') or diag $reply_msg;
my $txn_id = $reply->id;

sub value {
    my ($name) = @_;
    my $txn = RT::Transaction->new(RT->SystemUser);
    $txn->Load($txn_id);
    return $txn->FirstCustomFieldValue($name);
}

my ($base, $m) = RT::Test->started_ok;
ok($m->login('socialcare', 'plugin-secret-for-tests'), 'the plugin user logs in');

sub write_back {
    my ($agent, @pairs) = @_;
    my @form = (transaction => $txn_id);
    while (my ($field, $value) = splice @pairs, 0, 2) {
        push @form, field => $field, value => $value;
    }
    $agent->post("$base/SocialCare/TransactionCustomField", \@form);
    is($agent->status, 200, 'the endpoint answers');
    return decode_json($agent->content);
}

my $answer = write_back($m, 'Social Post ID' => '1790001', 'Social Delivery' => 'posted',
    'Social Recipient' => 'x:7 @maria');
ok($answer->{ok}, 'all three fields in one request') or diag explain $answer;
is($answer->{transaction}, $txn_id, 'on the reply');
is(value('Social Post ID'), '1790001', 'Social Post ID set');
is(value('Social Delivery'), 'posted', 'Social Delivery set');
is(value('Social Recipient'), 'x:7 @maria', 'Social Recipient set with it');

$answer = write_back($m, 'Social Delivery' => 'refused: changed', 'No Such Field' => 'x');
ok(!$answer->{ok}, 'a request naming an unknown field is refused');
like($answer->{error}, qr/no transaction custom field 'No Such Field' on queue Social/, 'the error names the field and queue');
is(value('Social Delivery'), 'posted', 'and the field named before it was not changed either');

my $agent = RT::Test::Web->new;
ok($agent->login('agent', 'password'), 'an agent logs in');
$answer = write_back($agent, 'Social Delivery' => 'refused: by an agent');
ok(!$answer->{ok}, 'an agent may not write the outcome of a reply');
like($answer->{error}, qr/permission denied: ModifyCustomField on 'Social Delivery'/, 'the error says which right is missing');
is(value('Social Delivery'), 'posted', 'the outcome is unchanged');

$m->get("$base/SocialCare/TransactionCustomField?transaction=$txn_id&field=Social%20Delivery&value=x");
is(decode_json($m->content)->{error}, 'POST only', 'GET changes nothing');
is(value('Social Delivery'), 'posted', 'still posted');

done_testing;
