package org.socialcarebridge.host;

import org.socialcarebridge.reply.ReplyVisibility;

/**
 * An agent's reply on a ticket, read back from the host's transaction.
 *
 * @param visibility the agent's explicit choice, or null to reply the way the customer last wrote
 */
public record AgentReply(long ticketId, long transactionId, String agent, String text, ReplyVisibility visibility) {
}
