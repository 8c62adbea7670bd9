#!/usr/bin/perl
# The agent's Reply form (Ticket/Update.html) with the extension's callbacks: it offers only the
# Reply Visibility values the ticket's Social Reply Choices declare (BeforeTransactionCustomFields),
# never shows Social Seen (MassageTransactionCustomFields), carries the newest transaction the agent
# saw (FormStart) and records it on the reply (BeforeUpdate); hostile values stay text.
use strict;
use warnings;
use RT::Extension::SocialCare::Test tests => undef;

RT::Extension::SocialCare::Test->load_schema;
RT::Test->load_or_create_user(Name => 'agent', Password => 'password', MemberOf => 'Social Agents');
my $customer = RT::Test->load_or_create_user(Name => 'x:7', Privileged => 0);

sub txn_field {
    my ($name) = @_;
    my $cf = RT::CustomField->new(RT->SystemUser);
    $cf->LoadByName(Name => $name, LookupType => RT::Transaction->CustomFieldLookupType);
    ok($cf->id, "transaction field $name exists") or BAIL_OUT("no $name: the schema did not load");
    return $cf;
}
my $visibility = txn_field('Reply Visibility');
my $seen_field = txn_field('Social Seen');
my $reply_to = txn_field('Social Reply To');

sub social_ticket {
    my ($choices) = @_;
    my $ticket = RT::Ticket->new(RT->SystemUser);
    my ($id, undef, $msg) = $ticket->Create(Queue => 'Social', Subject => 'reply form', Requestor => $customer->id,
        Content => 'help');
    ok($id, 'ticket filed') or diag $msg;
    if (defined $choices) {
        my ($ok, $why) = $ticket->AddCustomFieldValue(Field => 'Social Reply Choices', Value => $choices);
        ok($ok, "Social Reply Choices '$choices'") or diag $why;
    }
    return $ticket;
}

sub newest_txn {
    my ($ticket) = @_;
    my $txns = $ticket->Transactions;
    $txns->OrderBy(FIELD => 'id', ORDER => 'DESC');
    return $txns->First;
}

# The ticket's newest reply (its newest transaction may be a status change the reply made).
sub last_reply {
    my ($ticket) = @_;
    my $txns = $ticket->Transactions;
    $txns->Limit(FIELD => 'Type', VALUE => 'Correspond');
    $txns->OrderBy(FIELD => 'id', ORDER => 'DESC');
    return $txns->First;
}

my ($base, $m) = RT::Test->started_ok;
ok($m->login('agent', 'password'), 'an agent of Social Agents logs in');

# The Reply Visibility values the form's select offers (RT adds an empty "(no value)" choice).
sub offered {
    my ($ticket) = @_;
    $m->get_ok('/Ticket/Update.html?Action=Respond&id=' . $ticket->id);
    my $select = $m->dom->at('select[name$="CustomField-' . $visibility->id . '-Values"]')
        or return undef;
    return [grep { length } map { $_->attr('value') } $select->find('option')->each];
}

is_deeply(offered(social_ticket('Private')), ['Private'], 'a messaging app: Private only');
is_deeply(offered(social_ticket('Public, Private')), ['Public', 'Private'], 'two declared: those two');
is_deeply(offered(social_ticket()), ['Public', 'Private', 'Move to private'], 'none declared: every value');
is_deeply(offered(social_ticket('Carrier pigeon')), ['Public', 'Private', 'Move to private'],
    'nothing the form knows: every value');
my $hostile = social_ticket(q{<script>alert('choices')</script>, Private});
is_deeply(offered($hostile), ['Private'], 'hostile choices: the known one only');
$m->content_lacks(q{<script>alert('choices')}, 'and the hostile text is no script on the form');

