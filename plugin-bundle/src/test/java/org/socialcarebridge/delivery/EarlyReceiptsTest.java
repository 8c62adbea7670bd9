package org.socialcarebridge.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.socialcarebridge.channel.Network;

class EarlyReceiptsTest {
    static final Network NET = Network.declare("earlynet", "EarlyNet");
    final Set<String> recorded = new HashSet<>();
    final List<DeliveryReceipt> taken = new ArrayList<>();
    Instant now = Instant.parse("2026-12-07T10:00:00Z");
    /** Takes a receipt for a recorded message unless it is old news (a second one of the same status). */
    final DeliveryReceipts sink = new DeliveryReceipts() {
        @Override
        public boolean receive(DeliveryReceipt r) {
            return knows(r) && taken.stream().noneMatch(t -> t.postId().equals(r.postId()) && t.status() == r.status())
                    && taken.add(r);
        }

        @Override
        public boolean knows(DeliveryReceipt r) {
            return recorded.contains(r.postId());
        }
    };

    EarlyReceipts early(int capacity) {
        return new EarlyReceipts(sink, Duration.ofMinutes(2), capacity, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
    }

    static DeliveryReceipt receipt(String id, DeliveryReceipt.Status status) {
        return new DeliveryReceipt(NET, id, status, Instant.parse("2026-12-07T10:00:00Z"), null, null);
    }

    @Test
    void aReceiptBeforeItsMessageIsRecordedIsTakenOnceItIs() {
        EarlyReceipts early = early(10);
        assertFalse(early.receive(receipt("w1", DeliveryReceipt.Status.DELIVERED)));
        assertFalse(early.receive(receipt("w1", DeliveryReceipt.Status.SENT)), "sent after delivered: delivered still waits");
        assertEquals(1, early.waiting());
        assertEquals(0, early.offerAgain(), "still unknown");
        recorded.add("w1");
        assertEquals(0, early.offerAgain(), "offered again after 1, 2, 4… seconds, not at every tick");
        now = now.plusSeconds(2);
        assertEquals(1, early.offerAgain());
        assertEquals(DeliveryReceipt.Status.DELIVERED, taken.get(0).status(), "the furthest of those that waited");
        assertEquals(0, early.waiting());
    }

    @Test
    void aReceiptTheSinkTakesAtOnceDoesNotWait() {
        recorded.add("w2");
        EarlyReceipts early = early(10);
        assertTrue(early.receive(receipt("w2", DeliveryReceipt.Status.READ)));
        assertEquals(0, early.waiting());
    }

    @Test
    void oldNewsAboutAKnownMessageDoesNotWait() {
        recorded.add("w3");
        EarlyReceipts early = early(10);
        assertTrue(early.receive(receipt("w3", DeliveryReceipt.Status.DELIVERED)));
        assertFalse(early.receive(receipt("w3", DeliveryReceipt.Status.DELIVERED)), "a duplicate");
        assertEquals(0, early.waiting(), "is not kept to be offered again");
    }

    @Test
    void receiptsNeverTakenAreDroppedAfterTheirPatienceAndBeyondCapacity() {
        EarlyReceipts early = early(2);
        early.receive(receipt("a", DeliveryReceipt.Status.SENT));
        early.receive(receipt("b", DeliveryReceipt.Status.SENT));
        early.receive(receipt("c", DeliveryReceipt.Status.SENT));
        assertEquals(2, early.waiting(), "no more than the capacity wait");
        now = now.plus(Duration.ofMinutes(3));
        early.offerAgain();
        assertEquals(0, early.waiting());
        recorded.add("a");
        assertEquals(0, early.offerAgain(), "dropped receipts are not offered again");
    }
}
