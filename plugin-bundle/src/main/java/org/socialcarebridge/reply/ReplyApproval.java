package org.socialcarebridge.reply;

import java.util.Optional;

import org.socialcarebridge.host.AgentReply;
import org.socialcarebridge.host.DeskTerms;
import org.socialcarebridge.host.TicketField;

/**
 * Which replies a supervisor must approve before anything of them is public: those on tickets
 * triage marked (PR or legal topics), those of agents who need approval (new hires), and a share of
 * all others for spot checks. Private replies are never held: a direct message is already out of
 * the public eye.
 */
public final class ReplyApproval {
    private final int spotCheckPercent;

    /** @param spotCheckPercent 0-100: the share of other public replies held for review */
    public ReplyApproval(int spotCheckPercent) {
        if (spotCheckPercent < 0 || spotCheckPercent > 100) {
            throw new IllegalArgumentException("The spot-check rate is a percentage from 0 to 100, not " + spotCheckPercent);
        }
        this.spotCheckPercent = spotCheckPercent;
    }

    /** Why this reply must wait for a supervisor if it posts in public, or empty; in the help desk's terms. */
    public Optional<String> holdReason(AgentReply reply, DeskTerms terms) {
        if (reply.ticketNeedsApproval()) {
            return Optional.of("triage marked this ticket as needing approval ("
                    + terms.field(TicketField.APPROVAL_REQUIRED) + ")");
        }
        if (reply.agentNeedsApproval()) {
            return Optional.of("replies of " + reply.agent() + " need approval (group " + terms.approvalGroup() + ")");
        }
        if (spotCheck(reply.transactionId())) {
            return Optional.of("picked for a spot check (" + spotCheckPercent + "% of public replies)");
        }
        return Optional.empty();
    }

    /** Decided by the transaction id, so the same reply is picked again after a restart, and spread evenly. */
    private boolean spotCheck(long transactionId) {
        long mixed = transactionId * 0x9E3779B97F4A7C15L;
        return Math.floorMod(mixed >>> 17, 100) < spotCheckPercent;
    }
}
