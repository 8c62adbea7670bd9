package org.socialcarebridge.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The per-channel status board plus the queue sizes read from the plugin's records. */
public final class Health {
    private final Map<String, ChannelStatus> channels = new ConcurrentHashMap<>();
    private final Map<String, Supplier<Object>> gauges = new ConcurrentHashMap<>();
    private volatile java.time.Duration staleAfter = java.time.Duration.ofMinutes(5);
    private final java.time.Clock clock;

    public Health() {
        this(java.time.Clock.systemUTC());
    }

    public Health(java.time.Clock clock) {
        this.clock = clock;
    }

    /** How long a channel may go without a successful poll before it counts as broken. */
    public void staleAfter(java.time.Duration staleAfter) {
        this.staleAfter = staleAfter;
    }

    public ChannelStatus channel(String name) {
        return channels.computeIfAbsent(name, n -> new ChannelStatus(n, clock.instant()));
    }

    /**
     * A timer route's heartbeat, on the board as channel {@code route:<routeId>}: a route whose timer
     * died or hangs is a failing channel, with an alert in the help desk, never a silent UP.
     *
     * @param period how often the timer fires
     */
    public ChannelStatus route(String routeId, java.time.Duration period) {
        return channels.computeIfAbsent(ChannelStatus.ROUTE + routeId, n -> new ChannelStatus(n, clock.instant(), period));
    }

    /** Takes a channel off the board, e.g. one that was detached: it is neither up nor failing, just absent. */
    public void forget(String name) {
        channels.remove(name);
    }

    /** Takes a removed route's heartbeat off the board. */
    public void forgetRoute(String routeId) {
        channels.remove(ChannelStatus.ROUTE + routeId);
    }

    public java.util.Collection<ChannelStatus> channels() {
        return java.util.List.copyOf(channels.values());
    }

    /** A number read at report time, e.g. the outbox size; a failing gauge reports its error. */
    public void gauge(String name, Supplier<Object> value) {
        gauges.put(name, value);
    }

    /**
     * Takes a gauge off the report, e.g. a webhook's counters once its route is stopped; only if it is still
     * {@code value}, so a gauge put again under the same name (the route started anew) stays.
     */
    public void forgetGauge(String name, Supplier<Object> value) {
        gauges.remove(name, value);
    }

    public Map<String, Object> report() {
        java.time.Instant now = clock.instant();
        Map<String, Object> channelMaps = new java.util.TreeMap<>();
        channels.forEach((name, status) -> {
            Map<String, Object> m = status.toMap();
            m.put("problem", status.problem(now, staleAfter).orElse(null));
            channelMaps.put(name, m);
        });
        Map<String, Object> report = new LinkedHashMap<>();
        // A route is fine before its first run (its timer may wait); a channel only once it has worked.
        boolean allRunning = channels.values().stream().allMatch(c -> c.problem(now, staleAfter).isEmpty()
                && (c.route() || "running".equals(c.toMap().get("state"))));
        report.put("status", allRunning ? "UP" : "DEGRADED");
        report.put("channels", channelMaps);
        new java.util.TreeMap<>(gauges).forEach((name, gauge) -> {
            try {
                report.put(name, gauge.get());
            } catch (RuntimeException e) {
                report.put(name, "unavailable: " + e.getMessage());
            }
        });
        return report;
    }
}
