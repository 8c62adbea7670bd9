package org.socialcarebridge.host;

import java.util.Map;
import java.util.Set;

import org.socialcarebridge.channel.ReplyVisibility;

/**
 * What the host needs to open a ticket for a new conversation.
 *
 * @param customFields the ticket's fields (e.g. the customer's handle)
 * @param messageFields the first message's fields (e.g. its post id)
 * @param refersTo the customer's earlier ticket this one continues, or null
 * @param routing queue, owner group, priority and due date from triage
 * @param replyChoices what the help desk's reply form offers on the ticket: its channel's choices; empty
 *                     when unknown (the form offers every choice)
 */
public record NewTicket(String subject, HostCustomer requestor, String content,
                        Map<TicketField, String> customFields, Map<MessageField, String> messageFields, Long refersTo,
                        TicketRouting routing, Set<ReplyVisibility> replyChoices) {
    public NewTicket {
        routing = routing == null ? TicketRouting.DEFAULT : routing;
        replyChoices = replyChoices == null ? Set.of() : Set.copyOf(replyChoices);
    }

    /** The same ticket for another reference to its requestor (the host's id, once it has given one). */
    public NewTicket forRequestor(HostCustomer customer) {
        return new NewTicket(subject, customer, content, customFields, messageFields, refersTo, routing, replyChoices);
    }
}
