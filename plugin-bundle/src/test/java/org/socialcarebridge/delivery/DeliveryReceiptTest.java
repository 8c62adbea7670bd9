package org.socialcarebridge.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.delivery.DeliveryReceipt.Status;

class DeliveryReceiptTest {
    static final Network WHATSAPP = Network.declare("whatsapp", "WhatsApp");

    static DeliveryReceipt receipt(Status status) {
        return new DeliveryReceipt(WHATSAPP, "wamid.1", status, Instant.EPOCH, null, null);
    }

    @Test
    void aReceiptMovesAMessageOnlyForward() {
        assertTrue(receipt(Status.SENT).movesOn(null));
        assertTrue(receipt(Status.DELIVERED).movesOn(Status.SENT));
        assertTrue(receipt(Status.READ).movesOn(Status.DELIVERED));
        assertFalse(receipt(Status.SENT).movesOn(Status.SENT), "a duplicate");
        assertFalse(receipt(Status.DELIVERED).movesOn(Status.READ));
        assertFalse(receipt(Status.SENT).movesOn(Status.DELIVERED));
        assertTrue(receipt(Status.FAILED).movesOn(null));
        assertTrue(receipt(Status.FAILED).movesOn(Status.SENT), "the network gave up after accepting");
        assertFalse(receipt(Status.FAILED).movesOn(Status.DELIVERED));
        assertFalse(receipt(Status.FAILED).movesOn(Status.READ));
        assertFalse(receipt(Status.FAILED).movesOn(Status.FAILED));
        assertFalse(receipt(Status.SENT).movesOn(Status.FAILED), "nothing follows a failure");
        assertFalse(receipt(Status.READ).movesOn(Status.FAILED));
    }

    @Test
    void theErrorNamesTheNetworkTheCodeTheTitleAndTheDetails() {
        assertEquals("WhatsApp error 131047 (Re-engagement message): Message failed to send because more than 24 hours"
                + " have passed.", new DeliveryReceipt(WHATSAPP, "wamid.1", Status.FAILED, Instant.EPOCH, 131047,
                "Re-engagement message: Message failed to send because more than 24 hours have passed.").error());
        assertEquals("WhatsApp error 131026: Message undeliverable", new DeliveryReceipt(WHATSAPP, "wamid.1", Status.FAILED,
                Instant.EPOCH, 131026, "Message undeliverable").error());
        assertEquals("WhatsApp error: no details given", receipt(Status.FAILED).error());
    }
}
