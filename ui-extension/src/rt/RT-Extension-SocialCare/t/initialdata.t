#!/usr/bin/perl
# etc/initialdata on a throwaway RT (RT::Test, SQLite in t/tmp): RT's own loader (what `make initdb`
# runs; RT::Test runs it for the plugin under test) loads it on an empty RT, and the idempotent loader
# of ./socialcare provision then adopts all of it, twice, without changing a row; it keeps field
# values, revokes a stray right of the plugin's user, upgrades the earlier layout's scrip and applies
# an upgrade file once. Run from the extension's folder:
#   RT_TEST_DB_TYPE=SQLite prove -I/usr/share/request-tracker5/lib -Ilib t/initialdata.t
# RT::Test reads none of the real RT's site configuration (RT_SITE_CONFIG_DIR=/dev/null) and puts the
# SQLite database in t/tmp; Mason's session folder is moved to a temporary one below.
use strict;
use warnings;
use Cwd;
use File::Temp;
# RT::Test creates RT's Mason session folder; this one, not the real RT's under /var/cache.
BEGIN {
    require RT;
    my $var = File::Temp->newdir('rt-var-XXXXXX', TMPDIR => 1);
    ($RT::MasonSessionDir, $RT::MasonDataDir) = ("$var/session_data", "$var/mason_data");
    our $VAR = $var;
}
use RT::Test tests => undef, testing => 'RT::Extension::SocialCare';
use RT::Extension::SocialCare::Loader;

my $dir = Cwd::getcwd();
my $sys = RT->SystemUser;

# Every row of the tables the schema lives in, without the columns any touch updates.
my @TABLES = qw(Queues Groups Users CustomFields CustomFieldValues ObjectCustomFields Classes ObjectClasses
    Articles ObjectCustomFieldValues ScripConditions ScripActions Scrips ObjectScrips Templates Attributes ACL);
sub rows {
    my %rows;
    for my $table (@TABLES) {
        my $all = $RT::Handle->dbh->selectall_arrayref("SELECT * FROM $table ORDER BY id", { Slice => {} });
        # Column names as SQLite spells them, in one case.
        $rows{$table} = [map { my $row = $_; my %row = map { lc($_) => $row->{$_} } keys %$row;
            delete @row{qw(lastupdated lastupdatedby)}; \%row } @$all];
    }
    return \%rows;
}
sub load { RT::Extension::SocialCare::Loader->new(Dir => $dir)->Run }

my $queue = RT::Queue->new($sys);
ok($queue->Load('Social'), "RT's loader created the queue Social");
my $cf = RT::CustomField->new($sys);
$cf->LoadByName(Name => 'Reply Visibility', LookupType => RT::Transaction->CustomFieldLookupType);
ok($cf->id && $cf->IsAdded($queue->id), 'Reply Visibility is on the Reply form of Social');
is_deeply([map { $_->Name } @{ $cf->Values->ItemsArrayRef }], ['Public', 'Private', 'Move to private'],
    'its values, in order');
my ($chart) = grep { $_->Description eq 'Social care: Volume this week by network' }
    RT->System->Attributes->Named('SavedSearch');
my $network = RT::CustomField->new($sys);
$network->LoadByName(Name => 'Social Network', LookupType => RT::Ticket->CustomFieldLookupType);
is_deeply($chart->Content->{GroupBy}, ['CF.{' . $network->id . '}'], "\@Final stored the chart's grouping by id");

my $before = rows();
my $first = load();
is_deeply($first->{revoked}, [], 'the plugin user holds no right etc/initialdata does not list');
is_deeply($first->{done}, [], 'the loader adopts everything RT\'s loader created: nothing to create or update');
my $after = rows();
is_deeply($after->{$_}, $before->{$_}, "$_: no row changed") for @TABLES;
is_deeply(RT->System->FirstAttribute('SocialCareSchemaVersions')->Content,
    { RT::Extension::SocialCare->VERSION => 'etc/initialdata loaded' }, 'the schema version is recorded');

my $second = load();
is_deeply($second, { done => [], revoked => [] }, 'loading twice: nothing to do the second time');
is_deeply(rows(), $after, 'and no row changed');

