package RT::Action::SocialCareNotify;
use strict;
use warnings;
use base 'RT::Action';
use HTTP::Tiny;
use RT::Condition::SocialCareReply;

=head1 NAME

RT::Action::SocialCareNotify - tell Social Care Bridge that someone replied

=head1 DESCRIPTION

For each reply of the transaction batch not written by the plugin's user, POSTs
C<{"ticket":N,"transaction":T}> to C<$SocialCareNotifyURL> with the header C<X-SocialCare-Secret> set
to C<$SocialCareNotifySecret> (the plugin acts only on notifications that carry it). Without a URL it
does nothing; without a secret it logs why and does nothing.

It never blocks the agent for long (two seconds per reply) and never fails the reply: the plugin also
reconciles, so a lost notification delays a reply, it does not drop it.

=cut

sub Prepare { return 1 }

sub Commit {
    my $self = shift;
    my $url = RT->Config->Get('SocialCareNotifyURL') or return 1;
    my $secret = RT->Config->Get('SocialCareNotifySecret');
    my $ticket = $self->TicketObj;
    unless (defined $secret && length $secret) {
        RT->Logger->warning('Social Care Bridge was not notified of ticket ' . $ticket->id
            . ': $SocialCareNotifySecret is not set; run the provisioning (it writes'
            . ' RT_SiteConfig.d/98-socialcare-secret.pm) and restart RT. The plugin still'
            . ' picks the reply up when it reconciles.');
        return 1;
    }
    # The condition's own test, so a scrip given another condition still never echoes the plugin.
    for my $txn (RT::Condition::SocialCareReply::Replies($self)) {
        my $body = sprintf('{"ticket":%d,"transaction":%d}', $ticket->id, $txn->id);
        my $res = eval { HTTP::Tiny->new(timeout => 2)->post($url,
            { headers => { 'Content-Type' => 'application/json', 'X-SocialCare-Secret' => $secret },
              content => $body }) };
        RT->Logger->warning('Social Care Bridge was not notified of transaction ' . $txn->id . ': '
            . ($@ || "$res->{status} $res->{reason}")) unless $res && $res->{success};
    }
    return 1;
}

1;
