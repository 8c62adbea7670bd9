#!/usr/bin/perl
# The endpoint /SocialCare/FieldValues: the plugin's user keeps Social Template's values of one category
# (a network's approved templates) equal to a list in one request: added, described, reordered and
# removed, other categories untouched, all or nothing; RT's rights decide, and the plugin holds
# AdminCustomFieldValues on that one field only.
#   prove -I/usr/share/request-tracker5/lib -l t/field-values.t
use strict;
use warnings;
use JSON;
use RT::Extension::SocialCare::Test tests => undef;

RT::Extension::SocialCare::Test->load_schema;
my $plugin = RT::Extension::SocialCare::Test->plugin_user('plugin-secret-for-tests');
RT::Test->load_or_create_user(Name => 'agent', Password => 'password', MemberOf => 'Social Agents');

my $template = RT::CustomField->new(RT->SystemUser);
$template->LoadByName(Name => 'Social Template', LookupType => RT::Transaction->CustomFieldLookupType);
ok($template->id, 'Social Template exists') or BAIL_OUT('no Social Template');
is($template->Type, 'Select', 'a select');
ok($plugin->HasRight(Right => 'AdminCustomFieldValues', Object => $template), 'the plugin may edit its values');
my $delivery = RT::CustomField->new(RT->SystemUser);
$delivery->LoadByName(Name => 'Social Delivery', LookupType => RT::Transaction->CustomFieldLookupType);
ok(!$plugin->HasRight(Right => 'AdminCustomFieldValues', Object => $delivery), "and no other field's");
ok(!$plugin->HasRight(Right => 'AdminCustomField', Object => $template), 'nor change the field itself');
my ($other_ok) = $template->AddValue(Name => 'hello_world', Category => 'Elsewhere');
ok($other_ok, "another category's value, which the plugin must leave alone");

my ($base, $m) = RT::Test->started_ok;

sub offer {
    my ($agent, $category, @pairs) = @_;
    my @form = (field => 'Social Template', category => $category);
    while (my ($value, $description) = splice @pairs, 0, 2) {
        push @form, value => $value, description => $description;
    }
    $agent->post("$base/SocialCare/FieldValues", \@form);
    return eval { decode_json($agent->content) } || { ok => 0, error => $agent->content };
}

sub values_of {
    my ($category) = @_;
    my $cf = RT::CustomField->new(RT->SystemUser);
    $cf->Load($template->id);
    return [map { [$_->Name, $_->Description // ''] } grep { ($_->Category // '') eq $category }
        @{ $cf->Values->ItemsArrayRef }];
}

ok($m->login('socialcare', 'plugin-secret-for-tests'), 'the plugin user logs in');
my $answer = offer($m, 'WhatsApp', order_update => 'en_US: Hello {{1}}, {{2}}', follow_up => 'en_US: News: {{1}}');
ok($answer->{ok}, 'two templates offered') or diag explain $answer;
is($answer->{added}, 2, 'both added');
is_deeply(values_of('WhatsApp'), [['order_update', 'en_US: Hello {{1}}, {{2}}'], ['follow_up', 'en_US: News: {{1}}']],
    'in the order given, with their descriptions');

$answer = offer($m, 'WhatsApp', follow_up => 'en_US: News: {{1}}. Reply to continue.', csat_survey => 'en_US: How did we do?');
ok($answer->{ok}, 'the list changes') or diag explain $answer;
is_deeply([@$answer{qw(added changed removed)}], [1, 1, 1], 'one added, one changed, one removed');
is_deeply(values_of('WhatsApp'), [['follow_up', 'en_US: News: {{1}}. Reply to continue.'], ['csat_survey', 'en_US: How did we do?']],
    'exactly the new list');
is_deeply(values_of('Elsewhere'), [['hello_world', '']], "another category's value is left alone");

$answer = offer($m, 'WhatsApp', csat_survey => 'x', hello_world => 'clash');
ok(!$answer->{ok}, "a name another category holds is refused");
like($answer->{error}, qr/hello_world/, 'naming it');
is_deeply(values_of('WhatsApp'), [['follow_up', 'en_US: News: {{1}}. Reply to continue.'], ['csat_survey', 'en_US: How did we do?']],
    'and nothing changed: all or nothing');

$answer = offer($m, 'WhatsApp', csat_survey => 'a', csat_survey => 'b');
ok(!$answer->{ok} && $answer->{error} =~ /twice/, 'a value listed twice is refused');

$answer = offer($m, 'WhatsApp');
ok($answer->{ok} && $answer->{removed} == 2, 'an empty list empties the category');
is_deeply(values_of('WhatsApp'), [], 'none left');

my $agent = RT::Test::Web->new;
ok($agent->login('agent', 'password'), 'an agent logs in');
$answer = offer($agent, 'WhatsApp', order_update => 'en_US: forged');
ok(!$answer->{ok}, "an agent may not change the templates");
like($answer->{error}, qr/permission denied/, 'permission denied');
is_deeply(values_of('WhatsApp'), [], 'nothing was added');

$m->get("$base/SocialCare/FieldValues?field=Social%20Template&category=WhatsApp&value=x&description=y");
like($m->content, qr/POST only/, 'GET changes nothing');

done_testing;