# Social Template offers a ticket its network's approved templates only, and is not on the form of a
# network without any.
my $template = txn_field('Social Template');
my $order = 0;
for my $value (['order_update', 'WhatsApp'], ['follow_up', 'WhatsApp'], ['<b>other</b>', 'Elsewhere']) {
    my ($ok, $msg) = $template->AddValue(Name => $value->[0], Category => $value->[1], Description => 'test',
        SortOrder => ++$order);
    ok($ok, "template value $value->[0]") or diag $msg;
}
sub templates_offered {
    my ($network) = @_;
    my $ticket = social_ticket('Private');
    $ticket->AddCustomFieldValue(Field => 'Social Network', Value => $network);
    $m->get_ok('/Ticket/Update.html?Action=Respond&id=' . $ticket->id);
    my $select = $m->dom->at('select[name$="CustomField-' . $template->id . '-Values"]') or return undef;
    return [grep { length } map { $_->attr('value') } $select->find('option')->each];
}
is_deeply(templates_offered('WhatsApp'), ['order_update', 'follow_up'], "a WhatsApp ticket: WhatsApp's templates");
is(templates_offered('X'), undef, 'an X ticket: no Social Template on the form');
$m->content_lacks('<b>other</b>', "and another category's value is not on it, as markup or at all");

# Social Seen is the form's own business: the agent may write it (AgentsModify) but never sees it.
my $ticket = social_ticket('Public, Private');
$m->get_ok('/Ticket/Update.html?Action=Respond&id=' . $ticket->id);
ok($m->dom->at('[name*="CustomField-' . $reply_to->id . '-Value"]'), 'Social Reply To is on the form');
is($m->dom->find('[name*="CustomField-' . $seen_field->id . '-"]')->size, 0, 'Social Seen is not');

my $input = $m->dom->at('input[type="hidden"][name="SocialCareSeen"]');
ok($input, 'the form carries SocialCareSeen');
is($input && $input->attr('value'), newest_txn($ticket)->id, "the ticket's newest transaction");

# A value of the form's own (a reload, e.g. after including an article) is kept when it is a number,
# replaced when it is anything else.
$m->get_ok('/Ticket/Update.html?Action=Respond&id=' . $ticket->id . '&SocialCareSeen=3');
is($m->dom->at('input[name="SocialCareSeen"]')->attr('value'), '3', 'a number from the reload is kept');
$m->get_ok('/Ticket/Update.html?Action=Respond&id=' . $ticket->id
    . '&SocialCareSeen=%22%3E%3Cscript%3Ealert(%27seen%27)%3C/script%3E');
is($m->dom->at('input[name="SocialCareSeen"]')->attr('value'), newest_txn($ticket)->id, 'markup is replaced by the newest id');
$m->content_lacks(q{<script>alert('seen')}, 'and never reaches the page');

# Sending the reply records what the agent had seen on the reply's own transaction.
$m->get_ok('/Ticket/Update.html?Action=Respond&id=' . $ticket->id);
my $seen = $m->dom->at('input[name="SocialCareSeen"]')->attr('value');
$m->submit_form_ok({ form_name => 'TicketUpdate', button => 'SubmitTicket',
    fields => { UpdateContent => 'We are on it' } }, 'the agent sends a reply');
my $reply = last_reply($ticket);
ok($reply, 'the reply is recorded');
is($reply->FirstCustomFieldValue('Social Seen'), $seen, 'with Social Seen as the form carried it');

# A forged, non-numeric SocialCareSeen is not recorded.
$m->get_ok('/Ticket/Update.html?Action=Respond&id=' . $ticket->id);
my $form = $m->form_name('TicketUpdate');
$form->find_input('SocialCareSeen')->readonly(0);
$m->field(SocialCareSeen => '12 OR 1=1');
$m->field(UpdateContent => 'second reply');
$m->click_button(name => 'SubmitTicket');
my $second = last_reply($ticket);
isnt($second->id, $reply->id, 'the second reply is recorded');
is($second->FirstCustomFieldValue('Social Seen'), undef, 'without a Social Seen that is not a number');

done_testing;
