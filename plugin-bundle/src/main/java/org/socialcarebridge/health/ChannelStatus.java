package org.socialcarebridge.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a channel last did: shown on the health endpoint so a silent breakage is seen. */
public final class ChannelStatus {
    private final String channel;
    private volatile Instant lastSuccess;
    private volatile Instant lastErrorAt;
    private volatile String lastError;
    private volatile String cursor;
    private volatile String state = "starting";
    private volatile Instant rateLimitedUntil;
    /** A streamed channel's stream: connected, reconnecting (and why); null for a polled one. */
    private volatile String stream;
    /** A channel's own webhook registration: registered, or why not; null when the channel registers none. */
    private volatile String webhook;
    private final Instant watchedSince;
    /** For a timer route's heartbeat: how often it fires; null for a network or the help desk. */
    private final java.time.Duration period;
    private volatile Instant tickSince;
    /** For a channel nobody polls, how often a check finds it working; null: as often as it is polled. */
    private volatile java.time.Duration checkedEvery;
    private static final String NEEDS_ACTION = "needs action";

    /** A route's heartbeat is shown as channel {@code route:<route id>}. */
    static final String ROUTE = "route:";
    /** How long one tick may run (a slow help desk, a big backlog) before the route counts as stuck. */
    static final java.time.Duration LONGEST_TICK = java.time.Duration.ofMinutes(1);

    ChannelStatus(String channel, Instant watchedSince) {
        this(channel, watchedSince, null);
    }

    ChannelStatus(String channel, Instant watchedSince, java.time.Duration period) {
        this.channel = channel;
        this.watchedSince = watchedSince;
        this.period = period;
    }

    /**
     * What is wrong with the channel now, or empty when it is healthy: stopped by its settings, or no
     * successful poll for longer than {@code staleAfter} (with the last error, e.g. an auth failure
     * or a rate-limit wait).
     */
    public java.util.Optional<String> problem(Instant now, java.time.Duration staleAfter) {
        if (period != null) {
            return routeProblem(now, staleAfter);
        }
        if ("stopped".equals(state)) {
            return java.util.Optional.of("the " + channel + " channel is not running: " + lastError);
        }
        if (NEEDS_ACTION.equals(state)) {
            return java.util.Optional.of("the " + channel + " channel needs action: " + lastError);
        }
        Instant since = lastSuccess != null ? lastSuccess : watchedSince;
        java.time.Duration every = checkedEvery;
        java.time.Duration allowed = every != null && every.multipliedBy(2).compareTo(staleAfter) > 0
                ? every.multipliedBy(2) : staleAfter;
        if (since.plus(allowed).isAfter(now)) {
            return java.util.Optional.empty();
        }
        StringBuilder p = new StringBuilder("the " + channel + " channel has not worked since " + since);
        if (rateLimitedUntil != null && rateLimitedUntil.isAfter(now)) {
            p.append("; it is rate-limited until ").append(rateLimitedUntil);
        }
        if (lastError != null) {
            p.append("; last error: ").append(lastError);
        }
        return java.util.Optional.of(p.toString());
    }

    /**
     * A timer route that completed no run without error within {@code staleAfter} (or two periods, if
     * longer), or is stuck in one run for longer than that and {@link #LONGEST_TICK}: its timer died,
     * hangs, or fails every time.
     */
    private java.util.Optional<String> routeProblem(Instant now, java.time.Duration staleAfter) {
        String route = channel.substring(ROUTE.length());
        java.time.Duration allowed = staleAfter.compareTo(period.multipliedBy(2)) >= 0 ? staleAfter : period.multipliedBy(2);
        Instant busy = tickSince;
        if (busy != null) {
            java.time.Duration longest = allowed.compareTo(LONGEST_TICK) >= 0 ? allowed : LONGEST_TICK;
            return busy.plus(longest).isAfter(now) ? java.util.Optional.empty()
                    : java.util.Optional.of("the route " + route + " has been stuck in one run since " + busy);
        }
        Instant since = lastSuccess != null ? lastSuccess : watchedSince;
        if (since.plus(allowed).isAfter(now)) {
            return java.util.Optional.empty(); // one failed run is logged; only failing for that long is a problem
        }
        return java.util.Optional.of("the route " + route + " has not completed a run since " + since + " (it runs every "
                + period.toMillis() + " ms)" + (lastError != null ? "; last error: " + lastError : ""));
    }

    /** A timer route's run begins. */
    public void tickStarted(Instant at) {
        tickSince = at;
    }

    /** A timer route's run ended: without a problem ({@code error} null), or with the one it caught. */
    public void tickEnded(Instant at, String error) {
        tickSince = null;
        if (error == null) {
            succeeded(at, null);
        } else {
            failed(at, error);
        }
    }

    /** A route's heartbeat rather than a network's or the help desk's. */
    public boolean route() {
        return period != null;
    }

    public void succeeded(Instant at, String cursor) {
        this.lastSuccess = at;
        this.cursor = cursor;
        this.state = "running";
        this.rateLimitedUntil = null;
    }

    public void failed(Instant at, String error) {
        this.lastErrorAt = at;
        this.lastError = error;
        if (!"stopped".equals(state)) {
            this.state = "failing";
        }
    }

    /** How a channel's stream is doing now, for the health line ({@code connected}, {@code reconnecting in PT2S: ...}). */
    public void stream(String state) {
        this.stream = state;
    }

    /** How the channel's webhook registration stands, for the health line ({@code registered ...}, {@code X webhook not registered: ...}). */
    public void webhook(String state) {
        this.webhook = state;
    }

    public void rateLimited(Instant until) {
        this.rateLimitedUntil = until;
    }

    /**
     * A channel that nobody polls (a webhook's: it may be quiet for hours) is known to work by a check
     * every {@code period}; it counts as stale only after two periods without a good one, or after the
     * board's stale time if that is longer.
     */
    public void checkedEvery(java.time.Duration period) {
        this.checkedEvery = period;
    }

    /**
     * Something only a person can fix stops the channel now (e.g. the network unsubscribed the plugin):
     * a problem at once, {@code what} saying what is wrong and how to fix it; the next success clears it.
     */
    public void needsAction(String what, Instant at) {
        this.state = NEEDS_ACTION;
        this.lastErrorAt = at;
        this.lastError = what;
    }

    /** The channel is not running because of its settings; the reason names the key to fix. */
    public void stopped(String reason, Instant at) {
        this.state = "stopped";
        this.lastErrorAt = at;
        this.lastError = reason;
    }

    public String channel() {
        return channel;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", state);
        if (period != null) {
            m.put("lastRun", lastSuccess == null ? null : lastSuccess.toString());
            m.put("runningSince", tickSince == null ? null : tickSince.toString());
            m.put("lastError", lastError);
            m.put("lastErrorAt", lastErrorAt == null ? null : lastErrorAt.toString());
            return m;
        }
        m.put("lastSuccessfulPoll", lastSuccess == null ? null : lastSuccess.toString());
        m.put("cursor", cursor);
        m.put("lastError", lastError);
        m.put("lastErrorAt", lastErrorAt == null ? null : lastErrorAt.toString());
        m.put("rateLimitedUntil", rateLimitedUntil == null ? null : rateLimitedUntil.toString());
        if (stream != null) {
            m.put("stream", stream);
        }
        if (webhook != null) {
            m.put("webhook", webhook);
        }
        return m;
    }
}
