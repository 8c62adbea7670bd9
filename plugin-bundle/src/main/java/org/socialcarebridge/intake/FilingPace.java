package org.socialcarebridge.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How many conversations are filed at once, adapted like TCP's congestion window (AIMD): the help desk
 * turning work away as busy, or answering a message slower than {@link #slowAfter} for each conversation
 * filed at once (see {@link #took}), halves the working
 * concurrency (down to one), once a round: the answers of the filings under way when it was cut do not cut it
 * again ({@link #ROUND}); as many conversations filed cleanly as run at once add one back, up to the setting. A
 * busy answer's Retry-After holds new work back until then. Thread-safe: every filing thread reports here.
 */
public final class FilingPace {
    /** The most conversations ever filed at once (the setting's upper bound). */
    public static final int MOST = 32;
    /**
     * A message that takes the help desk longer than this, for each conversation filed at once, to file is a
     * sign it is overloaded.
     */
    public static final Duration SLOW_AFTER = Duration.ofSeconds(5);
    /** The longest a message may take before it counts as slow at any concurrency: half RT's 30 s answer timeout. */
    public static final Duration LONGEST = Duration.ofSeconds(15);

    private final int ceiling;
    private final Duration slowAfter;
    private final Clock clock;
    /** About one filing's time: busy or slow answers within it come from work sent before the cut. */
    static final Duration ROUND = Duration.ofSeconds(1);

    private int current;
    private int cleanSinceGrowth;
    private Instant cutAt = Instant.MIN;
    private Instant restUntil = Instant.MIN;

    /**
     * @param ceiling   the setting: 1 to {@value #MOST}
     * @param slowAfter how long filing one message may take before the help desk counts as slow
     */
    public FilingPace(int ceiling, Duration slowAfter, Clock clock) {
        if (ceiling < 1 || ceiling > MOST) {
            throw new IllegalArgumentException("filing concurrency " + ceiling + " is out of range; use 1 to " + MOST);
        }
        this.ceiling = ceiling;
        this.slowAfter = slowAfter;
        this.clock = clock;
        this.current = ceiling;
    }

    /** One conversation at a time, as the plugin filed before concurrency. */
    public static FilingPace single(Clock clock) {
        return new FilingPace(1, SLOW_AFTER, clock);
    }

    public int ceiling() {
        return ceiling;
    }

    /** How many conversations may be filed at once now. */
    public synchronized int current() {
        return current;
    }

    /** The help desk turned a request away as busy: halve, and send nothing new before its Retry-After. */
    public synchronized void busy(Duration retryAfter) {
        cut();
        Instant until = clock.instant().plus(retryAfter);
        if (until.isAfter(restUntil)) {
            restUntil = until;
        }
    }

    /**
     * Whether filing one message took long enough to count as the help desk slowing down; if so, halves. The
     * bar is {@link #slowAfter} times the conversations filed at once when it started ({@code filedAt}): a help
     * desk that writes one thing at a time (RT on SQLite) makes each of them wait for the others, so a message's
     * time grows with the concurrency while the desk is merely busy (a fixed bar cut a busy RT's concurrency to
     * one for good), and the filings started before a cut are judged by the bar they ran under, not the new
     * lower one. The bar stays at most {@link #LONGEST}, well inside a request's timeout.
     */
    public synchronized boolean took(Duration filing, int filedAt) {
        if (filing.compareTo(slowAt(filedAt)) <= 0) {
            return false;
        }
        cut();
        return true;
    }

    /** How long a message filed while {@code filedAt} conversations were filed at once may take: see {@link #took}. */
    public Duration slowAt(int filedAt) {
        Duration bar = slowAfter.multipliedBy(Math.max(1, filedAt));
        return bar.compareTo(LONGEST) > 0 ? LONGEST : bar;
    }

    private void cut() {
        Instant now = clock.instant();
        if (now.isBefore(cutAt.plus(ROUND))) {
            return; // the same round's news
        }
        cutAt = now;
        current = Math.max(1, current / 2);
        cleanSinceGrowth = 0;
    }

    /** A conversation's messages were filed without a busy or slow answer: a round of them adds one, up to the setting. */
    public synchronized void clean() {
        if (++cleanSinceGrowth >= current) {
            cleanSinceGrowth = 0;
            current = Math.min(ceiling, current + 1);
        }
    }

    /** Whether the help desk asked to be left alone until later (its Retry-After has not passed). */
    public synchronized boolean resting() {
        return clock.instant().isBefore(restUntil);
    }

    @Override
    public synchronized String toString() {
        return current + " of " + ceiling;
    }
}
