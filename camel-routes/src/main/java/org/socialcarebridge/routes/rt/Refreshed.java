package org.socialcarebridge.routes.rt;

import java.time.Duration;
import java.util.function.Supplier;

/** A value read from RT at most once per period; a failed read keeps the last value (or fails the first time). */
final class Refreshed<T> {
    private final long periodNanos;
    private final Supplier<T> read;
    private volatile T value;
    private volatile long readAt;

    Refreshed(Duration period, Supplier<T> read) {
        this.periodNanos = period.toNanos();
        this.read = read;
    }

    T get() {
        T current = value;
        long now = System.nanoTime();
        if (current == null || now - readAt > periodNanos) {
            synchronized (this) {
                if (value == null || now - readAt > periodNanos) {
                    try {
                        value = read.get();
                        readAt = now;
                    } catch (RuntimeException e) {
                        if (value == null) {
                            throw e;
                        }
                    }
                }
                current = value;
            }
        }
        return current;
    }
}
