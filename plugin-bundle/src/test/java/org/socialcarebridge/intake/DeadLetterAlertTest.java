package org.socialcarebridge.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.socialcarebridge.MovableClock;
import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.DeadLetters;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.persistence.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadLetterAlertTest {
    final RecordingHost host = new RecordingHost();
    final MovableClock clock = new MovableClock(Instant.parse("2026-11-24T12:00:00Z"));
    final Database db = TestDatabase.open();
    final DeadLetters deadLetters = new DeadLetters(db, clock);
    final DeadLetterAlert alert = new DeadLetterAlert(db, deadLetters, host, clock);

    @AfterEach
    void close() {
        db.close();
    }

    void unreadable(String id, String raw) {
        db.writing(em -> em.persist(LedgerEntry.unreadable(Network.MASTODON, id, raw, "no account object in notification "
                + id, clock.instant())));
        clock.now = clock.now.plusMillis(500);
    }

    @Test
    void oneAlertWhileDeadLettersExistEachShownOnceResolvedWhenNoneIsLeft() {
        assertEquals(0, alert.publish());
        assertTrue(host.alerts.isEmpty(), "no dead letter, no alert");

        unreadable("1", "{\"type\":\"mention\",\"status\":{\"content\":\"<p>help <b>me</b></p>\"}}");
        assertEquals(1, alert.publish());
        assertEquals(1, host.alerts.size());
        String text = host.alerts.values().iterator().next();
        assertTrue(text.startsWith(DeadLetterAlert.SUBJECT), text);
        assertTrue(text.contains("mastodon:1") && text.contains("why: Unreadable Mastodon item") && text.contains("no account object in notification 1"), text);
        assertTrue(text.contains("<p>help <b>me</b></p>"), "the text as it came, sent as plain text: " + text);
        assertTrue(text.contains("socialcare:retry mastodon:1") && text.contains("/socialcare/dead-letters/mastodon:1/discard"),
                text);

        assertEquals(0, alert.publish(), "nothing new: nothing added");
        unreadable("2", "second");
        assertEquals(1, alert.publish());
        long id = host.alerts.keySet().iterator().next();
        assertEquals(1, host.alerts.size(), "one alert, later ones as comments");
        List<String> comments = host.comments.get(id);
        assertEquals(1, comments.size());
        assertTrue(comments.get(0).contains("mastodon:2") && !comments.get(0).contains("mastodon:1 "), comments.get(0));

        deadLetters.discard("mastodon:1");
        alert.publish();
        assertTrue(host.clearedAlerts.isEmpty(), "one is left");
        deadLetters.discard("mastodon:2");
        alert.publish();
        assertEquals(List.of(id), host.clearedAlerts);

        unreadable("3", "third");
        alert.publish();
        assertEquals(2, host.alerts.size(), "a new dead letter after that opens a new alert");
        assertTrue(host.alerts.get(1001L).contains("mastodon:3") && !host.alerts.get(1001L).contains("mastodon:2"));
    }

    @Test
    void aHelpDeskOutageLeavesThemForTheNextCall() {
        unreadable("1", "raw");
        host.down = true;
        try {
            alert.publish();
        } catch (RuntimeException expected) {
            // the route logs it; nothing moved
        }
        host.down = false;
        assertEquals(1, alert.publish());
        assertEquals(1, host.alerts.size());
    }
}
