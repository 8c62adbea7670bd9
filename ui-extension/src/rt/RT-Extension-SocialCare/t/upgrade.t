#!/usr/bin/perl
# An upgrade from the previous layout keeps data. A fresh RT (RT::Test, without this extension's
# etc/initialdata) is provisioned by the frozen provisioner of layout 0.2.0 (t/data/layout-0.2.0, as
# ./socialcare provision ran it then), used as an install would be (a ticket with social field values,
# a changed saved search, an edited and an added article, a group member), then provisioned by the
# current loader (descriptors/host/rt/provision.pl): nothing is duplicated, every ticket and field value
# is kept, the scrip runs the extension's condition and action, and a second run changes no row.
#   prove -I/usr/share/request-tracker5/lib -l t/upgrade.t
use strict;
use warnings;
use File::Spec;
use JSON::PP;
use RT::Extension::SocialCare::Test tests => undef, without_initialdata => 1;
use RT::Extension::SocialCare::Loader;

my $sys = RT->SystemUser;
my $dbh = $RT::Handle->dbh;
my $layout = File::Spec->catdir($RT::Extension::SocialCare::Test::DIST, qw(t data layout-0.2.0));
my $test = 'RT::Extension::SocialCare::Test';

my $social = RT::Queue->new($sys);
$social->Load('Social');
ok(!$social->id, 'the RT starts without the schema (RT::Test did not load etc/initialdata)');

# --- the install as layout 0.2.0 left it ---
my $out = $test->run_script("$layout/provision.pl");
like($out, qr/^RT schema: created queue Social, /m, 'the 0.2.0 provisioner loads its schema') or diag $out;
my $scrip = scrip();
is($scrip->ScripConditionObj->Name, 'User Defined', 'its scrip runs code strings (the layout being upgraded)');
ok(length $scrip->CustomCommitCode, 'with its commit code');

$social->Load('Social');
my $ticket = RT::Ticket->new($sys);
my ($id, undef, $msg) = $ticket->Create(Queue => 'Social', Subject => 'my router is broken', Content => 'help',
    Requestor => 'x:42');
ok($id, 'a ticket in Social') or diag $msg;
my %fields = ('Social Network' => 'X', 'Social Handle' => '@maria', 'Social Conversation ID' => 'x:1001',
    'Social Priority' => 'P1', 'Social Category' => 'Outage', 'Social Triage' => "rule outage\nP1");
for my $name (sort keys %fields) {
    my ($ok, $why) = $ticket->AddCustomFieldValue(Field => $name, Value => $fields{$name});
    ok($ok, "with $name") or diag $why;
}
my ($txn_ok, $txn_msg, $txn) = $ticket->Correspond(Content => 'we are on it');
ok($txn_ok, 'an agent replied') or diag $txn_msg;
my $visibility = RT::CustomField->new($sys);
$visibility->LoadByName(Name => 'Reply Visibility', LookupType => RT::Transaction->CustomFieldLookupType);
ok(($txn->AddCustomFieldValue(Field => $visibility->id, Value => 'Private'))[0], 'with Reply Visibility Private');

my ($at_risk) = RT::Extension::SocialCare::Loader::SystemAttributes('SavedSearch', 'Social care: SLA at risk now');
ok($at_risk, 'the saved search SLA at risk now');
ok(($at_risk->SetContent({ %{ $at_risk->Content }, RowsPerPage => 25 }))[0],
    'an administrator shows 25 rows of it');

my $class = RT::Class->new($sys);
$class->Load('Social Responses');
my $edited = RT::Article->new($sys);
$edited->LoadByCols(Name => 'Thank you and closing', Class => $class->id);
ok(($edited->SetSummary('Public: our own closing words'))[0], 'an administrator edits an article');
my $content = RT::CustomField->new($sys);
$content->LoadByName(Name => 'Content', LookupType => RT::Article->CustomFieldLookupType);
my $added = RT::Article->new($sys);
ok(($added->Create(Class => $class->id, Name => 'Outage apology', Summary => 'Public: during an outage',
    'CustomField-' . $content->id => 'Sorry, we are down; back soon.'))[0], 'and adds one');

