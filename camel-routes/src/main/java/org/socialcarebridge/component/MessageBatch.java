package org.socialcarebridge.component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.conversation.InboundMessage;
import org.socialcarebridge.intake.Intake;

/**
 * What one read of a network brought (a webhook delivery, a page of a recovery), stored at once: the
 * messages in one {@link Intake#receive}, a message twice in the batch kept once (by ledger key), then each
 * item that could not be read as a dead letter of the network, as it came.
 */
public final class MessageBatch {
    private final Network network;
    private final Map<String, InboundMessage> messages = new LinkedHashMap<>();
    private final List<String[]> unreadable = new ArrayList<>();

    public MessageBatch(Network network) {
        this.network = network;
    }

    public void add(InboundMessage m) {
        messages.putIfAbsent(m.key(), m);
    }

    /** An item kept as a dead letter: its id when it has one, its text as it came, and why. */
    public void unreadable(String id, String raw, String reason) {
        unreadable.add(new String[] {id, raw, reason});
    }

    /** The messages in the batch, once each, in the order they came (for what a channel keeps of them). */
    public List<InboundMessage> messages() {
        return List.copyOf(messages.values());
    }

    /** Messages and unreadable items in the batch. */
    public int size() {
        return messages.size() + unreadable.size();
    }

    /** What {@link #store} kept. */
    public record Stored(int messages, int freshMessages, int unreadable, int freshUnreadable) {
        public int events() {
            return messages + unreadable;
        }

        public int fresh() {
            return freshMessages + freshUnreadable;
        }
    }

    /** Stores the batch and empties it; durable when this returns. */
    public Stored store(Intake intake) {
        int read = messages.size();
        int fresh = messages.isEmpty() ? 0 : intake.receive(List.copyOf(messages.values()));
        int freshUnreadable = 0;
        for (String[] u : unreadable) {
            if (intake.recordUnreadable(network, u[0], u[1], u[2])) {
                freshUnreadable++;
            }
        }
        Stored stored = new Stored(read, fresh, unreadable.size(), freshUnreadable);
        messages.clear();
        unreadable.clear();
        return stored;
    }
}
