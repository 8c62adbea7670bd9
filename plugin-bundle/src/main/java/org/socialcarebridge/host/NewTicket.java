package org.socialcarebridge.host;

import java.util.Map;

/**
 * What the host needs to open a ticket for a new conversation.
 *
 * @param customFields ticket fields by name (e.g. "Social Handle")
 * @param messageFields fields of the first message's transaction by name (e.g. "Social Post ID")
 * @param refersTo the customer's earlier ticket this one continues, or null
 * @param routing queue, owner group, priority and due date from triage
 */
public record NewTicket(String subject, HostCustomer requestor, String content,
                        Map<String, String> customFields, Map<String, String> messageFields, Long refersTo,
                        TicketRouting routing) {
    public NewTicket {
        routing = routing == null ? TicketRouting.DEFAULT : routing;
    }
}
