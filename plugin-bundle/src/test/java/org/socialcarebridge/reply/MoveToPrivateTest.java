package org.socialcarebridge.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.socialcarebridge.channel.SampleChannels;

class MoveToPrivateTest {
    @Test
    void defaultAcknowledgementAddressesTheCustomer() {
        assertEquals("@alice We want to fix this. We've sent you a DM.",
                MoveToPrivate.standard().acknowledgement("alice", "acme", SampleChannels.X));
        assertEquals("@alice We want to fix this. We've sent you a DM.",
                MoveToPrivate.of(null, SampleChannels.BOTH).acknowledgement("@alice", null, SampleChannels.X));
    }

    @Test
    void templateWithBrandAndRemoteHandles() {
        MoveToPrivate ack = MoveToPrivate.of("@{handle} Sorry! Check your DMs from @{brand}.", SampleChannels.BOTH);
        assertEquals("@alice Sorry! Check your DMs from @acme.", ack.acknowledgement("alice", "@acme", SampleChannels.X));
        assertEquals("@bob@remote.example Sorry! Check your DMs from @acme.",
                ack.acknowledgement("bob@remote.example", "acme", SampleChannels.X));
    }

    @Test
    void unknownPlaceholderIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MoveToPrivate.of("@{customer} see DMs", SampleChannels.BOTH));
        assertTrue(e.getMessage().contains("{customer}") && e.getMessage().contains("{handle}")
                && e.getMessage().contains("{brand}"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MoveToPrivate.of("@{handle see DMs", SampleChannels.BOTH));
    }

    @Test
    void templateMustFitXWithTheLongestHandles() {
        // "@" + 15-character handle + " " = 17; 263 more reach 280.
        MoveToPrivate.of("@{handle} " + "a".repeat(263), SampleChannels.BOTH);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MoveToPrivate.of("@{handle} " + "a".repeat(264), SampleChannels.BOTH));
        assertTrue(e.getMessage().contains("281") && e.getMessage().contains("280"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MoveToPrivate.of("@{handle} " + "日".repeat(132), SampleChannels.BOTH));
    }

    @Test
    void aRemoteHandleThatMakesItTooLongIsRefused() {
        MoveToPrivate ack = MoveToPrivate.of("@{handle} " + "a".repeat(263), SampleChannels.BOTH);
        String remote = "bob@" + "d".repeat(60) + ".example";
        ReplyRefusedException e = assertThrows(ReplyRefusedException.class, () -> ack.acknowledgement(remote, "acme", SampleChannels.X));
        assertTrue(e.getMessage().contains("280"), e.getMessage());
    }

    @Test
    void handlesAreCheckedAndNeverExpanded() {
        assertThrows(ReplyRefusedException.class,
                () -> MoveToPrivate.standard().acknowledgement("alice {brand}", "acme", SampleChannels.X));
        assertThrows(ReplyRefusedException.class,
                () -> MoveToPrivate.of("{brand}: @{handle} see DMs", SampleChannels.BOTH).acknowledgement("alice", "", SampleChannels.X));
    }
}
