package org.socialcarebridge.simulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Fixed 15-minute windows per caller and endpoint, as X documents them. Every answer carries the
 * window's headers; a call past the limit answers 429.
 */
public final class RateLimits {
    public static final long WINDOW_SECONDS = 15 * 60;

    private final Map<String, long[]> windows = new HashMap<>(); // key -> {windowStartEpoch, used}

    /** Counts the call; answers {limit, remaining, resetEpoch}; remaining &lt; 0 means over the limit. */
    public synchronized long[] hit(String caller, String endpoint, int limit) {
        long now = Instant.now().getEpochSecond();
        long[] w = windows.computeIfAbsent(caller + " " + endpoint, k -> new long[] {now, 0});
        if (now >= w[0] + WINDOW_SECONDS) {
            w[0] = now;
            w[1] = 0;
        }
        w[1]++;
        return new long[] {limit, limit - w[1], w[0] + WINDOW_SECONDS};
    }

    public synchronized void clear() {
        windows.clear();
    }
}
