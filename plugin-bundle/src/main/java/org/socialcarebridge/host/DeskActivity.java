package org.socialcarebridge.host;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What people did on the help desk, read as a feed of its transactions: agents' replies, field and
 * status changes, and what overtook a reply. Readers keep their place with a {@link TransactionFeed}.
 * One role of the {@link HostGateway}.
 */
public interface DeskActivity {
    /** The agent reply recorded in this transaction, or empty when it is not an agent's reply on a social ticket. */
    Optional<AgentReply> agentReply(long transactionId);

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

    /**
     * Changes people (not the plugin) made to social tickets' status after the given transaction, oldest
     * first: an agent resolving a ticket starts its follow-ups.
     */
    List<StatusChange> statusChangesAfter(long transactionId, int limit);
}