my $agent = RT::User->new($sys);
ok(($agent->Create(Name => 'agent-anna', Privileged => 1))[0], 'an agent');
my $agents = RT::Group->new($sys);
$agents->LoadUserDefinedGroup('Social Agents');
ok(($agents->AddMember($agent->PrincipalId))[0], 'in Social Agents');

my $before = rows();
my $searches_before = dashboard_searches();

# --- the upgrade ---
$out = $test->load_schema;
like($out, qr/^RT schema: created .*scrip 'On Correspond notify Social Care Bridge' now uses ScripCondition/m,
    'the current loader upgrades the scrip') or diag $out;
like($out, qr/schema versions 0\.2\.0, \Q@{[RT::Extension::SocialCare->VERSION]}\E recorded/,
    'and records the schema versions') or diag $out;
my $after = rows();

# Nothing duplicated: each name once, and no schema row of the old layout replaced by a new one.
for my $kind (sort keys %{ $after->{names} }) {
    my @twice = grep { $after->{names}{$kind}{$_} > 1 } sort keys %{ $after->{names}{$kind} };
    is("@twice", '', "$kind: no name twice");
    my @lost = grep { !$after->{names}{$kind}{$_} } sort keys %{ $before->{names}{$kind} };
    is("@lost", '', "$kind: none of the old layout's gone");
}
my $data = RT::Extension::SocialCare::Loader->ReadInitialdata(
    File::Spec->catfile($RT::Extension::SocialCare::Test::DIST, qw(etc initialdata)));
