package org.socialcarebridge.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.socialcarebridge.conversation.LedgerStore;
import org.socialcarebridge.host.HostRejectedException;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.host.Tickets;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.triage.rules.BusinessHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every ticket's metric fields current in the help desk without the rest of the plugin calling
 * it: each pass finds the tickets whose records changed after a persisted cursor (a customer message
 * filed, a reply posted, a survey answered, a resolution recorded or reopened), and the tickets whose
 * SLA was written as Open and whose due time has passed, and writes each one's changed fields in one
 * host call. A host outage stops the pass; the next goes on from the first ticket not written.
 *
 * <p>The cursor is a (time, ticket) position: everything stamped up to it has been published. It stays
 * {@link #SETTLE} behind the clock, because a record is stamped before its transaction commits: the
 * latest seconds are read again on the next pass, and what they recompute, unchanged, is not written.
 *
 * <p>Customers come first: while filing is behind (a message has waited over {@link #BEHIND} for a
 * ticket), a pass writes only if none has written in the last {@link #WHILE_FILING}; the others are deferred before they read anything, so the cursor stays
 * where it was and the next pass that runs writes every change of those minutes.
 */
public final class MetricsPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsPublisher.class);
    /** Longer than any of the plugin's transactions takes from stamping a record to committing it. */
    static final Duration SETTLE = Duration.ofSeconds(10);
    private static final int BATCH = TicketActivities.BATCH;
    /**
     * How often metrics are written while messages wait for a ticket. RT on SQLite writes one thing at a
     * time, so each metrics write then delays a customer's ticket; every two minutes supervisors still see
     * the metrics move in a long crisis, and a ticket's changes of those minutes go in one write.
     */
    static final Duration WHILE_FILING = Duration.ofMinutes(2);
    /**
     * How long a message waits for its ticket before filing counts as behind: longer than a message waits
     * in ordinary traffic (a pass, or a reply's 5 s for the post it answers), so only a backlog defers metrics.
     */
    static final Duration BEHIND = Duration.ofSeconds(30);
    /** What {@link #state()} answers while passes are deferred for filing. */
    public static final String DEFERRED_WHILE_FILING = "deferredWhileFiling";
    /** What {@link #state()} answers otherwise. */
    public static final String PUBLISHING = "publishing";

    /** A point in the order records are read in: by stamp, then ticket. */
    record Position(Instant at, long ticketId) implements Comparable<Position> {
        static final Position START = new Position(Instant.EPOCH, Long.MIN_VALUE);

        static Position parse(String text) {
            if (text == null || text.isEmpty()) {
                return START;
            }
            int bar = text.indexOf('|');
            return new Position(Instant.parse(text.substring(0, bar)), Long.parseLong(text.substring(bar + 1)));
        }

        /** Everything stamped at or before {@code at}, whatever the ticket. */
        static Position through(Instant at) {
            return new Position(at, Long.MAX_VALUE);
        }

        @Override
        public int compareTo(Position o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(ticketId, o.ticketId);
        }

        @Override
        public String toString() {
            return at + "|" + ticketId;
        }
    }

    /** A ticket's changed rows after the cursor: its first is where it stands in the reading order. */
    record Change(long ticketId, Instant first, Instant last) {
        Position position() {
            return new Position(first, ticketId);
        }

        Change with(Change other) {
            return new Change(ticketId, first.isBefore(other.first) ? first : other.first,
                    last.isAfter(other.last) ? last : other.last);
        }
    }

    private final MetricsStore store;
    private final Tickets host;
    private final Supplier<BusinessHours> hours;
    private final Clock clock;
    private final TicketActivities activities;
    private final LedgerStore ledger;
    /**
     * When the last pass that wrote to the help desk (or tried to) ended; null before one did in this run. Its
     * end, not its start: a pass of many writes against a busy desk can itself take minutes.
     */
    private Instant lastWrites;
    /** Whether the pass under way has written (or tried to). */
    private boolean wrote;
    private volatile boolean deferred;

    /** @param hours the desk's business hours in force (the triage rules file's), read once per pass */
    public MetricsPublisher(Database db, Tickets host, Supplier<BusinessHours> hours, Clock clock) {
        this.store = new MetricsStore(db);
        this.host = host;
        this.hours = hours;
        this.clock = clock;
        this.activities = new TicketActivities(db);
        this.ledger = new LedgerStore(db);
    }

    /**
     * For the health page: {@link #DEFERRED_WHILE_FILING} when the latest pass gave way to messages waiting
     * for a ticket, else {@link #PUBLISHING}.
     */
    public String state() {
        return deferred ? DEFERRED_WHILE_FILING : PUBLISHING;
    }

    /**
     * Where the publisher has read the records to, for the health page (null before its first pass):
     * an instant, or an instant and the last ticket written at it when a pass stopped part way.
     */
    public String position() {
        String stored = store.cursor();
        if (stored == null) {
            return null;
        }
        Position p = Position.parse(stored);
        return p.ticketId() == Long.MAX_VALUE ? p.at().toString() : p.at() + " (ticket " + p.ticketId() + ")";
    }

    /**
     * One pass over at most {@code max} tickets, overdue Open SLAs first; answers how many tickets had
     * fields written. A ticket the host refuses is logged and left until its records change again.
     * While filing is behind, a pass within {@link #WHILE_FILING} of the last one that wrote
     * does nothing and answers 0: its changes are all written by the next pass that runs.
     *
     * @throws RuntimeException what the host threw when it is unavailable (or failed otherwise): the pass
     *                          stopped there, and the tickets from that one on are left for the next pass
     */
    public synchronized int publish(int max) {
        Instant now = clock.instant();
        deferred = givesWayToFiling(now);
        if (deferred) {
            return 0;
        }
        wrote = false;
        Position from = Position.parse(store.cursor());
        List<Long> overdue = store.overdue(now, max);
        List<Change> changes = new ArrayList<>();
        Position complete = changedAfter(from, max, changes);
        if (changes.size() > max - overdue.size()) {
            changes = changes.subList(0, max - overdue.size());
            complete = null;
        }
        Set<Long> tickets = new LinkedHashSet<>(overdue);
        changes.forEach(c -> tickets.add(c.ticketId()));
        if (tickets.isEmpty()) {
            return 0;
        }
        Map<Long, TicketActivity> activity = activities.read(tickets);
        Map<Long, PublishedMetrics> published = published(tickets);
        BusinessHours desk = hours.get();
        Set<Long> done = new LinkedHashSet<>();
        int written = 0;
        Position reached = null;
        try {
            for (long ticket : overdue) {
                written += publishOne(ticket, activity.get(ticket), published.get(ticket), desk, now) ? 1 : 0;
                done.add(ticket);
            }
            for (Change c : changes) {
                if (done.add(c.ticketId())) {
                    written += publishOne(c.ticketId(), activity.get(c.ticketId()), published.get(c.ticketId()), desk, now) ? 1 : 0;
                }
                reached = c.position();
            }
            if (complete != null && !changes.isEmpty()) {
                reached = complete;
            }
        } finally {
            if (wrote) {
                lastWrites = clock.instant();
            }
            if (reached != null) {
                Position settled = Position.through(now.minus(SETTLE).truncatedTo(ChronoUnit.MILLIS));
                Position to = reached.compareTo(settled) > 0 ? settled : reached;
                if (to.compareTo(from) > 0) {
                    store.moveCursor(to.toString(), now);
                }
            }
        }
        return written;
    }

    /** Whether this pass must wait: filing is behind and a pass wrote less than {@link #WHILE_FILING} ago. */
    private boolean givesWayToFiling(Instant now) {
        return lastWrites != null && now.isBefore(lastWrites.plus(WHILE_FILING)) && ledger.waitingSince(now.minus(BEHIND));
    }

    /**
     * Fills {@code changes} with the tickets whose records changed after {@code from}, in reading order,
     * as far as every source was read completely. Answers the position through which everything was
     * read when no source had more than {@code max} tickets to tell of, else null (the cursor then stops
     * at the last ticket published).
     */
    private Position changedAfter(Position from, int max, List<Change> changes) {
        Map<Long, Change> merged = new HashMap<>();
        Position horizon = null;
        Instant latest = null;
        for (List<Change> rows : store.changesAfter(from, max)) {
            for (Change c : rows) {
                merged.merge(c.ticketId(), c, Change::with);
                latest = latest == null || c.last().isAfter(latest) ? c.last() : latest;
            }
            if (rows.size() == max) {
                // This source has more: past its last ticket, others' tickets may come before its next ones.
                Position end = rows.get(rows.size() - 1).position();
                horizon = horizon == null || end.compareTo(horizon) < 0 ? end : horizon;
            }
        }
        Position limit = horizon;
        merged.values().stream()
                .filter(c -> limit == null || c.position().compareTo(limit) <= 0)
                .sorted(Comparator.comparing(Change::position))
                .forEach(changes::add);
        return horizon == null && latest != null ? Position.through(latest) : null;
    }

    private Map<Long, PublishedMetrics> published(Set<Long> tickets) {
        List<Long> ids = List.copyOf(tickets);
        Map<Long, PublishedMetrics> found = new HashMap<>();
        for (int i = 0; i < ids.size(); i += BATCH) {
            List<Long> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
            store.published(batch).forEach(p -> found.put(p.ticketId(), p));
        }
        return found;
    }

    /** Writes the ticket's changed fields; answers whether any were. */
    private boolean publishOne(long ticketId, TicketActivity activity, PublishedMetrics before, BusinessHours desk, Instant now) {
        if (activity == null) {
            // Not a ticket the plugin filed customer messages on (any more): nothing to measure, nothing to flip.
            if (before != null && before.openUntil() != null) {
                remember(ticketId, before.fields(), null, now);
            }
            return false;
        }
        TicketMetrics metrics = TicketMetrics.of(activity, desk, now);
        Map<TicketField, String> fields = metrics.fields();
        Map<TicketField, String> last = before == null ? Map.of() : before.fields();
        Map<TicketField, String> changed = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (!value.equals(last.getOrDefault(name, ""))) {
                changed.put(name, value);
            }
        });
        Instant openUntil = metrics.sla() == Sla.OPEN ? activity.due() : null;
        if (changed.isEmpty() && before != null && Objects.equals(before.openUntil(), openUntil)) {
            return false;
        }
        if (!changed.isEmpty()) {
            wrote = true;
            try {
                host.setTicketFields(ticketId, changed);
            } catch (HostRejectedException e) {
                // Retrying a refusal every pass would only repeat it: try again when the ticket's records change.
                LOG.warn("The help desk refused ticket {}'s metrics {} ({}); they are written when its records change again",
                        ticketId, changed, e.getMessage());
                remember(ticketId, last, null, now);
                return false;
            }
        }
        remember(ticketId, fields, openUntil, now);
        return !changed.isEmpty();
    }

    private void remember(long ticketId, Map<TicketField, String> fields, Instant openUntil, Instant now) {
        store.written(ticketId, fields, openUntil, now);
    }
}
