package org.socialcarebridge.component.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.persistence.Database;

/**
 * One feed's part of one poll: the positions it reads and moves, and the route it hands each message
 * to. The order of calls is the promise: {@link #store} what was read, then {@link #moveTo} past it.
 */
public final class FeedReading {
    private static final Comparator<InboundMessage> ORDER = Comparator.comparing(InboundMessage::createdAt,
                    // an unreadable created_at counts from receipt: after what was read on the same page
                    Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(InboundMessage::messageId, Feed.ID_ORDER);

    /** Where a reading hands what it read: the consumer, which sends each item through its route. */
    interface Delivery {
        /** Sends one message through the route; answers 1 if it was new to the ledger. Throws if the route failed. */
        int deliver(InboundMessage message);

        /** Sends an item that could not be read through the route (to its dead-letter path). Throws if that failed. */
        void unreadable(String id, String raw, Throwable cause);
    }

    private final Database db;
    private final Clock clock;
    private final Delivery delivery;
    private final Map<String, String> positions = new LinkedHashMap<>();
    private int fresh;

    FeedReading(Database db, Clock clock, Delivery delivery) {
        this.db = db;
        this.clock = clock;
        this.delivery = delivery;
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
     * deeply nested one) goes through the route as it arrived, to be dead-lettered, and the rest of the
     * page goes on.
     *
     * @param id the network's id of the item as far as it could be seen, or null
     * @return the message, or null when the item was unreadable
     */
    public InboundMessage read(String id, JsonNode item, Function<JsonNode, InboundMessage> mapper) {
        try {
            return mapper.apply(item);
        } catch (RuntimeException | StackOverflowError e) {
            delivery.unreadable(id, item.toString(), e);
            return null;
        }
    }

    /**
     * Sends the messages through the route, oldest first, one exchange each. The route records one that
     * alone cannot be stored as a dead letter, so one message never blocks a channel; if the route
     * fails (the ledger itself is down), this throws at that message, and nothing moves: the next poll
     * reads it again.
     */
    public void store(List<InboundMessage> messages) {
        List<InboundMessage> sorted = new ArrayList<>(messages);
        sorted.removeIf(Objects::isNull);
        sorted.sort(ORDER);
        for (InboundMessage m : sorted) {
            fresh += delivery.deliver(m);
        }
    }

    /** How many messages were new to the ledger. */
    int fresh() {
        return fresh;
    }

    Map<String, String> positions() {
        return positions;
    }
}
