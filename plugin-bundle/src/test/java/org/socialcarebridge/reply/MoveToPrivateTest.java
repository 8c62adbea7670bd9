package org.socialcarebridge.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MoveToPrivateTest {
    @Test
    void defaultAcknowledgementAddressesTheCustomer() {
        assertEquals("@alice We want to fix this. We've sent you a DM.",
                MoveToPrivate.standard().acknowledgement("alice", "acme"));
        assertEquals("@alice We want to fix this. We've sent you a DM.",
                MoveToPrivate.of(null).acknowledgement("@alice", null));
    }

    @Test
    void templateWithBrandAndRemoteHandles() {
        MoveToPrivate ack = MoveToPrivate.of("@{handle} Sorry! Check your DMs from @{brand}.");
        assertEquals("@alice Sorry! Check your DMs from @acme.", ack.acknowledgement("alice", "@acme"));
        assertEquals("@bob@remote.example Sorry! Check your DMs from @acme.",
                ack.acknowledgement("bob@remote.example", "acme"));
    }

    @Test
    void unknownPlaceholderIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MoveToPrivate.of("@{customer} see DMs"));
        assertTrue(e.getMessage().contains("{customer}") && e.getMessage().contains("{handle}")
                && e.getMessage().contains("{brand}"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MoveToPrivate.of("@{handle see DMs"));
    }

    @Test
    void templateMustFitXWithTheLongestHandles() {
        // "@" + 15-character handle + " " = 17; 263 more reach 280.
        MoveToPrivate.of("@{handle} " + "a".repeat(263));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MoveToPrivate.of("@{handle} " + "a".repeat(264)));
        assertTrue(e.getMessage().contains("281") && e.getMessage().contains("280"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MoveToPrivate.of("@{handle} " + "日".repeat(132)));
    }

    @Test
    void aRemoteHandleThatMakesItTooLongIsRefused() {
        MoveToPrivate ack = MoveToPrivate.of("@{handle} " + "a".repeat(263));
        String remote = "bob@" + "d".repeat(60) + ".example";
        ReplyRefusedException e = assertThrows(ReplyRefusedException.class, () -> ack.acknowledgement(remote, "acme"));
        assertTrue(e.getMessage().contains("280"), e.getMessage());
    }

    @Test
    void handlesAreCheckedAndNeverExpanded() {
        assertThrows(ReplyRefusedException.class,
                () -> MoveToPrivate.standard().acknowledgement("alice {brand}", "acme"));
        assertThrows(ReplyRefusedException.class,
                () -> MoveToPrivate.of("{brand}: @{handle} see DMs").acknowledgement("alice", ""));
    }
}
