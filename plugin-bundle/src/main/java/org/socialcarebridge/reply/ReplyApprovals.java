package org.socialcarebridge.reply;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;

import org.socialcarebridge.host.DeskActivity;
import org.socialcarebridge.host.FieldChange;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.host.Tickets;
import org.socialcarebridge.host.TransactionFeed;
import org.socialcarebridge.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervisors approve or reject held replies in the help desk itself: a team lead sets the ticket's
 * {@code Social Approval} to Approve (the held replies are posted, once) or Reject (none is; the
 * agent reads the lead's {@code Social Approval Note} on the ticket). Only the team leads may change
 * that field (the help desk's own rights), and the plugin clears it after acting, so each held reply
 * needs its own decision. A decision covers only the replies written before it: a reply sent after
 * the lead approved stays held for the next decision, whenever the plugin reads the approval.
 */
public final class ReplyApprovals {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyApprovals.class);
    static final String CURSOR = "rt:approvals";

    private final TransactionFeed<FieldChange> decisions;
    private final Tickets tickets;
    private final Outbox outbox;

    public ReplyApprovals(Database db, Tickets tickets, DeskActivity activity, Outbox outbox, Clock clock) {
        this.decisions = new TransactionFeed<>(db, CURSOR, activity::latestTransactionId,
                (after, limit) -> activity.fieldChangesAfter(after, Set.of(TicketField.APPROVAL), limit),
                FieldChange::transactionId, clock);
        this.tickets = tickets;
        this.outbox = outbox;
    }

    /** Acts on the decisions made since the last look; answers how many replies they released or refused. */
    public int readFromDesk() {
        int[] decided = {0};
        decisions.read(change -> {
            int n = act(change);
            decided[0] += n;
            return n > 0;
        });
        return decided[0];
    }

    private int act(FieldChange change) {
        String value = change.value() == null ? "" : change.value().strip().toLowerCase(Locale.ROOT);
        int n;
        // The field's value is read as it is now, so the decision's own transaction is the safe bound: an
        // Approve read now was set in this transaction or a later one, never an earlier one.
        if (value.equals("approve")) {
            n = outbox.approve(change.ticketId(), change.by(), change.transactionId());
        } else if (value.equals("reject")) {
            n = outbox.reject(change.ticketId(), change.by(), tickets.ticketField(change.ticketId(), TicketField.APPROVAL_NOTE).orElse(null),
                    change.transactionId());
        } else {
            return 0; // cleared (by the plugin after acting, or by hand)
        }
        LOG.info("{} {} held replies on ticket {} ({}, transaction {})", value.equals("approve") ? "Approved" : "Rejected", n,
                change.ticketId(), change.by(), change.transactionId());
        tickets.setTicketField(change.ticketId(), TicketField.APPROVAL, null);
        long later = outbox.heldForApproval(change.ticketId());
        if (n == 0 || later > 0) {
            tickets.comment(change.ticketId(), "Social Care Bridge: " + change.by() + " set the approval to " + change.value()
                    + (n == 0 ? ", but no reply written before that (transaction #" + change.transactionId()
                            + ") was waiting for approval; nothing changed." : "; " + n + " held replies written before it"
                            + " (transaction #" + change.transactionId() + ") are decided.")
                    + (later > 0 ? " " + later + " replies written after it stay held until the next decision." : ""));
        }
        return n;
    }
}
