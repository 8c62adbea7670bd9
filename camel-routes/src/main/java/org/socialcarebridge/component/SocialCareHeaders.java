package org.socialcarebridge.component;

/**
 * The headers the network components set and read, shared by every network so the intake route and the
 * outbox need not know which component an exchange came from or goes to.
 */
public final class SocialCareHeaders {
    /** The {@code Network} an inbound item came from. */
    public static final String NETWORK = "SocialCareNetwork";
    /** The network's id of an inbound item, as far as it could be seen (null when even that was unreadable). */
    public static final String MESSAGE_ID = "SocialCareMessageId";
    /** An inbound item as it arrived, when it could not be read: what the dead letter keeps. */
    public static final String RAW = "SocialCareRaw";
    /** Why an inbound item could not be read (a {@link Throwable}); the intake route dead-letters it. */
    public static final String READ_FAILURE = "SocialCareReadFailure";
    /** The key that makes a repeated post the same post, where the network supports one (Mastodon does). */
    public static final String IDEMPOTENCY_KEY = "SocialCareIdempotencyKey";

    private SocialCareHeaders() {
    }
}
