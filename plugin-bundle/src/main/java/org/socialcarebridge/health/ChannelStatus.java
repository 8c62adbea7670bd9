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
    private final Instant watchedSince;

    ChannelStatus(String channel, Instant watchedSince) {
        this.channel = channel;
        this.watchedSince = watchedSince;
    }

    /**
     * What is wrong with the channel now, or empty when it is healthy: stopped by its settings, or no
     * successful poll for longer than {@code staleAfter} (with the last error, e.g. an auth failure
     * or a rate-limit wait).
     */
    public java.util.Optional<String> problem(Instant now, java.time.Duration staleAfter) {
        if ("stopped".equals(state)) {
            return java.util.Optional.of("the " + channel + " channel is not running: " + lastError);
        }
        Instant since = lastSuccess != null ? lastSuccess : watchedSince;
        if (since.plus(staleAfter).isAfter(now)) {
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

    public void rateLimited(Instant until) {
        this.rateLimitedUntil = until;
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
        m.put("lastSuccessfulPoll", lastSuccess == null ? null : lastSuccess.toString());
        m.put("cursor", cursor);
        m.put("lastError", lastError);
        m.put("lastErrorAt", lastErrorAt == null ? null : lastErrorAt.toString());
        m.put("rateLimitedUntil", rateLimitedUntil == null ? null : rateLimitedUntil.toString());
        return m;
    }
}
