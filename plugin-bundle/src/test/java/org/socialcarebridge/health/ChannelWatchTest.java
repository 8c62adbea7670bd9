package org.socialcarebridge.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.persistence.Database;

class ChannelWatchTest {
    final RecordingHost host = new RecordingHost();
    final Database db = TestDatabase.open();
    final Health health = new Health();

    @AfterEach
    void close() {
        db.close();
    }

    ChannelWatch watchAt(Instant now) {
        return new ChannelWatch(health, host, db, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aChannelWithoutASuccessfulPollRaisesOneAlertAndClearsItOnRecovery() {
        Instant t0 = Instant.now();
        ChannelStatus x = health.channel("x");
        x.succeeded(t0, "1");
        watchAt(t0.plusSeconds(60)).check();
        assertTrue(host.alerts.isEmpty(), "a minute without news is fine");

        x.failed(t0.plusSeconds(100), "X GET /2/users/me answered 401: Unauthorized");
        watchAt(t0.plusSeconds(400)).check();
        watchAt(t0.plusSeconds(500)).check();
        assertEquals(1, host.alerts.size(), "one alert, not one per check");
        String alert = host.alerts.values().iterator().next();
        assertTrue(alert.contains("x channel has not worked since") && alert.contains("401"), alert);

        x.succeeded(t0.plusSeconds(600), "2");
        watchAt(t0.plusSeconds(601)).check();
        assertEquals(host.alerts.keySet().stream().toList(), host.clearedAlerts);
        watchAt(t0.plusSeconds(602)).check();
        assertEquals(1, host.clearedAlerts.size());
    }

    @Test
    void aStoppedChannelAlertsAtOnceAndTheAlertSurvivesARestart() {
        health.channel("x").stopped("Setting baseUrl ... Fix: ...", Instant.now());
        watchAt(Instant.now()).check();
        assertEquals(1, host.alerts.size());
        Health afterRestart = new Health();
        afterRestart.channel("x").stopped("still wrong", Instant.now());
        new ChannelWatch(afterRestart, host, db, Duration.ofMinutes(5), Clock.systemUTC()).check();
        assertEquals(1, host.alerts.size(), "the open alert is remembered across restarts");
    }

    @Test
    void aChannelNeedingActionAlertsAtOnceWithWhatToDoAndClearsWhenItWorks() {
        Instant t0 = Instant.now();
        ChannelStatus facebook = health.channel("facebook");
        facebook.succeeded(t0, null);
        facebook.needsAction("Meta unsubscribed the app; re-subscribe it", t0.plusSeconds(1));
        watchAt(t0.plusSeconds(2)).check();
        assertEquals(1, host.alerts.size(), "no waiting for the stale time: someone must act");
        String alert = host.alerts.values().iterator().next();
        assertTrue(alert.contains("facebook channel needs action: Meta unsubscribed the app; re-subscribe it"), alert);
        assertEquals("DEGRADED", health.report().get("status"));

        facebook.succeeded(t0.plusSeconds(3), null);
        watchAt(t0.plusSeconds(4)).check();
        assertEquals(host.alerts.keySet().stream().toList(), host.clearedAlerts);
    }

    @Test
    void aChannelCheckedLessOftenThanTheStaleTimeIsGivenTwoChecks() {
        Instant t0 = Instant.now();
        ChannelStatus facebook = health.channel("facebook");
        facebook.checkedEvery(Duration.ofMinutes(15));
        facebook.succeeded(t0, null);
        watchAt(t0.plus(Duration.ofMinutes(29))).check();
        assertTrue(host.alerts.isEmpty(), "a webhook channel checked every 15 minutes is fine 29 minutes after a check");
        watchAt(t0.plus(Duration.ofMinutes(31))).check();
        assertEquals(1, host.alerts.size(), "two missed checks are a problem");
    }

    @Test
    void healthReportShowsTheProblem() {
        health.staleAfter(Duration.ofSeconds(1));
        health.channel("x").failed(Instant.now(), "boom");
        ChannelStatus rt = health.channel("rt");
        rt.succeeded(Instant.now(), null);
        var report = health.report();
        assertEquals("DEGRADED", report.get("status"));
    }
}
