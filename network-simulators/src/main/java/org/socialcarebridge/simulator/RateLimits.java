package org.socialcarebridge.simulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Fixed windows (X: 15 minutes per caller and endpoint; Mastodon: 5 minutes per account). Every
 * answer carries the window's headers; a call past the limit answers 429.
 */
public final class RateLimits {
    private final long windowSeconds;
    private final Map<String, long[]> windows = new HashMap<>(); // key -> {windowStartEpoch, used}

    public RateLimits(long windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    /** Counts the call; answers {limit, remaining, resetEpoch}; remaining &lt; 0 means over the limit. */
    public synchronized long[] hit(String key, int limit) {
        long now = Instant.now().getEpochSecond();
        long[] w = windows.computeIfAbsent(key, k -> new long[] {now, 0});
        if (now >= w[0] + windowSeconds) {
            w[0] = now;
            w[1] = 0;
        }
        w[1]++;
        return new long[] {limit, limit - w[1], w[0] + windowSeconds};
    }

    public synchronized void clear() {
        windows.clear();
    }
}
