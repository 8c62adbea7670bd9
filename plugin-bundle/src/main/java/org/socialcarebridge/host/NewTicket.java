package org.socialcarebridge.host;

import java.util.Map;

/**
 * What the host needs to open a ticket for a new conversation.
 *
 * @param customFields the ticket's fields (e.g. the customer's handle)
 * @param messageFields the first message's fields (e.g. its post id)
 * @param refersTo the customer's earlier ticket this one continues, or null
 * @param routing queue, owner group, priority and due date from triage
 */
public record NewTicket(String subject, HostCustomer requestor, String content,
                        Map<TicketField, String> customFields, Map<MessageField, String> messageFields, Long refersTo,
                        TicketRouting routing) {
    public NewTicket {
        routing = routing == null ? TicketRouting.DEFAULT : routing;
    }
}
