package org.socialcarebridge.host;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * The help desk's tickets as the plugin writes them: opening, adding customers' messages, fields,
 * notes, and the delivery outcome of replies; the notes name fields and choices in the desk's own
 * {@link DeskTerms}. One role of the {@link HostGateway}.
 */
public interface Tickets extends DeskTerms {
    /** Opens a ticket and answers its id. */
    long openTicket(NewTicket ticket);

    /** Adds a customer's message to a ticket as correspondence. */
    void addCustomerMessage(long ticketId, String content, Map<MessageField, String> messageFields);

    /** Whether the ticket is still being worked (not resolved, rejected or deleted), and since when it is not. */
    TicketState ticketState(long ticketId);

    /** Opens a resolved ticket again because the customer wrote again. */
    void reopen(long ticketId);

    /** An internal note on the ticket; never leaves the help desk. */
    void comment(long ticketId, String text);

    /*
     * The two look-ups below are used only after a crash between asking the host and recording its
     * answer, so that a retry never files the same message twice.
     */

    /** The newest ticket, in any queue, whose {@link TicketField#CONVERSATION} is this key, if the host has one. */
    Optional<Long> ticketForConversation(String conversationKey);

    /**
     * Writes the first message's fields (post id, visibility) onto a ticket found again
     * after a crash, in case the crash came between creating it and labelling its first message.
     */
    void labelFirstMessage(long ticketId, Map<MessageField, String> messageFields);

    /** Whether the ticket already holds a message with this {@link MessageField#POST_ID}. */
    boolean ticketHoldsMessage(long ticketId, String postKey);

    /** A ticket field's value now, if it has one. */
    Optional<String> ticketField(long ticketId, TicketField field);

    /** Sets several ticket fields in one change, as the plugin (null or empty: cleared). */
    void setTicketFields(long ticketId, Map<TicketField, String> fields);

    /** Sets (or, with null, clears) one ticket field, as the plugin. */
    default void setTicketField(long ticketId, TicketField field, String value) {
        setTicketFields(ticketId, Collections.singletonMap(field, value));
    }

    /**
     * Opens the ticket again for a group of people (RT: status open, no owner, the group as AdminCc) with
     * a note saying why; the group's members take it from there.
     */
    void reopenFor(long ticketId, String group, String note);

    /** Writes the delivery outcome onto the reply's message (e.g. its post id, where its delivery stands). */
    void recordDelivery(long transactionId, Map<MessageField, String> transactionFields);
}
