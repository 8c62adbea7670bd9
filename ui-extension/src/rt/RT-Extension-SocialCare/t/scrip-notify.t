#!/usr/bin/perl
# The scrip "On Correspond notify Social Care Bridge": an agent's reply on a social queue is posted to
# $SocialCareNotifyURL with the shared secret, once the reply is recorded; comments, and the customer's
# messages the plugin itself records, are not. HTTP::Tiny's post is replaced in this process, where the
# scrips run, so nothing leaves the machine and what would be sent is checked exactly.
use strict;
use warnings;
use RT::Extension::SocialCare::Test tests => undef, config => <<'CONFIG';
Set($SocialCareNotifyURL, 'http://notify.invalid/socialcare/rt/transactions');
Set($SocialCareNotifySecret, 'feedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedface');
CONFIG
use HTTP::Tiny;
use JSON::PP;

RT::Extension::SocialCare::Test->load_schema;
my $agent = RT::Test->load_or_create_user(Name => 'agent', Password => 'password', MemberOf => 'Social Agents');
my $plugin = RT::User->new(RT->SystemUser);
$plugin->Load('socialcare');
ok($plugin->id, "the plugin's user exists (provisioned)");
my $customer = RT::Test->load_or_create_user(Name => 'x:9', Privileged => 0);

my @posts;
my $answer = { success => 1, status => 202, reason => 'Accepted' };
{
    no warnings 'redefine';
    *HTTP::Tiny::post = sub {
        my ($http, $url, $args) = @_;
        push @posts, { url => $url, headers => $args->{headers}, content => $args->{content} };
        return $answer;
    };
}

sub ticket_in {
    my ($queue) = @_;
    my $ticket = RT::Ticket->new(RT->SystemUser);
    my ($id, undef, $msg) = $ticket->Create(Queue => $queue, Subject => "scrip $queue", Requestor => $customer->id,
        Content => 'help');
    ok($id, "ticket in $queue") or diag $msg;
    return $id;
}

# Does $what as $user on ticket $id and returns what the scrips posted. The batch scrips run when
# RT is done with the ticket object, as at the end of a web request.
sub posts_after {
    my ($user, $id, $what, %args) = @_;
    @posts = ();
    my $ticket = RT::Ticket->new(RT::CurrentUser->new($user));
    $ticket->Load($id);
    my ($txn, $msg) = $ticket->$what(Content => $args{Content} // 'text');
    ok($txn, "$what recorded") or diag $msg;
    undef $ticket;
    return ($txn, [@posts]);
}

my $social = ticket_in('Social');
my ($reply, $sent) = posts_after($agent, $social, 'Correspond');
is(scalar @$sent, 1, "an agent's reply notifies once");
is($sent->[0]{url}, 'http://notify.invalid/socialcare/rt/transactions', 'at $SocialCareNotifyURL');
is($sent->[0]{headers}{'X-SocialCare-Secret'}, 'feedface' x 8, 'with the shared secret');
is($sent->[0]{headers}{'Content-Type'}, 'application/json', 'as JSON');
is_deeply(decode_json($sent->[0]{content}), { ticket => $social, transaction => $reply },
    'naming the ticket and the reply');

(undef, $sent) = posts_after($agent, $social, 'Comment');
is(scalar @$sent, 0, "an agent's comment does not notify");

(undef, $sent) = posts_after($plugin, $social, 'Correspond', Content => "the customer's next message");
is(scalar @$sent, 0, "the customer's message, recorded by the plugin's user, does not notify");

# Where requestors may answer in RT themselves (by e-mail, as RT's rt-mailgate needs), their replies
# are no agent's either.
my $requestors = RT::Queue->new(RT->SystemUser);
$requestors->Load('Social');
ok(($requestors->RoleGroup('Requestor')->PrincipalObj->GrantRight(Right => 'ReplyToTicket', Object => $requestors))[0],
    'requestors may reply on Social (as with e-mail)');
(undef, $sent) = posts_after($customer, $social, 'Correspond', Content => 'a reply by e-mail');
is(scalar @$sent, 0, "a requestor's own reply does not notify (RT::Condition::SocialCareReply asks who replied)");

my $escalated = ticket_in('Social Escalations');
($reply, $sent) = posts_after($agent, $escalated, 'Correspond');
is(scalar @$sent, 1, "an agent's reply on Social Escalations notifies too");
is(eval { decode_json($sent->[0]{content})->{transaction} }, $reply, 'naming that reply');

my $general = ticket_in('General');
(undef, $sent) = posts_after(RT->SystemUser, $general, 'Correspond');
is(scalar @$sent, 0, 'a reply on a queue that is not social does not notify');

# The plugin also reconciles: a notification that fails, or cannot be sent, never fails the reply; RT
# logs why (at warning level, which RT::Test turns into Perl warnings).
sub warnings_of {
    my ($code) = @_;
    my @warnings;
    local $SIG{__WARN__} = sub { push @warnings, join '', @_ };
    $code->();
    return join '', @warnings;
}
$answer = { success => 0, status => 503, reason => 'Service Unavailable' };
my $logged = warnings_of(sub { ($reply, $sent) = posts_after($agent, $social, 'Correspond') });
ok($reply, 'a reply the plugin answers 503 to is recorded');
is(scalar @$sent, 1, 'after one attempt');
like($logged, qr/Social Care Bridge was not notified of transaction $reply: 503 Service Unavailable/,
    'RT logs which reply and the answer');
$answer = { success => 1, status => 202, reason => 'Accepted' };

RT->Config->Set(SocialCareNotifySecret => '');
$logged = warnings_of(sub { ($reply, $sent) = posts_after($agent, $social, 'Correspond') });
ok($reply, 'without a secret the reply is recorded');
is(scalar @$sent, 0, 'and nothing is sent');
like($logged, qr/\$SocialCareNotifySecret is not set; run the provisioning/, 'RT logs what to do');

done_testing;
