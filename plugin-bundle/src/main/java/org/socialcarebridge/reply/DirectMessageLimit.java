package org.socialcarebridge.reply;

import org.socialcarebridge.channel.Network;

/**
 * How long a direct message may be: 10,000 characters on X; on Mastodon a direct message is a status
 * only its mentioned accounts see, so it has the status limit. A direct message over it is refused,
 * never cut or split: a private answer in pieces reads as several messages and may hold the one
 * detail (an order number, a link) that fell into the part the customer skims.
 */
public final class DirectMessageLimit {
    private final Network network;

    private DirectMessageLimit(Network network) {
        this.network = network;
    }

    public static DirectMessageLimit of(Network network) {
        return new DirectMessageLimit(network);
    }

    public int limit() {
        return ReplyPolicy.privateLimit(network);
    }

    /**
     * Answers the text when it fits, as the network counts it (on Mastodon with the mention that
     * addresses it, which the caller has added).
     *
     * @throws ReplyRefusedException with the count and the limit when it does not
     */
    public String check(String text) {
        int length = PostLength.of(network).count(text == null ? "" : text);
        if (length > limit()) {
            throw new ReplyRefusedException("The direct message is " + length + " characters as "
                    + network.displayName() + " counts them (links count " + PostLength.URL_LENGTH + "); the limit is "
                    + limit() + ". Shorten it by " + (length - limit()) + "; a direct message is never cut.");
        }
        return text;
    }
}
