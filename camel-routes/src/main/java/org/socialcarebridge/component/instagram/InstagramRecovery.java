package org.socialcarebridge.component.instagram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.component.graph.GraphCall;
import org.socialcarebridge.component.graph.GraphRecovery;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.persistence.Database;

/**
 * Reads back from the Graph API what the {@code instagram} webhook did not bring, which matters more here
 * than for Facebook: Instagram direct messages are known to go missing from webhooks (Chatwoot #8333). Two
 * lists: the account's media with their comments since the mark, and its Instagram conversations
 * ({@code platform=instagram}) updated since it, with their messages since it. They become the same messages
 * the webhook makes ({@link InstagramMessages}), so what the webhook already stored is a duplicate. The
 * account's own comments and messages are skipped. Mentions on other people's media cannot be listed: a
 * mention the webhook failed to take is retried by Meta (the handler answers 500). The pass, its cursors and
 * its mark are {@link GraphRecovery}'s.
 */
public final class InstagramRecovery extends GraphRecovery {
    /** List pages (of up to 100 media or conversations, with what is under them) a run reads. */
    public static final int PAGES_PER_RUN = 20;

    private final InstagramApi api;
    private final String accountId;

    /** @param accountId the account's id: what it wrote is the brand's, never a ticket */
    public InstagramRecovery(InstagramApi api, Intake intake, Database db, String accountId, Duration lookBack,
                             int pagesPerRun, Clock clock) {
        super(InstagramChannel.INSTAGRAM, intake, db, lookBack, pagesPerRun, clock);
        this.api = Objects.requireNonNull(api, "api");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
    }

    @Override
    protected List<Listing> listings(Instant since) {
        return List.of(new Listing("media", api::media, (media, tally) -> comments(media, since, tally)),
                new Listing("conversations", api::conversations,
                        (conversation, tally) -> messages(conversation, since, tally)));
    }

    /** A media's comments since the mark; the order Graph gives is not relied on, so all pages are read. */
    private void comments(JsonNode media, Instant since, Tally tally) {
        String mediaId = media.path("id").asText("");
        if (mediaId.isEmpty()) {
            tally.unreadable(null, media, "A media of the Instagram account has no id, so its comments cannot be read");
            return;
        }
        readSince(after -> api.comments(mediaId, after), since, "timestamp", false, comment -> {
            if (accountId.equals(comment.path("from").path("id").asText())) {
                return; // the account's own reply
            }
            try {
                tally.add(InstagramMessages.graphComment(comment, mediaId).onBrandMedia());
            } catch (IllegalArgumentException e) {
                tally.unreadable(comment.path("id").asText(null), comment, e.getMessage());
            }
        });
    }

    /** The messages of a conversation updated since the mark: newest first, so reading stops at the first older one. */
    private void messages(JsonNode conversation, Instant since, Tally tally) {
        String conversationId = conversation.path("id").asText("");
        if (conversationId.isEmpty()) {
            tally.unreadable(null, conversation, "An Instagram conversation has no id, so its messages cannot be read");
            return;
        }
        Instant updated = GraphCall.graphTime(conversation.path("updated_time").asText(""));
        if (updated != null && updated.isBefore(since)) {
            return; // nothing new in it
        }
        readSince(after -> api.messages(conversationId, after), since, "created_time", true, message -> {
            if (accountId.equals(message.path("from").path("id").asText())) {
                return; // what the account sent
            }
            try {
                tally.add(InstagramMessages.graphMessage(message));
            } catch (IllegalArgumentException e) {
                tally.unreadable(message.path("id").asText(null), message, e.getMessage());
            }
        });
    }
}