my %wanted = (
    queues => [map { $_->{Name} } @{ $data->{Queues} }],
    groups => [map { $_->{Name} } @{ $data->{Groups} }],
    'custom fields' => [map { "$_->{Name} ($_->{LookupType})" } @{ $data->{CustomFields} }],
    scrips => [map { $_->{Description} } @{ $data->{Scrips} }],
    'saved searches' => [map { $_->{Description} } grep { $_->{Name} eq 'SavedSearch' } @{ $data->{Attributes} }],
    dashboards => [map { $_->{Description} } grep { $_->{Name} eq 'Dashboard' } @{ $data->{Attributes} }],
    articles => [map { "$_->{Name} ($_->{Class})" } @{ $data->{Articles} }],
);
for my $kind (sort keys %wanted) {
    my @missing = grep { ($after->{names}{$kind}{$_} // 0) != 1 } @{ $wanted{$kind} };
    is("@missing", '', "$kind: each of etc/initialdata's exactly once (" . @{ $wanted{$kind} } . ')');
}
for my $table (qw(Queues CustomFields Groups Scrips Classes Articles)) {
    my @old = map { $_->{id} } @{ $before->{rows}{$table} };
    my @kept = map { $_->{id} } @{ $after->{rows}{$table} }[0 .. $#old];
    is_deeply(\@kept, \@old, "$table: the old layout's rows kept, by id");
}

# Every ticket, transaction and field value kept, as it was.
is_deeply($after->{rows}{$_}, $before->{rows}{$_}, "$_: every row kept unchanged")
    for qw(Tickets Transactions ObjectCustomFieldValues GroupMembers);
$ticket->Load($id);
is($ticket->FirstCustomFieldValue($_), $fields{$_}, "the ticket's $_ kept") for sort keys %fields;
$txn->Load($txn->id);
is($txn->FirstCustomFieldValue($visibility->id), 'Private', "the reply's Reply Visibility kept");
$at_risk->Load($at_risk->id);
is($at_risk->Content->{RowsPerPage}, 25, "the administrator's change to a saved search kept");
$edited->Load($edited->id);
is($edited->Summary, 'Public: our own closing words', "the administrator's article edit kept");
$added->Load($added->id);
ok($added->id && !$added->Disabled, 'the added article kept');
ok($agents->HasMember($agent->PrincipalId), 'the member of Social Agents kept');
my $searches_after = dashboard_searches();
is_deeply([map { [@$_{qw(id name copies)}] } @{ $searches_after->{searches} }],
    [map { [@$_{qw(id name copies)}] } @{ $searches_before->{searches} }],
    "the dashboard shows the same saved searches, each once (0.2.0's dashboard-searches.pl)");
is($searches_after->{dashboard}{copies}, 1, 'one dashboard');

# The scrip: the extension's condition and action, no code strings, TransactionBatch on both social queues.
$scrip = scrip();
is($scrip->id, $before->{scrip}, 'the same scrip');
is($scrip->ScripConditionObj->ExecModule, 'SocialCareReply', 'its condition is RT::Condition::SocialCareReply');
is($scrip->ScripActionObj->ExecModule, 'SocialCareNotify', 'its action is RT::Action::SocialCareNotify');
is($scrip->$_ // '', '', "$_ empty") for qw(CustomIsApplicableCode CustomPrepareCode CustomCommitCode);
for my $name ('Social', 'Social Escalations') {
    my $queue = RT::Queue->new($sys);
    $queue->Load($name);
    my $applied = RT::ObjectScrip->new($sys);
    $applied->LoadByCols(Scrip => $scrip->id, ObjectId => $queue->id);
    is($applied->Stage, 'TransactionBatch', "at TransactionBatch on $name");
}

# Read afresh: this process's RT->System cached its attributes before the child process wrote this one.
my ($recorded) = RT::Extension::SocialCare::Loader::SystemAttributes('SocialCareSchemaVersions');
my $versions = $recorded ? $recorded->Content : {};
is_deeply([sort keys %$versions], ['0.2.0', RT::Extension::SocialCare->VERSION],
    'schema versions recorded: the previous layout and this one');

# --- a second run ---
$out = $test->load_schema;
is($out, "RT schema: already up to date\n", 'a second run says it is up to date');
is_deeply(rows()->{rows}, $after->{rows}, 'and changes no row');

done_testing;

sub scrip {
    my $scrips = RT::Scrips->new($sys);
    $scrips->Limit(FIELD => 'Description', VALUE => 'On Correspond notify Social Care Bridge');
    return $scrips->First;
}

sub dashboard_searches {
    my $json = $test->run_script("$layout/dashboard-searches.pl", 'Social care');
    return JSON::PP->new->decode($json);
}

# Every row of the tables the schema and the data live in (without what any touch updates), and the
# names of what etc/initialdata creates, with how many rows bear each.
sub rows {
    my %rows;
    for my $table (qw(Queues CustomFields CustomFieldValues ObjectCustomFields Groups GroupMembers Users ACL
        Scrips ObjectScrips ScripConditions ScripActions Templates Attributes Classes ObjectClasses Articles
        Tickets Transactions ObjectCustomFieldValues)) {
        my $all = $dbh->selectall_arrayref("SELECT * FROM $table ORDER BY id", { Slice => {} });
        $rows{$table} = [map { my $row = $_; my %row = map { lc($_) => $row->{$_} } keys %$row;
            delete @row{qw(lastupdated lastupdatedby)}; \%row } @$all];
    }
    my %lookup = map { $_ => $_ } (RT::Ticket->CustomFieldLookupType, RT::Transaction->CustomFieldLookupType,
        RT::Article->CustomFieldLookupType);
    my %class_name = map { $_->{id} => $_->{name} } @{ $rows{Classes} };
    my %count;
    $count{queues}{ $_->{name} }++ for @{ $rows{Queues} };
    $count{groups}{ $_->{name} }++ for grep { $_->{domain} eq 'UserDefined' } @{ $rows{Groups} };
    $count{'custom fields'}{"$_->{name} ($_->{lookuptype})"}++ for @{ $rows{CustomFields} };
    $count{scrips}{ $_->{description} }++ for @{ $rows{Scrips} };
    for my $attr (grep { $_->{objecttype} eq 'RT::System' } @{ $rows{Attributes} }) {
        $count{'saved searches'}{ $attr->{description} }++ if $attr->{name} eq 'SavedSearch';
        $count{dashboards}{ $attr->{description} }++ if $attr->{name} eq 'Dashboard';
    }
    $count{articles}{"$_->{name} ($class_name{ $_->{class} })"}++ for @{ $rows{Articles} };
    my $scrip = scrip();
    return { rows => \%rows, names => \%count, scrip => $scrip ? $scrip->id : undef };
}
