package org.socialcarebridge.component.facebook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads back from the Graph API what the webhook did not bring: after the plugin was down, or while
 * Meta's deliveries failed (Meta drops them when it disables the subscription after an hour). Comments
 * (and replies to comments) on the Page's posts with activity since the high-water mark, and Messenger
 * messages of the conversations updated since it, become the same messages the webhook would have made
 * ({@link FacebookMessages}) and go to {@link Intake#receive}: what the webhook already stored is a
 * duplicate there and ignored, so recovering twice, or a webhook retry after a recovery, stores nothing
 * twice. The Page's own comments and messages are skipped, as the webhook skips them.
 * <p>
 * A pass reads both lists (posts, conversations) page by page, newest activity first; each list's paging
 * cursor is stored after its page's messages are durable, so a pass bounded to {@code pagesPerRun} list
 * pages continues where it stopped on the next run. The mark moves only when a pass has read both lists
 * to the end: to when that pass began, less {@link #OVERLAP} for the difference between Meta's clock and
 * ours. Without a mark, the first pass looks back {@code lookBack}, never through the whole history.
 */
public final class FacebookRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(FacebookRecovery.class);

    /** The high-water mark: activity from then on is read (an ISO instant). */
    static final String MARK = "facebook:recovered-since";
    /** When the open pass began (an ISO instant), empty when none is open. */
    static final String PASS = "facebook:recovery-pass";
    /** The paging cursor of the next list page of the open pass; {@link #DONE} when the list was read to its end. */
    static final String FEED_PAGE = "facebook:recovery-feed";
    static final String CONVERSATIONS_PAGE = "facebook:recovery-conversations";
    static final String DONE = "done";
    /** How far back the first pass reads when the settings say nothing. */
    public static final Duration DEFAULT_LOOK_BACK = Duration.ofHours(24);
    /**
     * List pages (of up to 100 posts or conversations, with their comments or messages) a run reads: a
     * few hundred Graph calls at most, well inside Meta's limits, and a run of seconds.
     */
    public static final int PAGES_PER_RUN = 20;
    /** Read again each pass, so a comment stamped by Meta a little behind our clock is not missed. */
    static final Duration OVERLAP = Duration.ofMinutes(5);
    /** The longest paging cursor the store keeps (its column); a longer one makes the list start over next run. */
    private static final int LONGEST_CURSOR = 200;

    private final GraphApi graph;
    private final Intake intake;
    private final Database db;
    private final String pageId;
    private final Duration lookBack;
    private final int pagesPerRun;
    private final Clock clock;

    /**
     * @param pageId      the Page's id: its own comments and messages are the brand's, never tickets
     * @param lookBack    how far back the first pass reads, e.g. 24 hours
     * @param pagesPerRun at most this many list pages (posts or conversations) a run, with what is under them
     */
    public FacebookRecovery(GraphApi graph, Intake intake, Database db, String pageId, Duration lookBack, int pagesPerRun,
                            Clock clock) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.db = Objects.requireNonNull(db, "db");
        this.pageId = Objects.requireNonNull(pageId, "pageId");
        if (lookBack.isNegative() || lookBack.isZero() || pagesPerRun < 2) {
            throw new IllegalArgumentException("Recovery needs a positive look-back and at least 2 pages a run, got "
                    + lookBack + " and " + pagesPerRun);
        }
        this.lookBack = lookBack;
        this.pagesPerRun = pagesPerRun;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What one run did. */
    public record Run(Instant since, int read, int fresh, int unreadable, boolean passComplete) {
    }

    /**
     * One run: the open pass continued, or a new one from the mark. One at a time (the timer and the
     * subscription check's "it is back" may ask at once). Throws when the Graph API or the store fails:
     * what was durable stays so, the rest is read again next run.
     */
    public synchronized Run run() {
        Instant now = clock.instant();
        String mark = db.cursor(MARK);
        Instant since;
        if (mark == null || mark.isEmpty()) {
            since = now.minus(lookBack);
            db.moveCursor(MARK, since.toString(), now); // the starting point of every pass until one completes
        } else {
            since = Instant.parse(mark);
        }
        String open = db.cursor(PASS);
        Instant passStart;
        if (open == null || open.isEmpty()) {
            passStart = now;
            db.moveCursor(FEED_PAGE, "", now);
            db.moveCursor(CONVERSATIONS_PAGE, "", now);
            db.moveCursor(PASS, passStart.toString(), now);
        } else {
            passStart = Instant.parse(open);
        }
        Tally tally = new Tally();
        int[] pages = {pagesPerRun};
        boolean feedDone = readList(FEED_PAGE, pages, after -> graph.feed(since, after), post -> comments(post, since, tally), tally);
        boolean conversationsDone = readList(CONVERSATIONS_PAGE, pages, after -> graph.conversations(since, after),
                conversation -> messages(conversation, since, tally), tally);
        boolean complete = feedDone && conversationsDone;
        if (complete) {
            Instant next = passStart.minus(OVERLAP);
            if (next.isAfter(since)) {
                db.moveCursor(MARK, next.toString(), clock.instant());
            }
            db.moveCursor(PASS, "", clock.instant());
        }
        if (tally.fresh > 0 || tally.unreadable > 0) {
            LOG.info("Facebook recovery: {} comments and messages since {} read back from the Graph API, {} of them new to"
                    + " the ledger, {} unreadable (dead letters){}", tally.read, since, tally.fresh, tally.unreadable,
                    complete ? "" : "; the pass continues next run");
        }
        return new Run(since, tally.read, tally.fresh, tally.unreadable, complete);
    }

    private interface Pager {
        JsonNode page(String after);
    }

    private interface Reading {
        void under(JsonNode item);
    }

    /**
     * Reads a list (the feed or the conversations) from its stored cursor, a page at a time while pages
     * are left this run: each page's items, what is under them recorded, then the cursor stored. True when
     * the list was read to its end in this pass.
     */
    private boolean readList(String cursorName, int[] pagesLeft, Pager pager, Reading reading, Tally tally) {
        String position = db.cursor(cursorName);
        if (DONE.equals(position)) {
            return true;
        }
        String after = position == null || position.isEmpty() ? null : position;
        while (pagesLeft[0] > 0) {
            pagesLeft[0]--;
            JsonNode page = pager.page(after);
            for (JsonNode item : page.path("data")) {
                reading.under(item);
            }
            tally.store(intake);
            after = GraphApi.nextPage(page);
            db.moveCursor(cursorName, after == null ? DONE : after.length() > LONGEST_CURSOR ? "" : after, clock.instant());
            if (after == null) {
                return true;
            }
        }
        return false;
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
        String after = null;
        do {
            JsonNode page = graph.newestComments(postId, after);
            for (JsonNode comment : page.path("data")) {
                Instant created = FacebookMessages.graphTime(comment.path("created_time").asText(""));
                if (created != null && created.isBefore(since)) {
                    return; // newest first: the rest is before the mark, which the webhook or an earlier pass had
                }
                if (pageId.equals(comment.path("from").path("id").asText())) {
                    continue; // the Page's own reply
                }
                try {
                    tally.add(FacebookMessages.comment(comment, postId, permalink, post.path("message").asText(null)));
                } catch (IllegalArgumentException e) {
                    tally.unreadable(comment.path("id").asText(null), comment, e.getMessage());
                }
            }
            after = GraphApi.nextPage(page);
        } while (after != null);
    }

    /** The messages of one conversation since {@code since}: newest first, so reading stops at the first older one. */
    private void messages(JsonNode conversation, Instant since, Tally tally) {
        String conversationId = conversation.path("id").asText("");
        if (conversationId.isEmpty()) {
            tally.unreadable(null, conversation, "A Messenger conversation of the Page has no id, so its messages cannot be read");
            return;
        }
        String after = null;
        do {
            JsonNode page = graph.messages(conversationId, after);
            for (JsonNode message : page.path("data")) {
                Instant created = FacebookMessages.graphTime(message.path("created_time").asText(""));
                if (created != null && created.isBefore(since)) {
                    return;
                }
                if (pageId.equals(message.path("from").path("id").asText())) {
                    continue; // what the Page sent
                }
                try {
                    tally.add(FacebookMessages.graphMessage(message));
                } catch (IllegalArgumentException e) {
                    tally.unreadable(message.path("id").asText(null), message, e.getMessage());
                }
            }
            after = GraphApi.nextPage(page);
        } while (after != null);
    }

    /** The cursor of the page after this one, or null on the last ({@code paging.next} is absent there). */
    /** What a list page brought, stored at once: the messages in one receive, then each unreadable item. */
    private static final class Tally {
        private final Map<String, InboundMessage> messages = new LinkedHashMap<>();
        private final List<String[]> unreadableItems = new ArrayList<>();
        int read;
        int fresh;
        int unreadable;

        void add(InboundMessage m) {
            messages.putIfAbsent(m.key(), m);
        }

        void unreadable(String id, JsonNode raw, String reason) {
            unreadableItems.add(new String[] {id, raw.toString(), "Recovered from the Graph API but not readable: " + reason});
        }

        void store(Intake intake) {
            if (!messages.isEmpty()) {
                fresh += intake.receive(List.copyOf(messages.values()));
                read += messages.size();
            }
            for (String[] u : unreadableItems) {
                if (intake.recordUnreadable(FacebookChannel.FACEBOOK, u[0], u[1], u[2])) {
                    unreadable++;
                }
            }
            messages.clear();
            unreadableItems.clear();
        }
    }
}
