package org.socialcarebridge.channel;

/**
 * A reply ready for the network: the final text (with @-prefix) and where it goes.
 *
 * @param inReplyToMessageId for public replies: the customer message answered; for a private reply: the
 *                           public comment it answers privately (Facebook's one private reply to a
 *                           comment, sent to the comment, not to an account), else null
 * @param recipientAccountId for private replies: the account that receives it
 * @param recipientHandle    for private replies: that account's handle, the only one a Mastodon direct
 *                           status may mention (null when not known)
 * @param continuesThread    a later part of a numbered thread: it answers the part posted before it
 * @param tag                the network's tag a private message must carry to be sent now (Meta's
 *                           {@code HUMAN_AGENT} after the 24-hour window), else null
 * @param template           the name of the approved template to send instead of free text (WhatsApp after
 *                           its window), its placeholders filled from {@code text}; else null
 */
public record OutboundPost(Network network, ReplyVisibility visibility, String text, String inReplyToMessageId,
                           String recipientAccountId, String recipientHandle, boolean continuesThread, String tag,
                           String template) {
    public OutboundPost(Network network, ReplyVisibility visibility, String text, String inReplyToMessageId,
                        String recipientAccountId, String recipientHandle, boolean continuesThread, String tag) {
        this(network, visibility, text, inReplyToMessageId, recipientAccountId, recipientHandle, continuesThread, tag, null);
    }

    public OutboundPost(Network network, ReplyVisibility visibility, String text, String inReplyToMessageId,
                        String recipientAccountId, String recipientHandle, boolean continuesThread) {
        this(network, visibility, text, inReplyToMessageId, recipientAccountId, recipientHandle, continuesThread, null);
    }

    /** A post that answers the given message (or goes to the given account). */
    public OutboundPost(Network network, ReplyVisibility visibility, String text, String inReplyToMessageId,
                        String recipientAccountId) {
        this(network, visibility, text, inReplyToMessageId, recipientAccountId, null, false);
    }

    public OutboundPost(Network network, ReplyVisibility visibility, String text, String inReplyToMessageId,
                        String recipientAccountId, boolean continuesThread) {
        this(network, visibility, text, inReplyToMessageId, recipientAccountId, null, continuesThread);
    }

    /** The next part of a numbered thread answers the part posted before it, known only once that is posted. */
    public OutboundPost answering(String previousPostId) {
        return new OutboundPost(network, visibility, text, previousPostId, recipientAccountId, recipientHandle, false, tag,
                template);
    }

    /** Whether this is the one private reply to a public comment (it goes to the comment, not to an account). */
    public boolean answersCommentPrivately() {
        return visibility != ReplyVisibility.PUBLIC && inReplyToMessageId != null;
    }

    /**
     * Who a private post reaches, as the transaction's {@code Social Recipient} shows it, e.g.
     * {@code x:123 @maria}; null for a public post.
     */
    public String recipient() {
        if (visibility == ReplyVisibility.PUBLIC || recipientAccountId == null) {
            return null;
        }
        return network.key() + ":" + recipientAccountId + (recipientHandle == null ? "" : " @" + recipientHandle);
    }
}
