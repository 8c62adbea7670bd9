package RT::Condition::SocialCareReply;
use strict;
use warnings;
use base 'RT::Condition';

=head1 NAME

RT::Condition::SocialCareReply - a reply Social Care Bridge must hear about

=head1 DESCRIPTION

True when the transaction batch holds a reply (C<Correspond>) by someone who may be answering for
the brand: neither the plugin's own RT user C<socialcare> (its correspondence is the customer's
message it filed; telling the plugin would only echo it back) nor one of the ticket's requestors (the
customer answering in RT, e.g. by e-mail). Whether the author does speak for the brand (a member of
the plugin's agent groups, not an administrator passing by) is the plugin's decision, not this
condition's; the plugin also reconciles, so a reply this condition passes over is still seen and
answered with a comment saying why it was not posted.

Meant for the C<TransactionBatch> stage, where the reply's text and its transaction custom fields
(Reply Visibility) are all recorded.

=cut

sub IsApplicable {
    my $self = shift;
    return scalar $self->Replies ? 1 : 0;
}

# The batch's replies by neither the plugin's user nor a requestor of the ticket.
sub Replies {
    my $self = shift;
    # Most batches (a ticket filed, fields set) hold no reply: they cost no look-up.
    my @replies = grep { $_->Type eq 'Correspond' } @{ $self->TicketObj->TransactionBatch || [] };
    return () unless @replies;
    my $plugin = RT::User->new(RT->SystemUser);
    $plugin->Load('socialcare');
    # Read as the system: who requested a ticket is not for the replying user's rights to hide.
    my $ticket = RT::Ticket->new(RT->SystemUser);
    $ticket->Load($self->TicketObj->id);
    return grep { (!$plugin->id || $_->Creator != $plugin->id) && !$ticket->IsRequestor($_->Creator) } @replies;
}

1;
