package org.socialcarebridge.component.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.component.MessageBatch;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads back from the Graph API what Meta's webhook did not bring (the plugin was down, Meta dropped the
 * deliveries), for one Meta product: its lists ({@link Listing}: a Page's feed, an account's media, the
 * conversations), each page's items read for the messages under them, which go to {@link Intake#receive}
 * where what the webhook already stored is a duplicate and ignored.
 * <p>
 * A pass reads every list page by page; each list's paging cursor is stored after its page's messages are
 * durable, so a pass bounded to {@code pagesPerRun} list pages continues where it stopped on the next run.
 * The mark moves only when a pass has read every list to the end: to when that pass began, less
 * {@link #OVERLAP} for the difference between Meta's clock and ours. Without a mark, the first pass looks
 * back {@code lookBack}, never through the whole history. The cursors are named after the network:
 * {@code <network>:recovered-since}, {@code <network>:recovery-pass}, {@code <network>:recovery-<list>}.
 */
public abstract class GraphRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(GraphRecovery.class);

    /** A list's cursor when it was read to its end in the open pass. */
    public static final String DONE = "done";
    /** Read again each pass, so a message stamped by Meta a little behind our clock is not missed. */
    public static final Duration OVERLAP = Duration.ofMinutes(5);
    /** The longest paging cursor the store keeps (its column); a longer one makes the list start over next run. */
    private static final int LONGEST_CURSOR = 200;

    private final Network network;
    private final Intake intake;
    private final Database db;
    private final Duration lookBack;
    private final int pagesPerRun;
    private final Clock clock;

    /**
     * @param lookBack    how far back the first pass reads, e.g. 24 hours
     * @param pagesPerRun at most this many list pages a run, with what is under them
     */
    protected GraphRecovery(Network network, Intake intake, Database db, Duration lookBack, int pagesPerRun, Clock clock) {
        this.network = Objects.requireNonNull(network, "network");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.db = Objects.requireNonNull(db, "db");
        if (lookBack.isNegative() || lookBack.isZero() || pagesPerRun < 2) {
            throw new IllegalArgumentException("Recovery needs a positive look-back and at least 2 pages a run, got "
                    + lookBack + " and " + pagesPerRun);
        }
        this.lookBack = lookBack;
        this.pagesPerRun = pagesPerRun;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One page of a Graph list, after the cursor {@code after} (null for the first). */
    public interface Pager {
        JsonNode page(String after);
    }

    /** What is read under one item of a list (a post's comments, a conversation's messages). */
    public interface Reading {
        void under(JsonNode item, Tally tally);
    }

    /** One list a pass reads, by its cursor's name. */
    public record Listing(String name, Pager pager, Reading reading) {
    }

    /** The lists of a pass reading activity since {@code since}, in order. */
    protected abstract List<Listing> listings(Instant since);

    /** What one run did. */
    public record Run(Instant since, int read, int fresh, int unreadable, boolean passComplete) {
    }

    /** The cursor of the high-water mark: activity from then on is read (an ISO instant). */
    public final String markCursor() {
        return network.key() + ":recovered-since";
    }

    /**
     * One run: the open pass continued, or a new one from the mark. One at a time (a timer and a "the
     * subscription is back" may ask at once). Throws when the Graph API or the store fails: what was
     * durable stays so, the rest is read again next run.
     */
    public synchronized Run run() {
        Instant now = clock.instant();
        String markName = markCursor();
        String passName = network.key() + ":recovery-pass";
        String mark = db.cursor(markName);
        Instant since;
        if (mark == null || mark.isEmpty()) {
            since = now.minus(lookBack);
            db.moveCursor(markName, since.toString(), now); // the starting point of every pass until one completes
        } else {
            since = Instant.parse(mark);
        }
        List<Listing> listings = listings(since);
        String open = db.cursor(passName);
        Instant passStart;
        if (open == null || open.isEmpty()) {
            passStart = now;
            for (Listing l : listings) {
                db.moveCursor(listCursor(l), "", now);
            }
            db.moveCursor(passName, passStart.toString(), now);
        } else {
            passStart = Instant.parse(open);
        }
        Tally tally = new Tally(network);
        int[] pages = {pagesPerRun};
        boolean complete = true;
        for (Listing l : listings) {
            complete &= readList(listCursor(l), pages, l, tally);
        }
        if (complete) {
            Instant next = passStart.minus(OVERLAP);
            if (next.isAfter(since)) {
                db.moveCursor(markName, next.toString(), clock.instant());
            }
            db.moveCursor(passName, "", clock.instant());
        }
        if (tally.fresh > 0 || tally.unreadable > 0) {
            LOG.info("{} recovery: {} comments and messages since {} read back from the Graph API, {} of them new to"
                    + " the ledger, {} unreadable (dead letters){}", network.displayName(), tally.read, since, tally.fresh,
                    tally.unreadable, complete ? "" : "; the pass continues next run");
        }
        return new Run(since, tally.read, tally.fresh, tally.unreadable, complete);
    }

    private String listCursor(Listing l) {
        return network.key() + ":recovery-" + l.name();
    }

    /**
     * Reads a list from its stored cursor, a page at a time while pages are left this run: each page's
     * items, what is under them recorded, then the cursor stored. True when the list was read to its end.
     */
    private boolean readList(String cursorName, int[] pagesLeft, Listing listing, Tally tally) {
        String position = db.cursor(cursorName);
        if (DONE.equals(position)) {
            return true;
        }
        String after = position == null || position.isEmpty() ? null : position;
        while (pagesLeft[0] > 0) {
            pagesLeft[0]--;
            JsonNode page = listing.pager().page(after);
            for (JsonNode item : page.path("data")) {
                listing.reading().under(item, tally);
            }
            tally.store(intake);
            after = GraphCall.nextPage(page);
            db.moveCursor(cursorName, after == null ? DONE : after.length() > LONGEST_CURSOR ? "" : after, clock.instant());
            if (after == null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every item of a list under one object since {@code since} by its {@code timeField}: with
     * {@code newestFirst}, reading stops at the first older one; otherwise all pages are read and older
     * items skipped. An item without a readable time is kept.
     */
    protected static void readSince(Pager pager, Instant since, String timeField, boolean newestFirst,
                                    Consumer<JsonNode> each) {
        String after = null;
        do {
            JsonNode page = pager.page(after);
            for (JsonNode item : page.path("data")) {
                Instant created = GraphCall.graphTime(item.path(timeField).asText(""));
                if (created != null && created.isBefore(since)) {
                    if (newestFirst) {
                        return; // the rest is before the mark, which the webhook or an earlier pass had
                    }
                    continue;
                }
                each.accept(item);
            }
            after = GraphCall.nextPage(page);
        } while (after != null);
    }

    /** What a pass read and stored. */
    public static final class Tally {
        private final MessageBatch batch;
        int read;
        int fresh;
        int unreadable;

        Tally(Network network) {
            this.batch = new MessageBatch(network);
        }

        public void add(InboundMessage m) {
            batch.add(m);
        }

        public void unreadable(String id, JsonNode raw, String reason) {
            batch.unreadable(id, raw.toString(), "Recovered from the Graph API but not readable: " + reason);
        }

        void store(Intake intake) {
            MessageBatch.Stored stored = batch.store(intake);
            read += stored.messages();
            fresh += stored.freshMessages();
            unreadable += stored.freshUnreadable();
        }
    }
}
