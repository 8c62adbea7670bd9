package org.socialcarebridge.metrics;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.triage.Sentiment;
import org.socialcarebridge.triage.Tier;

/**
 * What the plugin's own records say about one ticket: everything its metrics are computed from, so the
 * ticket's fields and the supervisor report read the same facts.
 *
 * @param network    where the message that opened the ticket was written
 * @param category   that message's Social Category as triage decided it, or null
 * @param tier       its Social Priority, or null in rows older than triage
 * @param due        when its first response was due (triage's SLA due time), or null
 * @param openedAt   when it was filed, which is when the help desk ticket was created
 * @param messages   the customer's messages on the ticket, the earliest written first
 * @param replies    when each agent reply first reached the customer, earliest first
 * @param resolvedAt when the ticket was resolved, if its latest resolution still stands (not reopened); else null
 * @param resolvedBy who resolved it then, or null
 * @param csat       the score of the latest answered survey with a score, or null
 * @param csatAgent  the agent that survey credits (who resolved the ticket it followed), or null
 */
public record TicketActivity(long ticketId, Network network, String category, Tier tier, Instant due, Instant openedAt,
                             List<CustomerMessage> messages, List<Instant> replies, Instant resolvedAt, String resolvedBy,
                             Integer csat, String csatAgent) {
    public TicketActivity {
        messages = messages.stream().sorted(CustomerMessage.ORDER).toList();
        replies = replies.stream().sorted().toList();
    }

    /**
     * One customer message.
     *
     * @param writtenAt when the customer wrote it by the network's clock, never later than when the plugin
     *                  received it (a network clock running fast must not shorten response times)
     * @param sentiment how it read to triage, or null when triage kept no record of it
     */
    public record CustomerMessage(String key, Instant writtenAt, Sentiment sentiment) {
        static final Comparator<CustomerMessage> ORDER = Comparator.comparing(CustomerMessage::writtenAt)
                .thenComparing(CustomerMessage::key);
    }

    /** When the customer first wrote on this ticket: where response and resolution times start. Null without messages. */
    public Instant firstMessageAt() {
        return messages.isEmpty() ? null : messages.get(0).writtenAt();
    }

    /** When the first agent reply reached the customer, or null before one has. */
    public Instant firstReplyAt() {
        return replies.isEmpty() ? null : replies.get(0);
    }
}
