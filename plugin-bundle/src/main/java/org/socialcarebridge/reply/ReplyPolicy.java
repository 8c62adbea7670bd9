package org.socialcarebridge.reply;

import java.util.List;
import java.util.Locale;

import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.conversation.Network;
import org.socialcarebridge.conversation.Visibility;
import org.socialcarebridge.host.AgentReply;

/**
 * Turns an agent's reply into what the network accepts: a public reply answers the customer's latest
 * public message and starts with their @handle; a private one goes to their account. Without an
 * explicit choice a reply goes the way the customer last wrote, so a DM is never answered in public
 * by accident. A reply over the network's limit is refused, never cut.
 */
public final class ReplyPolicy {
    static final int DIRECT_MESSAGE_LIMIT = 10_000;

    /** The public half of a Move to private; the agent's text goes as the direct message. */
    static final String MOVE_TO_PRIVATE_ACKNOWLEDGEMENT = "We want to fix this. We've sent you a DM.";

    /**
     * The posts a reply becomes, in the order they are posted: one for Public and Private, two for
     * Move to private (the acknowledgement in the thread, then the direct message).
     */
    public List<OutboundPost> compose(AgentReply reply, Conversation conversation) {
        ReplyVisibility chosen = reply.visibility();
        if (chosen == ReplyVisibility.TO_PRIVATE) {
            OutboundPost dm = post(reply.text(), ReplyVisibility.PRIVATE, conversation);
            if (conversation.lastPublicCustomerMessageId() == null) {
                return List.of(dm); // already private: there is no public thread to acknowledge in
            }
            return List.of(post(MOVE_TO_PRIVATE_ACKNOWLEDGEMENT, ReplyVisibility.PUBLIC, conversation), dm);
        }
        return List.of(post(reply.text(), chosen, conversation));
    }

    private OutboundPost post(String agentText, ReplyVisibility chosen, Conversation conversation) {
        String text = agentText == null ? "" : agentText.strip();
        if (text.isEmpty()) {
            throw new ReplyRefusedException("The reply is empty; write the text to send to the customer.");
        }
        Network network = conversation.network();
        ReplyVisibility visibility = chosen != null ? chosen
                : conversation.lastCustomerVisibility() == Visibility.PRIVATE ? ReplyVisibility.PRIVATE : ReplyVisibility.PUBLIC;
        if (visibility == ReplyVisibility.PRIVATE) {
            if (network == Network.MASTODON) {
                // A Mastodon direct message is a status only the accounts it mentions can see.
                text = withMention(text, conversation.customerHandle());
            }
            check(network, text, privateLimit(network), "direct message");
            return new OutboundPost(network, ReplyVisibility.PRIVATE, text, null, conversation.customerAccountId());
        }
        if (conversation.lastPublicCustomerMessageId() == null) {
            throw new ReplyRefusedException("The customer has written only privately on this ticket, so there is no"
                    + " public post to answer; send the reply as Private.");
        }
        text = withMention(text, conversation.lastPublicAuthorHandle());
        check(network, text, publicLimit(network), "public reply");
        return new OutboundPost(network, ReplyVisibility.PUBLIC, text, conversation.lastPublicCustomerMessageId(), null);
    }

    static int publicLimit(Network network) {
        return network == Network.X ? 280 : 500;
    }

    /** X direct messages hold 10,000 characters; Mastodon's are statuses with the status limit. */
    static int privateLimit(Network network) {
        return network == Network.X ? DIRECT_MESSAGE_LIMIT : publicLimit(network);
    }

    /** The customer's @handle first, unless the agent already wrote it. */
    private static String withMention(String text, String handle) {
        String prefix = "@" + handle;
        return text.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)) ? text : prefix + " " + text;
    }

    private static void check(Network network, String text, int limit, String what) {
        int length = PostLength.of(network).count(text);
        if (length > limit) {
            throw new ReplyRefusedException("The " + what + " is " + length + " characters as " + network.displayName()
                    + " counts them (links count " + PostLength.URL_LENGTH + "); the limit is " + limit
                    + ". Shorten it by " + (length - limit) + " or send it as Private.");
        }
    }
}
