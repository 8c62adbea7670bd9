package org.socialcarebridge.moderation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.channel.NetworkUnavailableException;
import org.socialcarebridge.channel.PostRejectedException;
import org.socialcarebridge.conversation.LedgerEntry;
import org.socialcarebridge.conversation.LedgerStore;
import org.socialcarebridge.host.DeskActivity;
import org.socialcarebridge.host.FieldChange;
import org.socialcarebridge.host.TicketField;
import org.socialcarebridge.host.Tickets;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.host.TransactionFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agents moderate from the help desk: they set the ticket's {@code Social Moderation} to "Hide comments"
 * and the plugin hides every public comment the customers wrote on this ticket on the brand's page
 * (Facebook hides it from everyone but its author and their friends), or "Show comments" to show them
 * again. The plugin comments what it did (or why it could not) and clears the field, so each request is
 * acted on once. A network that cannot be reached now is asked again at the next look; one that has no
 * such moderation says so in the comment.
 */
public final class CommentModeration {
    private static final Logger LOG = LoggerFactory.getLogger(CommentModeration.class);
    static final String CURSOR = "rt:moderation";
    public static final String HIDE = "hide comments";
    public static final String SHOW = "show comments";

    private final TransactionFeed<FieldChange> requests;
    private final Tickets tickets;
    private final LedgerStore ledger;
    private final Map<Network, NetworkClient> networks;

    /** @param networks the running channels' clients, a live view */
    public CommentModeration(Database db, Tickets tickets, DeskActivity activity, Map<Network, NetworkClient> networks,
                             Clock clock) {
        this.requests = new TransactionFeed<>(db, CURSOR, activity::latestTransactionId,
                (after, limit) -> activity.fieldChangesAfter(after, Set.of(TicketField.MODERATION), limit),
                FieldChange::transactionId, clock);
        this.tickets = tickets;
        this.ledger = new LedgerStore(db);
        this.networks = networks;
    }

    /** Acts on the requests made since the last look; answers how many comments it hid or showed. */
    public int readFromDesk() {
        int[] changed = {0};
        requests.read(request -> {
            int n = act(request);
            changed[0] += n;
            return n > 0;
        });
        return changed[0];
    }

    private int act(FieldChange request) {
        String value = request.value() == null ? "" : request.value().strip().toLowerCase(Locale.ROOT);
        if (!value.equals(HIDE) && !value.equals(SHOW)) {
            return 0; // cleared (by the plugin after acting, or by hand)
        }
        boolean hide = value.equals(HIDE);
        List<String> done = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (LedgerEntry comment : ledger.publicMessagesOn(request.ticketId())) {
            NetworkClient network = networks.get(comment.network());
            if (network == null) {
                refused.add(comment.messageId() + " (the " + comment.network().displayName() + " channel is not running)");
                continue;
            }
            try {
                network.hide(comment.messageId(), hide);
                done.add(comment.messageId());
            } catch (NetworkUnavailableException e) { // a rate limit too
                // The field stays set and the cursor does not pass it: the next look asks again.
                LOG.warn("Could not {} comment {} of ticket {} yet: {}", hide ? "hide" : "show", comment.messageId(),
                        request.ticketId(), e.getMessage());
                throw e;
            } catch (PostRejectedException e) {
                refused.add(comment.messageId() + " (" + e.getMessage() + ")");
            }
        }
        StringBuilder note = new StringBuilder("Social Care Bridge: ").append(request.by()).append(" asked to ")
                .append(hide ? "hide" : "show").append(" the customers' public comments of this ticket. ");
        if (done.isEmpty() && refused.isEmpty()) {
            note.append("The ticket holds no public comment; nothing changed.");
        }
        if (!done.isEmpty()) {
            note.append(hide ? "Hidden" : "Shown again").append(" on the network: ").append(String.join(", ", done))
                    .append(hide ? " (its author and their friends still see them)." : ".");
        }
        if (!refused.isEmpty()) {
            note.append(done.isEmpty() ? "" : " ").append("Not changed: ").append(String.join("; ", refused)).append('.');
        }
        tickets.setTicketField(request.ticketId(), TicketField.MODERATION, null);
        tickets.comment(request.ticketId(), note.toString());
        LOG.info("{} {} comments of ticket {} for {} ({} refused)", hide ? "Hid" : "Showed", done.size(), request.ticketId(),
                request.by(), refused.size());
        return done.size() + refused.size();
    }
}
