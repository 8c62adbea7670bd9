package org.socialcarebridge.delivery;

import java.time.Instant;
import java.util.Objects;

import org.socialcarebridge.channel.Network;

/**
 * What the network later says about a message the brand sent (WhatsApp's statuses): sent, delivered to the
 * customer's phone, read, or failed with the network's error. Receipts arrive late, twice and out of order;
 * what they say never moves a message backwards ({@link Status#rank}).
 *
 * @param postId    the network's id of the sent message (WhatsApp: the wamid the send answered)
 * @param at        when the network says it happened
 * @param errorCode the network's error code when failed (e.g. 131047), else null
 * @param errorText the network's error title and details when failed, else null
 */
public record DeliveryReceipt(Network network, String postId, Status status, Instant at, Integer errorCode,
                              String errorText) {
    public enum Status {
        SENT(1), DELIVERED(2), READ(3), FAILED(1);

        private final int rank;

        Status(int rank) {
            this.rank = rank;
        }

        /**
         * How far along a message is: a receipt that ranks below what is known is old news. A failure ranks
         * with sent: it replaces sent (the network gave up after accepting), never delivered or read.
         */
        public int rank() {
            return rank;
        }
    }

    /**
     * The network's error as a ticket shows it, e.g. {@code WhatsApp error 131047 (Re-engagement message):
     * Message failed to send because…}; the channel gives {@code errorText} as {@code "title: details"}.
     */
    public String error() {
        String text = errorText == null ? "" : errorText.strip();
        int colon = text.indexOf(": ");
        String title = colon < 0 ? text : text.substring(0, colon).strip();
        String details = colon < 0 ? "" : text.substring(colon + 2).strip();
        StringBuilder shown = new StringBuilder(network.displayName()).append(" error");
        if (errorCode != null) {
            shown.append(' ').append(errorCode);
        }
        if (!title.isEmpty() && !details.isEmpty()) {
            shown.append(" (").append(title).append(')');
        }
        return shown.append(": ").append(!details.isEmpty() ? details : !title.isEmpty() ? title : "no details given")
                .toString();
    }

    /**
     * Whether this receipt moves a message forward from what its earlier receipts said ({@code known}, null
     * for none): sent, then delivered, then read; a failure replaces only sent; nothing follows a failure.
     */
    public boolean movesOn(Status known) {
        if (known == Status.FAILED) {
            return false;
        }
        return known == null || status.rank() > known.rank() || status == Status.FAILED && known == Status.SENT;
    }

    public DeliveryReceipt {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(status, "status");
        if (postId == null || postId.isBlank()) {
            throw new IllegalArgumentException("A delivery receipt names the message it is about, not '" + postId + "'");
        }
    }
}
