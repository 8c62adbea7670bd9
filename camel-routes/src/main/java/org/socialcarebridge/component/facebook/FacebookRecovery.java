package org.socialcarebridge.component.facebook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.component.graph.GraphRecovery;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.persistence.Database;

/**
 * Reads back from the Graph API what the webhook did not bring: after the plugin was down, or while
 * Meta's deliveries failed (Meta drops them when it disables the subscription after an hour). Comments
 * (and replies to comments) on the Page's posts with activity since the high-water mark, and Messenger
 * messages of the conversations updated since it, become the same messages the webhook would have made
 * ({@link FacebookMessages}) and go to {@link Intake#receive}: what the webhook already stored is a
 * duplicate there and ignored, so recovering twice, or a webhook retry after a recovery, stores nothing
 * twice. The Page's own comments and messages are skipped, as the webhook skips them. The pass, its
 * cursors and its mark are {@link GraphRecovery}'s; its two lists are the feed (posts, newest activity
 * first) and the Messenger conversations.
 */
public final class FacebookRecovery extends GraphRecovery {
    /** The high-water mark: activity from then on is read (an ISO instant). */
    static final String MARK = "facebook:recovered-since";
    /** How far back the first pass reads when the settings say nothing. */
    public static final Duration DEFAULT_LOOK_BACK = Duration.ofHours(24);
    /**
     * List pages (of up to 100 posts or conversations, with their comments or messages) a run reads: a
     * few hundred Graph calls at most, well inside Meta's limits, and a run of seconds.
     */
    public static final int PAGES_PER_RUN = 20;

    private final GraphApi graph;
    private final String pageId;

    /**
     * @param pageId      the Page's id: its own comments and messages are the brand's, never tickets
     * @param lookBack    how far back the first pass reads, e.g. 24 hours
     * @param pagesPerRun at most this many list pages (posts or conversations) a run, with what is under them
     */
    public FacebookRecovery(GraphApi graph, Intake intake, Database db, String pageId, Duration lookBack, int pagesPerRun,
                            Clock clock) {
        super(FacebookChannel.FACEBOOK, intake, db, lookBack, pagesPerRun, clock);
        this.graph = Objects.requireNonNull(graph, "graph");
        this.pageId = Objects.requireNonNull(pageId, "pageId");
    }

    @Override
    protected List<Listing> listings(Instant since) {
        return List.of(new Listing("feed", after -> graph.feed(since, after), (post, tally) -> comments(post, since, tally)),
                new Listing("conversations", after -> graph.conversations(since, after),
                        (conversation, tally) -> messages(conversation, since, tally)));
    }

    /**
     * The comments under one post since {@code since}, replies to comments included ({@code filter=stream}),
     * newest first, so reading stops at the first older one.
     */
    private void comments(JsonNode post, Instant since, Tally tally) {
        String postId = post.path("id").asText("");
        if (postId.isEmpty()) {
            tally.unreadable(null, post, "A post in the Page's feed has no id, so its comments cannot be read");
            return;
        }
        String permalink = post.path("permalink_url").asText(null);
        readSince(after -> graph.newestComments(postId, after), since, "created_time", true, comment -> {
            if (pageId.equals(comment.path("from").path("id").asText())) {
                return; // the Page's own reply
            }
            try {
                tally.add(FacebookMessages.comment(comment, postId, permalink, post.path("message").asText(null)));
            } catch (IllegalArgumentException e) {
                tally.unreadable(comment.path("id").asText(null), comment, e.getMessage());
            }
        });
    }

    /** The messages of one conversation since {@code since}: newest first, so reading stops at the first older one. */
    private void messages(JsonNode conversation, Instant since, Tally tally) {
        String conversationId = conversation.path("id").asText("");
        if (conversationId.isEmpty()) {
            tally.unreadable(null, conversation, "A Messenger conversation of the Page has no id, so its messages cannot be read");
            return;
        }
        readSince(after -> graph.messages(conversationId, after), since, "created_time", true, message -> {
            if (pageId.equals(message.path("from").path("id").asText())) {
                return; // what the Page sent
            }
            try {
                tally.add(FacebookMessages.graphMessage(message));
            } catch (IllegalArgumentException e) {
                tally.unreadable(message.path("id").asText(null), message, e.getMessage());
            }
        });
    }
}
