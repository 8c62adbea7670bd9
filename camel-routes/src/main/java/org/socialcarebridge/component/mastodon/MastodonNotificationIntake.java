package org.socialcarebridge.component.mastodon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.component.MessageBatch;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.intake.Intake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one streamed notification into the ledger the way the poll reads it ({@link MastodonMessages}):
 * a mention becomes a message, with the unseen statuses it answers up its thread as the poll brings them
 * ({@link MastodonMentionsFeed#withAncestors}); anything else is no customer's message; a mention no mapper
 * can read is a dead letter as it came. Durable when this returns; a ledger that is down throws, and the
 * catch-up of the next connect reads it again. The ledger's key makes the poll and the stream store a
 * mention once.
 */
final class MastodonNotificationIntake implements Consumer<JsonNode> {
    private static final Logger LOG = LoggerFactory.getLogger(MastodonNotificationIntake.class);
    private final MastodonApi api;
    private final Intake intake;
    private final String quoteReason;

    MastodonNotificationIntake(MastodonApi api, Intake intake, boolean ticketQuotes) {
        this.api = api;
        this.intake = intake;
        this.quoteReason = MastodonMessages.quoteReason(ticketQuotes);
    }

    @Override
    public void accept(JsonNode notification) {
        if (!"mention".equals(notification.path("type").asText()) || !notification.hasNonNull("status")) {
            return;
        }
        MessageBatch batch = new MessageBatch(Network.MASTODON);
        InboundMessage mention;
        try {
            mention = MastodonMessages.message(notification.get("status"), quoteReason);
        } catch (RuntimeException | StackOverflowError e) {
            batch.unreadable(notification.path("status").path("id").asText(null), notification.toString(),
                    e.getMessage() == null ? e.toString() : e.getMessage());
            batch.store(intake);
            return;
        }
        List<InboundMessage> thread;
        try {
            thread = new ArrayList<>(MastodonMentionsFeed.withAncestors(api,
                    id -> intake.knows(Network.MASTODON, id), List.of(mention), (id, item, mapper) -> {
                        try {
                            return mapper.apply(item);
                        } catch (RuntimeException | StackOverflowError e) {
                            batch.unreadable(id, item.toString(), e.getMessage() == null ? e.toString() : e.getMessage());
                            return null;
                        }
                    }));
        } catch (RuntimeException e) {
            // The instance would not give the thread now (rate limit, outage): the mention goes in alone rather than
            // drop the stream; its ticket notes the unread parent, as when the thread is not visible.
            LOG.info("Mastodon did not give the thread of streamed mention {} ({}); it is kept without it",
                    mention.messageId(), e.getMessage());
            thread = new ArrayList<>(List.of(mention));
        }
        Collections.reverse(thread); // the thread's first status first, the mention last
        thread.forEach(batch::add);
        batch.store(intake);
    }
}
