package org.socialcarebridge.routes.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.conversation.Network;
import org.socialcarebridge.persistence.Database;

/**
 * One feed's part of one poll: the positions it reads and moves, and the ledger it stores into. The
 * order of calls is the promise: {@link #store} what was read, then {@link #moveTo} past it.
 */
public final class FeedReading {
    private static final Comparator<InboundMessage> ORDER = Comparator.comparing(InboundMessage::createdAt,
                    // an unreadable created_at counts from receipt: after what was read on the same page
                    Comparator.nullsLast(Comparator.<java.time.Instant>naturalOrder()))
            .thenComparing(InboundMessage::messageId, Feed.ID_ORDER);

    private final Network network;
    private final Intake intake;
    private final Database db;
    private final Clock clock;
    private final Map<String, String> positions = new LinkedHashMap<>();
    private int fresh;
    private int unreadable;

    FeedReading(Network network, Intake intake, Database db, Clock clock) {
        this.network = network;
        this.intake = intake;
        this.db = db;
        this.clock = clock;
    }

    /** A saved position (null before the first), e.g. the feed's cursor or a walk in progress. */
    public String position(String name) {
        String p = db.cursor(name);
        positions.put(name, p);
        return p;
    }

    /** Saves a position; null clears it. Call only once everything before it is {@link #store}d. */
    public void moveTo(String name, String position) {
        db.moveCursor(name, position, clock.instant());
        positions.put(name, position);
    }

    /**
     * Maps one item of a page. An item the mapper cannot read (any exception, or a stack overflow on a
     * deeply nested one) is dead-lettered as it arrived, and the rest of the page goes on.
     *
     * @param id the network's id of the item as far as it could be seen, or null
     * @return the message, or null when the item was unreadable
     */
    public InboundMessage read(String id, JsonNode item, Function<JsonNode, InboundMessage> mapper) {
        try {
            InboundMessage m = mapper.apply(item);
            return m;
        } catch (RuntimeException | StackOverflowError e) {
            unreadable(id, item.toString(), e);
            return null;
        }
    }

    /**
     * Records messages in the ledger, oldest first. The intake stores one that alone cannot be stored
     * as a dead letter, so one message never blocks a channel; if the ledger itself is down, this
     * throws, and nothing moves.
     */
    public void store(List<InboundMessage> messages) {
        List<InboundMessage> sorted = new ArrayList<>(messages);
        sorted.removeIf(Objects::isNull);
        sorted.sort(ORDER);
        fresh += intake.receive(sorted);
    }

    private void unreadable(String id, String item, Throwable e) {
        if (intake.recordUnreadable(network, id, item, Intake.reason(e))) {
            unreadable++;
        }
    }

    /** How many messages were new to the ledger. */
    int fresh() {
        return fresh;
    }

    int unreadable() {
        return unreadable;
    }

    Map<String, String> positions() {
        return positions;
    }
}
