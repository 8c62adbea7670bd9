package org.socialcarebridge.reply;

import org.socialcarebridge.conversation.Network;

/**
 * A reply ready for the network: the final text (with @-prefix) and where it goes.
 *
 * @param inReplyToMessageId for public replies: the customer message answered
 * @param recipientAccountId for private replies: the customer's account
 */
public record OutboundPost(Network network, ReplyVisibility visibility, String text,
                           String inReplyToMessageId, String recipientAccountId) {
}
