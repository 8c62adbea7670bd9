package org.socialcarebridge.host;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.socialcarebridge.conversation.SocialIdentity;

/**
 * The port to the help desk the plugin lives in. The first adapter speaks RT's REST2; other help
 * desks implement the same interface. Every method throws {@link HostUnavailableException} when the
 * host is down (the caller retries) and {@link HostRejectedException} when it refuses.
 */
public interface HostGateway {

    /** The host user standing for this identity, created on first contact (no invented e-mail). */
    HostCustomer customerFor(SocialIdentity identity);

    /** The existing host customer with this e-mail address, if there is one (identity linking). */
    Optional<HostCustomer> customerByEmail(String email);

    /** Whether the help desk marks this customer as one the business values most (RT: group Social VIP). */
    boolean valuedCustomer(HostCustomer customer);

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

    /** The agent reply recorded in this transaction, or empty when it is not an agent's reply on a social ticket. */
    Optional<AgentReply> agentReply(long transactionId);

    /**
     * Whether this user (the help desk's user name) is a member, directly or through nested groups, of
     * at least one of these groups, as the help desk says now. Throws when it cannot tell (a group it may
     * not read or does not have, the host down): the caller holds whatever depended on the answer.
     */
    boolean memberOfAny(String user, List<String> groups);

    /** Raises an operational alert where supervisors look (RT: a ticket in the Social Ops queue); answers its id. */
    long raiseAlert(String subject, String text);

    /** Closes an alert raised earlier, saying why. */
    void clearAlert(long alertId, String text);

    /** The newest transaction id now: where reconciliation starts on a fresh install, so old replies are not sent. */
    long latestTransactionId();

    /** Ids of reply transactions on social tickets after the given one, oldest first (reconciliation). */
    List<Long> replyTransactionsAfter(long transactionId, int limit);

    /**
     * Changes people (not the plugin) made to these ticket fields after the given transaction, oldest
     * first, with each field's value now: the desk's corrections of triage.
     */
    List<FieldChange> fieldChangesAfter(long transactionId, Set<TicketField> fields, int limit);

    /**
     * What happened on the ticket between two of its transactions that a reply written in between would
     * not have seen: the customer writing again, another agent replying. One line each, oldest first.
     */
    List<String> overtakingActivity(long ticketId, long afterTransactionId, long beforeTransactionId, String agent);

    /** A ticket field's value now, if it has one. */
    Optional<String> ticketField(long ticketId, TicketField field);

    /** Sets several ticket fields in one change, as the plugin (null or empty: cleared). */
    void setTicketFields(long ticketId, Map<TicketField, String> fields);

    /** Sets (or, with null, clears) one ticket field, as the plugin. */
    default void setTicketField(long ticketId, TicketField field, String value) {
        setTicketFields(ticketId, java.util.Collections.singletonMap(field, value));
    }

    /**
     * Changes people (not the plugin) made to social tickets' status after the given transaction, oldest
     * first: an agent resolving a ticket starts its follow-ups.
     */
    List<StatusChange> statusChangesAfter(long transactionId, int limit);

    /**
     * Opens the ticket again for a group of people (RT: status open, no owner, the group as AdminCc) with
     * a note saying why; the group's members take it from there.
     */
    void reopenFor(long ticketId, String group, String note);

    /** Writes the delivery outcome onto the reply's message (e.g. its post id, where its delivery stands). */
    void recordDelivery(long transactionId, Map<MessageField, String> transactionFields);
}
