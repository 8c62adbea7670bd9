package org.socialcarebridge.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Faults tests ask for ({@code POST /sim/faults}): the next N calls to a path answer a given status. Two
 * kinds reproduce the outcomes a client cannot tell apart: with {@code accept} the network does the
 * work (the post is created) and then answers the status, as a 5xx after X took a post; with
 * {@code holdSeconds} the answer is held that long first, so a client times out or is killed meanwhile.
 * {@code status} 0 (or absent, with {@code holdSeconds}) answers the real answer, held.
 */
public final class FaultPlan {
    private record Fault(String method, String path, int status, int[] remaining, long resetSeconds, boolean accept,
                         long holdSeconds) {
    }

    /** What to do to one call: its injected answer (null: the real one), whether the work is done first, the hold. */
    record Injected(ApiResponse response, boolean accept, long holdSeconds) {
        /** The answer the caller gets, after the hold; {@code real} is the work's own answer when it was done. */
        ApiResponse answer(ApiResponse real) {
            if (holdSeconds > 0) {
                try {
                    Thread.sleep(holdSeconds * 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return response != null ? response : real;
        }
    }

    private final List<Fault> faults = new ArrayList<>();

    public synchronized void add(String method, String path, int status, int count, long resetSeconds) {
        add(method, path, status, count, resetSeconds, false, 0);
    }

    public synchronized void add(String method, String path, int status, int count, long resetSeconds, boolean accept,
                                 long holdSeconds) {
        faults.add(new Fault(method == null ? null : method.toUpperCase(java.util.Locale.ROOT), path, status,
                new int[] {count}, resetSeconds, accept || status == 0, holdSeconds));
    }

    /** The injected fault for this call, in the network's dialect, consuming one use of the first matching fault. */
    synchronized Optional<Injected> take(String method, String path, Dialect dialect) {
        for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if ((f.method() == null || f.method().equals(method)) && f.path().equals(path)) {
                if (--f.remaining()[0] <= 0) {
                    it.remove();
                }
                ApiResponse r = null;
                if (f.status() == 429) {
                    r = dialect.error(429, "Too Many Requests", "Too Many Requests");
                    dialect.rateHeaders(r, 0, 0, Instant.now().getEpochSecond() + f.resetSeconds());
                } else if (f.status() != 0) {
                    r = dialect.error(f.status(), "Injected fault", "Fault injected by the simulator for a test");
                }
                return Optional.of(new Injected(r, f.accept(), f.holdSeconds()));
            }
        }
        return Optional.empty();
    }

    public synchronized void clear() {
        faults.clear();
    }
}
