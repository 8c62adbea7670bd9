package org.socialcarebridge.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.MovableClock;
import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.persistence.Database;

/** A timer route that stops running is a failing channel and an alert, never a silent UP. */
class RouteHeartbeatTest {
    static final Duration STALE = Duration.ofSeconds(30);
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T12:00:00Z"));
    final Health health = new Health(clock);
    final RecordingHost host = new RecordingHost();
    final Database db = TestDatabase.open();
    final ChannelWatch watch = new ChannelWatch(health, host, db, STALE, clock);

    {
        health.staleAfter(STALE);
    }

    @AfterEach
    void close() {
        db.close();
    }

    void pass(Duration d) {
        clock.now = clock.now.plus(d);
    }

    ChannelStatus filing() {
        return health.route("rt-filing", Duration.ofMillis(250));
    }

    void tick() {
        filing().tickStarted(clock.instant());
        filing().tickEnded(clock.instant(), null);
    }

    @Test
    void aRouteThatStopsTickingFailsWithItsIdAndSinceWhenAndRaisesOneAlert() {
        tick();
        assertEquals("UP", health.report().get("status"), "a route before staleAfter is fine");
        Instant last = clock.instant();
        pass(STALE.minusSeconds(1));
        assertEquals("UP", health.report().get("status"));
        watch.check();
        assertTrue(host.alerts.isEmpty());

        pass(Duration.ofSeconds(2));
        var report = health.report();
        assertEquals("DEGRADED", report.get("status"));
        @SuppressWarnings("unchecked")
        var channel = (java.util.Map<String, Object>) ((java.util.Map<String, Object>) report.get("channels")).get("route:rt-filing");
        String problem = (String) channel.get("problem");
        assertTrue(problem.contains("rt-filing") && problem.contains(last.toString()), problem);
        watch.check();
        watch.check();
        assertEquals(1, host.alerts.size(), "one alert, not one per check");
        assertTrue(host.alerts.values().iterator().next().contains("route rt-filing has not completed a run since " + last));

        tick();
        assertEquals("UP", health.report().get("status"));
        watch.check();
        assertEquals(1, host.clearedAlerts.size(), "cleared when it runs again");
    }

    @Test
    void aSlowRunIsToleratedAStuckOneIsNot() {
        filing().tickStarted(clock.instant());
        Instant started = clock.instant();
        pass(STALE.plusSeconds(10));
        assertEquals("UP", health.report().get("status"), "one run may take a while (a slow help desk)");
        pass(ChannelStatus.LONGEST_TICK);
        assertEquals("DEGRADED", health.report().get("status"));
        assertTrue(filing().problem(clock.instant(), STALE).orElseThrow().contains("stuck in one run since " + started));
    }

    @Test
    void aRouteFailingEveryRunFailsOnceStaleButOneFailedRunDoesNot() {
        tick();
        pass(Duration.ofSeconds(1));
        filing().tickStarted(clock.instant());
        filing().tickEnded(clock.instant(), "java.lang.StackOverflowError");
        assertEquals("UP", health.report().get("status"), "one failed run is logged, not an alarm");
        for (int i = 0; i < 40; i++) {
            pass(Duration.ofSeconds(1));
            filing().tickStarted(clock.instant());
            filing().tickEnded(clock.instant(), "java.lang.StackOverflowError");
        }
        String problem = filing().problem(clock.instant(), STALE).orElseThrow();
        assertTrue(problem.contains("StackOverflowError"), problem);
    }

    @Test
    void aTimerSlowerThanStaleAfterIsGivenTwoPeriods() {
        ChannelStatus digest = health.route("triage-noise-digest", Duration.ofMinutes(1));
        pass(Duration.ofSeconds(100));
        assertTrue(digest.problem(clock.instant(), STALE).isEmpty());
        pass(Duration.ofSeconds(30));
        assertTrue(digest.problem(clock.instant(), STALE).isPresent());
    }
}
