#!/usr/bin/perl
# The social box on a ticket's page (Callbacks/SocialCare/Ticket/Display.html/BeforeShowSummary) shows
# what customers and networks wrote as text, never as markup, and links only http(s) profile addresses.
use strict;
use warnings;
use RT::Extension::SocialCare::Test tests => undef;

RT::Extension::SocialCare::Test->load_schema;
my $agent = RT::Test->load_or_create_user(Name => 'agent', Password => 'password', MemberOf => 'Social Agents');
my $customer = RT::Test->load_or_create_user(Name => 'x:42', Privileged => 0, RealName => '<b>Mallory</b>');

# A ticket filed as the plugin would, with the given social fields.
sub social_ticket {
    my ($queue, $subject, %fields) = @_;
    my $ticket = RT::Ticket->new(RT->SystemUser);
    my ($id, undef, $msg) = $ticket->Create(Queue => $queue, Subject => $subject, Requestor => $customer->id,
        Content => 'my order never arrived');
    ok($id, "ticket '$subject' in $queue") or diag $msg;
    for my $field (sort keys %fields) {
        my ($ok, $why) = $ticket->AddCustomFieldValue(Field => $field, Value => $fields{$field});
        ok($ok, "$field set") or diag $why;
    }
    return $ticket;
}

# The box as a DOM, with what it says as text.
sub summary_box {
    my ($m, $ticket) = @_;
    $m->get_ok('/Ticket/Display.html?id=' . $ticket->id);
    return $m->dom->at('div.socialcare-summary');
}

my %hostile = (
    'Social Network'     => q{<script>alert("network")</script>},
    'Social Handle'      => q{"><img src=x onerror=alert('handle')>},
    'Social Followers'   => q{12<script>alert(3)</script>},
    'Social Verified'    => 'Yes',
    'Social Profile URL' => 'javascript:alert(4)',
);
my $older = social_ticket('Social', q{<script>alert('older subject')</script>}, 'Social Network' => 'X');
my $ticket = social_ticket('Social', 'hostile fields', %hostile);

my ($base, $m) = RT::Test->started_ok;
ok($m->login('agent', 'password'), 'an agent of Social Agents logs in');

my $box = summary_box($m, $ticket);
ok($box, 'a Social ticket shows the box') or BAIL_OUT('no box: the callback did not run');
is($box->find('script, img, iframe, svg, object, embed')->size, 0, 'no element made of field values');
is($box->find('[onerror], [onclick], [onload], [onmouseover]')->size, 0, 'no event handler attribute');
my $text = $box->all_text;
like($text, qr/\Q$hostile{'Social Network'}\E/, 'the network shows as text');
like($text, qr/\Q$hostile{'Social Handle'}\E/, 'the handle shows as text');
unlike($text, qr/followers/, 'followers that are not a number are left out');
like($text, qr/verified/, 'a verified customer is marked');
ok(!(grep { ($_->attr('href') // '') =~ /^javascript:/i } $box->find('a')->each), 'a javascript: profile is not linked');
ok(!$box->at('a[target="_blank"]'), 'and no profile link at all');
my ($previous) = grep { $_->attr('href') =~ /id=\Q${\ $older->id }\E$/ } $box->find('div.socialcare-previous a')->each;
ok($previous, "the customer's earlier ticket is listed");
like($box->at('div.socialcare-previous')->all_text, qr/\Q<script>alert('older subject')<\/script>\E/,
    'its subject as text');
$m->content_lacks('<script>alert(', 'nowhere on the page does a field value become a script');
$m->content_lacks('<img src=x', 'nor an image');

# A profile address that is http(s) but carries markup characters is not linked; a clean one is,
# with its & escaped inside the attribute.
my $quoted = social_ticket('Social', 'quoted profile', 'Social Profile URL' => q{https://example.test/"onmouseover="alert(5)});
$box = summary_box($m, $quoted);
ok(!$box->at('a[target="_blank"]'), 'an address with a quote is not linked');
is($box->find('[onmouseover]')->size, 0, 'and adds no attribute');
my $clean = social_ticket('Social', 'clean profile', 'Social Profile URL' => 'https://example.test/@maria?a=1&b=2',
    'Social Followers' => '1234');
$box = summary_box($m, $clean);
is(eval { $box->at('a[target="_blank"]')->attr('href') }, 'https://example.test/@maria?a=1&b=2', 'an https address is linked');
like($m->content, qr{href="https://example\.test/\@maria\?a=1&#38;b=2"}, 'with & escaped in the attribute');
like($box->all_text, qr/1234 followers/, 'a numeric follower count shows');

# Only the social queue gets the box (agents cannot see General: root looks).
my $general = social_ticket('General', 'not social');
my $root = RT::Test::Web->new;
ok($root->login, 'root logs in');
$root->get_ok('/Ticket/Display.html?id=' . $general->id);
ok(!$root->dom->at('div.socialcare-summary'), 'a ticket in General has no box');

done_testing;
