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

    ChannelStatus(String channel) {
        this.channel = channel;
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
