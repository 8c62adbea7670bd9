package org.socialcarebridge.channel;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the brand writes to one customer privately. A private message over its limit is refused, never
 * cut or split.
 *
 * @param limit                   the most one message may hold, as {@code length} counts it
 * @param length                  how the network counts
 * @param addressing              how a message finds its recipient
 * @param window                  how long after the customer last wrote the brand may write (Meta's 24
 *                                hours); null when the network sets no such window
 * @param templatesOutsideWindow  whether after the window only pre-approved templates may be sent (WhatsApp)
 * @param oneReplyToPublicComment whether the brand may answer a public comment with one private message
 *                                although the customer never wrote privately (Facebook, Instagram)
 */
public record PrivateMessages(int limit, LengthRule length, Addressing addressing, Duration window,
                              boolean templatesOutsideWindow, boolean oneReplyToPublicComment) {

    public enum Addressing {
        /** The message goes to an account (X, Meta). */
        ACCOUNT,
        /**
         * The message is a post only the accounts it mentions see (Mastodon's direct visibility): it
         * starts with the recipient's mention and may mention no one else.
         */
        MENTION
    }

    public PrivateMessages {
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(addressing, "addressing");
        if (limit < 1) {
            throw new IllegalArgumentException("A private message holds at least 1 character, not " + limit);
        }
        if (window != null && (window.isNegative() || window.isZero())) {
            throw new IllegalArgumentException("A messaging window is longer than zero, not " + window);
        }
    }

    /** Private messages to an account, as long as the customer likes, with no window. */
    public static PrivateMessages toAccount(int limit, LengthRule length) {
        return new PrivateMessages(limit, length, Addressing.ACCOUNT, null, false, false);
    }

    public Optional<Duration> messagingWindow() {
        return Optional.ofNullable(window);
    }
}