# A ticket's field values survive provisioning, and a right the plugin's user must not hold is taken back.
my $ticket = RT::Ticket->new($sys);
my ($id) = $ticket->Create(Queue => 'Social', Subject => 'kept', 'CustomField-' . $network->id => 'X');
ok($id, 'a social ticket');
my $plugin = RT::User->new($sys);
$plugin->Load('socialcare');
ok($plugin->PrincipalObj->GrantRight(Right => 'AdminUsers', Object => RT->System), 'AdminUsers granted by hand');
my $third = load();
is_deeply($third->{revoked}, ['AdminUsers on RT (system-wide)'], 'provisioning revokes it');
ok(!$plugin->PrincipalObj->HasRight(Right => 'AdminUsers', Object => RT->System), 'the plugin no longer holds it');
$ticket->Load($id);
is($ticket->FirstCustomFieldValue('Social Network'), 'X', "the ticket's field value is kept");

# The scrip as the layout before etc/initialdata made it: User Defined code strings.
my $scrips = RT::Scrips->new($sys);
$scrips->Limit(FIELD => 'Description', VALUE => 'On Correspond notify Social Care Bridge');
my $scrip = $scrips->First;
$scrip->SetScripCondition('User Defined');
$scrip->SetScripAction('User Defined');
$scrip->SetCustomCommitCode('return 1;');
my $upgrade = load();
ok((grep { /now uses ScripCondition 'On Social Care Reply'/ } @{ $upgrade->{done} }), 'an old scrip gets the condition');
$scrip->Load($scrip->id);
is($scrip->ScripActionObj->ExecModule, 'SocialCareNotify', 'and the action module');
is($scrip->CustomCommitCode // '', '', 'its code string is gone');
is_deeply(load(), { done => [], revoked => [] }, 'after which the schema is up to date again');

# That layout applied the scrip to Social Escalations at RT's default stage, where it never fires.
my $escalations = RT::Queue->new($sys);
$escalations->Load('Social Escalations');
my $applied = RT::ObjectScrip->new($sys);
$applied->LoadByCols(Scrip => $scrip->id, ObjectId => $escalations->id);
is($applied->Stage, 'TransactionBatch', 'RT\'s loader applied the scrip at its stage on the second queue');
ok(($applied->SetStage('TransactionCreate'))[0], 'as the earlier layout left it');
is_deeply(load()->{done}, ['scrip on queue Social Escalations moved to stage TransactionBatch'], 'the loader moves it');
$applied->Load($applied->id);
is($applied->Stage, 'TransactionBatch', 'to the scrip\'s stage');

# An upgrade file is applied once, on an RT whose recorded version is older, before the initialdata.
my $copy = File::Temp->newdir('extension-XXXXXX', TMPDIR => 1);
mkdir "$copy/etc";
mkdir "$copy/etc/upgrade";
my $version = RT::Extension::SocialCare->VERSION;
mkdir "$copy/etc/upgrade/$version";
{
    open(my $from, '<', "$dir/etc/initialdata") or die "cannot read etc/initialdata: $!";
    open(my $to, '>', "$copy/etc/initialdata") or die "cannot write the copy: $!";
    print {$to} <$from>;
    open(my $upgrade, '>', "$copy/etc/upgrade/$version/content") or die "cannot write the upgrade: $!";
    print {$upgrade} "our \@Groups = ({ Name => 'Upgrade check', Description => 'added by an upgrade' });\n"
        . "our \@Final = (sub { \$main::upgrades++ });\n1;\n";
}
our $upgrades = 0;
my $copy_loader = sub { RT::Extension::SocialCare::Loader->new(Dir => "$copy")->Run };
my $versions = RT->System->FirstAttribute('SocialCareSchemaVersions');
is_deeply($copy_loader->()->{done}, [], "this version's own upgrade is not applied where its initialdata was loaded");
ok($versions->SetContent({ '0.2.0' => 'provisioned before etc/initialdata' }), 'an RT of the earlier layout');
my $upgraded = $copy_loader->();
is_deeply($upgraded->{done}, ['group Upgrade check', "upgrade $version", "schema version $version recorded"],
    'the upgrade runs, then the version is recorded');
is($upgrades, 1, "its \@Final ran once");
is_deeply($copy_loader->()->{done}, [], 'a second load does not apply it again');
is($upgrades, 1, 'nor run its code');

done_testing;
