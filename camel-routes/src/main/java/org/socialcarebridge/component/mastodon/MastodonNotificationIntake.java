package org.socialcarebridge.component.mastodon;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.component.MessageBatch;
import org.socialcarebridge.intake.Intake;

/**
 * Takes one streamed notification into the ledger the way the poll reads it ({@link MastodonMessages}):
 * a mention becomes a message, anything else is no customer's message; a mention no mapper can read is a
 * dead letter as it came. Durable when this returns; a ledger that is down throws, and the catch-up of
 * the next connect reads it again. The ledger's key makes the poll and the stream store a mention once.
 */
final class MastodonNotificationIntake implements Consumer<JsonNode> {
    private final Intake intake;
    private final String quoteReason;

    MastodonNotificationIntake(Intake intake, boolean ticketQuotes) {
        this.intake = intake;
        this.quoteReason = MastodonMessages.quoteReason(ticketQuotes);
    }

    @Override
    public void accept(JsonNode notification) {
        if (!"mention".equals(notification.path("type").asText()) || !notification.hasNonNull("status")) {
            return;
        }
        MessageBatch batch = new MessageBatch(Network.MASTODON);
        try {
            batch.add(MastodonMessages.message(notification.get("status"), quoteReason));
        } catch (RuntimeException | StackOverflowError e) {
            batch.unreadable(notification.path("status").path("id").asText(null), notification.toString(),
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
        batch.store(intake);
    }
}
