#!/usr/bin/perl
# Social Care Bridge's schema, as ./socialcare provision loads it (descriptors/host/rt/provision.pl), on a
# fresh RT: afterwards the schema is there, a second load changes nothing and keeps tickets and their
# fields, and an install whose scrip an earlier version applied at the wrong stage is corrected.
# (Once the extension has etc/initialdata, RT::Test loads it first, as `make initdb` would, and the first
# provisioning adopts it; these checks hold either way.)
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

my $out = RT::Extension::SocialCare::Test->load_schema;
like($out, qr/^RT schema: /m, 'the first load runs') or diag $out;
my $sys = RT->SystemUser;
for my $name ('Social', 'Social Escalations', 'Social Ops') {
    my $q = RT::Queue->new($sys);
    $q->Load($name);
    ok($q->id, "queue $name exists");
}
for my $name ('Social Agents', 'Social Team Leads', 'Social VIP', 'Social Approval Needed') {
    my $g = RT::Group->new($sys);
    $g->LoadUserDefinedGroup($name);
    ok($g->id, "group $name exists");
}
my $visibility = RT::CustomField->new($sys);
$visibility->LoadByName(Name => 'Reply Visibility', LookupType => RT::Transaction->CustomFieldLookupType);
is_deeply([map { $_->Name } @{ $visibility->Values->ItemsArrayRef }], ['Public', 'Private', 'Move to private'],
    'Reply Visibility with its values in order');
my $plugin = RT::User->new($sys);
$plugin->Load('socialcare');
ok($plugin->id && $plugin->HasRight(Right => 'CreateSocialCustomers', Object => RT->System),
    "the plugin's user, with CreateSocialCustomers");
ok(scalar(grep { $_->Description eq 'Social care' } RT->System->Attributes->Named('Dashboard')), 'the dashboard');

my $queue = RT::Queue->new($sys);
$queue->Load('Social');
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
like($out, qr/^RT schema: .*Social Escalations/m, 'provisioning says it corrects it on Social Escalations');
$applied->Load($applied->id);
is($applied->Stage, 'TransactionBatch', 'and does');
is_deeply(counts(), $with_ticket, 'without adding anything');

done_testing;
