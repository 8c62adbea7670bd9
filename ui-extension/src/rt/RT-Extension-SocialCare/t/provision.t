#!/usr/bin/perl
# Social Care Bridge's schema, as ./socialcare provision loads it (descriptors/host/rt/provision.pl),
# on an empty RT: it loads, a second load changes nothing and keeps tickets and their fields, and an
# install whose scrip an earlier version applied at the wrong stage is corrected.
use strict;
use warnings;
use RT::Extension::SocialCare::Test tests => undef;

my @TABLES = qw(Queues CustomFields CustomFieldValues ObjectCustomFields ObjectCustomFieldValues Groups
    GroupMembers Principals Users ACL Scrips ObjectScrips Templates Attributes Classes ObjectClasses Articles
    Tickets Transactions);
sub counts {
    my $dbh = $RT::Handle->dbh;
    return { map { $_ => $dbh->selectrow_array("SELECT COUNT(*) FROM $_") } @TABLES };
}

my $empty = counts();
my $out = RT::Extension::SocialCare::Test->load_schema;
like($out, qr/^RT schema: created /m, 'the first load creates the schema');
my $loaded = counts();
cmp_ok($loaded->{$_}, '>', $empty->{$_}, "it adds $_") for qw(Queues CustomFields Groups ACL Scrips Attributes Articles);

my $queue = RT::Queue->new(RT->SystemUser);
$queue->Load('Social');
ok($queue->id, 'queue Social exists');
my $ticket = RT::Ticket->new(RT->SystemUser);
my ($id) = $ticket->Create(Queue => 'Social', Subject => 'kept', Content => 'help');
ok($id, 'a ticket is filed');
ok(($ticket->AddCustomFieldValue(Field => 'Social Network', Value => 'X'))[0], 'with Social Network');
ok(($ticket->AddCustomFieldValue(Field => 'Social Priority', Value => 'P1'))[0], 'and Social Priority');
my $with_ticket = counts();

$out = RT::Extension::SocialCare::Test->load_schema;
is($out, "RT schema: already up to date\n", 'the second load says it changed nothing');
is_deeply(counts(), $with_ticket, 'and no table has a row more or less');
$ticket->Load($id);
is($ticket->FirstCustomFieldValue('Social Network'), 'X', "the ticket's fields are kept");
is($ticket->FirstCustomFieldValue('Social Priority'), 'P1', 'every one');

# Earlier versions applied the scrip to the second social queue at RT's default stage, where it never fired.
my $scrips = RT::Scrips->new(RT->SystemUser);
$scrips->Limit(FIELD => 'Description', VALUE => 'On Correspond notify Social Care Bridge');
my $scrip = $scrips->First;
ok($scrip, 'the scrip exists');
my $escalations = RT::Queue->new(RT->SystemUser);
$escalations->Load('Social Escalations');
for my $q ($queue, $escalations) {
    my $applied = RT::ObjectScrip->new(RT->SystemUser);
    $applied->LoadByCols(Scrip => $scrip->id, ObjectId => $q->id);
    is($applied->Stage, 'TransactionBatch', 'the scrip runs at TransactionBatch on ' . $q->Name);
}
my $applied = RT::ObjectScrip->new(RT->SystemUser);
$applied->LoadByCols(Scrip => $scrip->id, ObjectId => $escalations->id);
ok(($applied->SetStage('TransactionCreate'))[0], 'an install as earlier versions left it');
$out = RT::Extension::SocialCare::Test->load_schema;
like($out, qr/scrip on queue Social Escalations moved to stage TransactionBatch/, 'provisioning says it corrects it');
$applied->Load($applied->id);
is($applied->Stage, 'TransactionBatch', 'and does');
is_deeply(counts(), $with_ticket, 'without adding anything');

done_testing;
