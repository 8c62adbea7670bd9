package org.socialcarebridge.channel;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the brand writes to one customer privately. A private message over its limit is refused, never
 * cut or split.
 *
 * @param limit                  the most one message may hold, as {@code length} counts it
 * @param length                 how the network counts
 * @param addressing             how a message finds its recipient
 * @param window                 how long after the customer's last private message the brand may write
 *                               (Meta's 24 hours); null when the network sets no such window
 * @param templatesOutsideWindow whether after the window only pre-approved templates may be sent (WhatsApp)
 * @param lateReplies            whether a human agent may still write after the window, and how (Meta's
 *                               {@code HUMAN_AGENT} tag, up to 7 days); null when not
 * @param commentReplyWindow     how long after a public comment the brand may answer it with one private
 *                               message although the customer never wrote privately (Facebook and
 *                               Instagram: 7 days); null on a network without such private replies
 */
public record PrivateMessages(int limit, LengthRule length, Addressing addressing, Duration window,
                              boolean templatesOutsideWindow, LateReplies lateReplies, Duration commentReplyWindow) {

    public enum Addressing {
        /** The message goes to an account (X, Meta). */
        ACCOUNT,
        /**
         * The message is a post only the accounts it mentions see (Mastodon's direct visibility): it
         * starts with the recipient's mention and may mention no one else.
         */
        MENTION
    }

    /**
     * A human agent's message after the messaging window has closed: allowed up to {@code upTo} after the
     * customer's last private message, marked with {@code tag} (Meta's {@code HUMAN_AGENT}).
     */
    public record LateReplies(Duration upTo, String tag) {
        public LateReplies {
            Objects.requireNonNull(upTo, "upTo");
            if (tag == null || tag.isBlank()) {
                throw new IllegalArgumentException("A late reply carries the network's tag, e.g. HUMAN_AGENT, not '" + tag + "'");
            }
        }
    }

    public PrivateMessages {
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(addressing, "addressing");
        if (limit < 1) {
            throw new IllegalArgumentException("A private message holds at least 1 character, not " + limit);
        }
        positive(window, "A messaging window");
        positive(commentReplyWindow, "The time to answer a comment privately");
        if (lateReplies != null) {
            if (window == null || lateReplies.upTo().compareTo(window) <= 0) {
                throw new IllegalArgumentException("Late replies reach past the messaging window (" + window + "), not "
                        + lateReplies.upTo());
            }
        }
    }

    private static void positive(Duration d, String what) {
        if (d != null && (d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException(what + " is longer than zero, not " + d);
        }
    }

    /** Private messages to an account, as long as the customer likes, with no window. */
    public static PrivateMessages toAccount(int limit, LengthRule length) {
        return new PrivateMessages(limit, length, Addressing.ACCOUNT, null, false, null, null);
    }

    public Optional<Duration> messagingWindow() {
        return Optional.ofNullable(window);
    }

    public Optional<LateReplies> lateReply() {
        return Optional.ofNullable(lateReplies);
    }

    /** Whether the brand may answer a public comment with one private message (Facebook, Instagram). */
    public boolean oneReplyToPublicComment() {
        return commentReplyWindow != null;
    }
}
