package org.socialcarebridge.reply;

import org.socialcarebridge.conversation.Network;

/**
 * A reply ready for the network: the final text (with @-prefix) and where it goes.
 *
 * @param inReplyToMessageId for public replies: the customer message answered
 * @param recipientAccountId for private replies: the customer's account
 * @param continuesThread    a later part of a numbered thread: it answers the part posted before it
 */
public record OutboundPost(Network network, ReplyVisibility visibility, String text,
                           String inReplyToMessageId, String recipientAccountId, boolean continuesThread) {
    /** A post that answers the given message (or goes to the given account). */
    public OutboundPost(Network network, ReplyVisibility visibility, String text, String inReplyToMessageId,
                        String recipientAccountId) {
        this(network, visibility, text, inReplyToMessageId, recipientAccountId, false);
    }

    /** The next part of a numbered thread answers the part posted before it, known only once that is posted. */
    public OutboundPost answering(String previousPostId) {
        return new OutboundPost(network, visibility, text, previousPostId, recipientAccountId, false);
    }
}
