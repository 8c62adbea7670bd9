package org.socialcarebridge.reply;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.socialcarebridge.channel.Channel;
import org.socialcarebridge.channel.Channels;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.PrivateMessages;
import org.socialcarebridge.conversation.Conversation;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.host.Tickets;
import org.socialcarebridge.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each ticket's {@code Social Reply Window} current on networks whose messaging window changes what
 * may be sent with time (Meta's): "open until …", "with the HUMAN_AGENT tag until …", "one private reply to
 * their comment … until …", or closed. The agent reads it before writing; the reply rules decide again when
 * the reply is sent. Written only when it changed, for conversations someone wrote in within the longest
 * of the network's windows and a day.
 */
public final class ReplyWindows {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyWindows.class);

    private final OutboxStore store;
    private final Tickets tickets;
    private final ReplyPolicy policy;
    private final Channels channels;
    private final Clock clock;
    /** What each active conversation's ticket shows (lost on restart: each is written once again, harmlessly). */
    private Map<String, String> shown = new HashMap<>();

    public ReplyWindows(Database db, Tickets tickets, ReplyPolicy policy, Channels channels, Clock clock) {
        this.store = new OutboxStore(db);
        this.tickets = tickets;
        this.policy = policy;
        this.channels = channels;
        this.clock = clock;
    }

    /** Writes what changed on up to {@code max} conversations per network; answers how many tickets it wrote. */
    public synchronized int refresh(int max) {
        Set<Network> windowed = channels.all().stream().filter(c -> c.privateMessages().map(PrivateMessages::window)
                .isPresent()).map(Channel::network).collect(Collectors.toSet());
        Duration horizon = channels.all().stream().flatMap(c -> c.privateMessages().stream())
                .map(ReplyWindows::longest).max(Duration::compareTo).orElse(Duration.ZERO).plusDays(1);
        int written = 0;
        Map<String, String> active = new HashMap<>();
        try {
            for (Conversation c : store.activeConversations(windowed, clock.instant().minus(horizon), max)) {
                Optional<String> now = policy.privateNow(c, Participants.of(c, store.writers(c), store.answeredPrivately(c)));
                if (now.isEmpty()) {
                    continue;
                }
                if (!now.get().equals(shown.get(c.key()))) {
                    tickets.setTicketField(c.ticketId(), TicketField.REPLY_WINDOW, now.get());
                    written++;
                    LOG.debug("Ticket {}: {}", c.ticketId(), now.get());
                }
                active.put(c.key(), now.get());
            }
        } finally {
            // Only what is still active is remembered, so the map stays the size of the recent conversations;
            // a pass cut short by the help desk keeps what it wrote and writes the rest next time.
            shown.keySet().retainAll(active.keySet());
            shown.putAll(active);
        }
        return written;
    }

    private static Duration longest(PrivateMessages m) {
        Duration d = m.window() == null ? Duration.ZERO : m.window();
        if (m.lateReply().isPresent() && m.lateReply().get().upTo().compareTo(d) > 0) {
            d = m.lateReply().get().upTo();
        }
        if (m.commentReplyWindow() != null && m.commentReplyWindow().compareTo(d) > 0) {
            d = m.commentReplyWindow();
        }
        return d;
    }
}
