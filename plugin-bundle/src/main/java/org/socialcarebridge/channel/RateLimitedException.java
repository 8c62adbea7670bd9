package org.socialcarebridge.channel;

import java.time.Instant;

/** The network answered 429; {@link #resetAt()} is when its window reopens (from its reset header). */
public class RateLimitedException extends NetworkUnavailableException {
    private final Instant resetAt;

    public RateLimitedException(String message, Instant resetAt) {
        super(message);
        this.resetAt = resetAt;
    }

    public Instant resetAt() {
        return resetAt;
    }
}
