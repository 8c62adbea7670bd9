package RT::Condition::SocialCareReply;
use strict;
use warnings;
use base 'RT::Condition';

=head1 NAME

RT::Condition::SocialCareReply - a reply Social Care Bridge must hear about

=head1 DESCRIPTION

True when the transaction batch holds a reply (C<Correspond>) by anyone but the plugin's own RT user
C<socialcare>: the plugin's own correspondence is the customer's message it filed, and telling the
plugin about it would only echo it back. Whether the author may speak for the brand (an agent, not a
requestor answering by e-mail) is the plugin's decision, from RT's groups, not this condition's.

Meant for the C<TransactionBatch> stage, where the reply's text and its transaction custom fields
(Reply Visibility) are all recorded.

=cut

sub IsApplicable {
    my $self = shift;
    return scalar $self->Replies ? 1 : 0;
}

# The batch's replies by someone other than the plugin's user (all replies when that user is missing).
sub Replies {
    my $self = shift;
    my $plugin = RT::User->new(RT->SystemUser);
    $plugin->Load('socialcare');
    return grep { $_->Type eq 'Correspond' && (!$plugin->id || $_->Creator != $plugin->id) }
        @{ $self->TicketObj->TransactionBatch || [] };
}

1;
