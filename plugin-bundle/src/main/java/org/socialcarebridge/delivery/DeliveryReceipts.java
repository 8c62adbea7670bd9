package org.socialcarebridge.delivery;

/**
 * Where a channel hands the network's receipts for what the brand sent (the outbox, which shows them on the
 * reply's transaction). A receipt for a message the plugin does not know is ignored and counted.
 */
public interface DeliveryReceipts {
    /** Records it if it moves the message forward; answers whether it did. */
    boolean receive(DeliveryReceipt receipt);

    /** Whether the message the receipt is about is recorded here (a receipt it did not take is then old news). */
    boolean knows(DeliveryReceipt receipt);

    /** This sink, and for a receipt it does not know, {@code next} (the outbox, then the follow-ups). */
    default DeliveryReceipts orElse(DeliveryReceipts next) {
        DeliveryReceipts first = this;
        return new DeliveryReceipts() {
            @Override
            public boolean receive(DeliveryReceipt receipt) {
                return first.receive(receipt) || next.receive(receipt);
            }

            @Override
            public boolean knows(DeliveryReceipt receipt) {
                return first.knows(receipt) || next.knows(receipt);
            }
        };
    }
}
