package org.socialcarebridge.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.socialcarebridge.HostileText;
import org.socialcarebridge.RecordingHost;
import org.socialcarebridge.TestDatabase;
import org.socialcarebridge.persistence.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 20's poison DM is a valid X DM: it is filed like any other, and the message after it too. */
class PoisonDirectMessageTest {
    private final RecordingHost host = new RecordingHost();
    private final Database db = TestDatabase.open();
    private final Intake intake = new Intake(db, host, host, Set.of(IntakeTest.BRAND.key()), IntakeTest.WINDOW,
            Clock.systemUTC());

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void thePoisonDirectMessageBecomesATicketAndTheNextMentionToo() {
        intake.receive(List.of(IntakeTest.dm("10", IntakeTest.ALICE, HostileText.POISON_DM),
                IntakeTest.tweet("11", IntakeTest.BOB, "@acme my order is late", null, "11")));
        assertEquals(2, intake.filePending(10).filed());
        assertEquals("X DM: my router is broken", host.tickets.get(1L).subject());
        assertEquals("X: my order is late", host.tickets.get(2L).subject());
    }
}
