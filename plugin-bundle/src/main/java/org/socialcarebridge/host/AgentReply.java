package org.socialcarebridge.host;

import org.socialcarebridge.channel.ReplyVisibility;

/**
 * An agent's reply on a ticket, read back from the host's transaction.
 *
 * @param visibility          the agent's explicit choice, or null to reply the way the customer last wrote
 * @param ticketNeedsApproval the ticket says its public replies need a supervisor (triage: PR or legal topics)
 * @param agentNeedsApproval  the agent is one whose public replies need a supervisor (RT: group Social Approval Needed)
 * @param agentRealName       the agent's name as the help desk knows it (for the signature), or null
 * @param seenTransactionId   the ticket's newest transaction when the agent started this reply, or null
 *                            when unknown (then no collision check is possible)
 * @param replyTo             the participant the agent picked to receive a private reply instead of the
 *                            ticket's customer (RT: transaction field Social Reply To, an @handle), or null
 * @param template            the approved template the agent picked to send instead of free text, its
 *                            placeholders filled from the text (RT: transaction field Social Template), or null
 */
public record AgentReply(long ticketId, long transactionId, String agent, String text, ReplyVisibility visibility,
                         boolean ticketNeedsApproval, boolean agentNeedsApproval, String agentRealName,
                         Long seenTransactionId, String replyTo, String template) {
    /** A reply in the agent's own words (no template). */
    public AgentReply(long ticketId, long transactionId, String agent, String text, ReplyVisibility visibility,
                      boolean ticketNeedsApproval, boolean agentNeedsApproval, String agentRealName,
                      Long seenTransactionId, String replyTo) {
        this(ticketId, transactionId, agent, text, visibility, ticketNeedsApproval, agentNeedsApproval, agentRealName,
                seenTransactionId, replyTo, null);
    }

    /** A reply to the ticket's customer. */
    public AgentReply(long ticketId, long transactionId, String agent, String text, ReplyVisibility visibility,
                      boolean ticketNeedsApproval, boolean agentNeedsApproval, String agentRealName,
                      Long seenTransactionId) {
        this(ticketId, transactionId, agent, text, visibility, ticketNeedsApproval, agentNeedsApproval, agentRealName,
                seenTransactionId, null);
    }

    /** A reply that needs no approval of its own, by an agent known by user name only. */
    public AgentReply(long ticketId, long transactionId, String agent, String text, ReplyVisibility visibility) {
        this(ticketId, transactionId, agent, text, visibility, false, false, null, null);
    }

    public AgentReply(long ticketId, long transactionId, String agent, String text, ReplyVisibility visibility,
                      boolean ticketNeedsApproval, boolean agentNeedsApproval) {
        this(ticketId, transactionId, agent, text, visibility, ticketNeedsApproval, agentNeedsApproval, null, null);
    }

    public AgentReply(long ticketId, long transactionId, String agent, String text, ReplyVisibility visibility,
                      boolean ticketNeedsApproval, boolean agentNeedsApproval, String agentRealName) {
        this(ticketId, transactionId, agent, text, visibility, ticketNeedsApproval, agentNeedsApproval, agentRealName, null);
    }
}
