package org.socialcarebridge.reply;

import org.socialcarebridge.channel.Channel;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.PrivateMessages;

/**
 * How long a direct message may be, as its channel says: 10,000 characters on X; on Mastodon a direct
 * message is a status only its mentioned accounts see, so it has the status limit. A direct message
 * over it is refused, never cut or split: a private answer in pieces reads as several messages and may
 * hold the one detail (an order number, a link) that fell into the part the customer skims.
 */
public final class DirectMessageLimit {
    private final Network network;
    private final PrivateMessages messages;
    private final PostLength length;

    private DirectMessageLimit(Network network, PrivateMessages messages) {
        this.network = network;
        this.messages = messages;
        this.length = PostLength.of(messages.length());
    }

    /** @throws ReplyRefusedException when the channel has no private messages */
    public static DirectMessageLimit of(Channel channel) {
        return new DirectMessageLimit(channel.network(), channel.privateMessages().orElseThrow(() ->
                new ReplyRefusedException("Nothing was sent: " + channel.network().displayName() + " has no private"
                        + " messages; reply publicly.")));
    }

    public int limit() {
        return messages.limit();
    }

    /**
     * Answers the text when it fits, as the network counts it (on Mastodon with the mention that
     * addresses it, which the caller has added).
     *
     * @throws ReplyRefusedException with the count and the limit when it does not
     */
    public String check(String text) {
        int length = this.length.count(text == null ? "" : text);
        if (length > limit()) {
            throw new ReplyRefusedException("The direct message is " + length + " characters as "
                    + network.displayName() + " counts them (links count " + this.length.linkLength() + "); the limit is "
                    + limit() + ". Shorten it by " + (length - limit()) + "; a direct message is never cut.");
        }
        return text;
    }
}
