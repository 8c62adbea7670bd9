package org.socialcarebridge.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Faults tests ask for (POST /sim/faults): the next N calls to a path answer a given status. */
public final class FaultPlan {
    private record Fault(String method, String path, int status, int[] remaining, long resetSeconds) {
    }

    private final List<Fault> faults = new ArrayList<>();

    public synchronized void add(String method, String path, int status, int count, long resetSeconds) {
        faults.add(new Fault(method == null ? null : method.toUpperCase(java.util.Locale.ROOT), path, status,
                new int[] {count}, resetSeconds));
    }

    /** The injected answer for this call, in the network's dialect, consuming one use of the first matching fault. */
    synchronized Optional<ApiResponse> take(String method, String path, Dialect dialect) {
        for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if ((f.method() == null || f.method().equals(method)) && f.path().equals(path)) {
                if (--f.remaining()[0] <= 0) {
                    it.remove();
                }
                ApiResponse r = f.status() == 429
                        ? dialect.error(429, "Too Many Requests", "Too Many Requests")
                        : dialect.error(f.status(), "Injected fault", "Fault injected by the simulator for a test");
                if (f.status() == 429) {
                    dialect.rateHeaders(r, 0, 0, Instant.now().getEpochSecond() + f.resetSeconds());
                }
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public synchronized void clear() {
        faults.clear();
    }
}
