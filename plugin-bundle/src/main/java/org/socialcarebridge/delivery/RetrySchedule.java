package org.socialcarebridge.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a failed post again: at the network's reset time for a rate limit, otherwise with
 * doubling back-off, and not at all after {@code maxAttempts}.
 */
public record RetrySchedule(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public static RetrySchedule standard() {
        return new RetrySchedule(6, Duration.ofSeconds(2), Duration.ofMinutes(5));
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** @param resetAt the network's reset time for a rate limit, or null */
    public Instant next(int attempts, Instant now, Instant resetAt) {
        Duration backoff = firstDelay.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        if (backoff.compareTo(maxDelay) > 0) {
            backoff = maxDelay;
        }
        Instant byBackoff = now.plus(backoff);
        // A reset time is the earliest moment a retry can succeed; a second of slack covers clock skew.
        return resetAt != null && resetAt.plusSeconds(1).isAfter(byBackoff) ? resetAt.plusSeconds(1) : byBackoff;
    }
}
