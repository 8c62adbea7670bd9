package org.socialcarebridge.routes.rt;

import java.time.Duration;
import java.util.function.Supplier;

/** A value read from RT at most once per period. */
final class Refreshed<T> {
    private final long periodNanos;
    private final Supplier<T> read;
    private volatile T value;
    private volatile long readAt;

    Refreshed(Duration period, Supplier<T> read) {
        this.periodNanos = period.toNanos();
        this.read = read;
    }

    /** The value, read again once a period has passed; a failed read keeps the last value (or fails the first time). */
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

    /** The value if read within the period, else read now; a failed read fails, never answers an older value. */
    T current() {
        T recent = recent();
        return recent != null ? recent : reread();
    }

    /** The value if read within the period, else null; never reads. */
    synchronized T recent() {
        return value != null && System.nanoTime() - readAt <= periodNanos ? value : null;
    }

    /** Reads now, whatever the age of the value; a failed read fails. */
    synchronized T reread() {
        long now = System.nanoTime();
        T fresh = read.get();
        value = fresh;
        readAt = now;
        return fresh;
    }
}
