package org.socialcarebridge.conversation;

import java.time.Instant;
import java.util.List;

import org.socialcarebridge.persistence.Database;

/**
 * The messages triage kept out of the help desk as noise, for a supervisor to audit, and to promote
 * the ones triage got wrong: a promoted message is filed like any other on the next pass.
 */
public final class FilteredMessages {
    private final LedgerStore store;

    public FilteredMessages(Database db) {
        this.store = new LedgerStore(db);
    }

    /** One filtered message: what it said and who wrote it, and why triage filtered it. */
    public record Filtered(String key, InboundMessage message, String reasons, Instant filteredAt) {
        /** The author as the plugin keys them, with their handle: {@code x:1002 (@maria)}. */
        public String author() {
            return message.author().key() + " (@" + message.author().handle() + ")";
        }

        public String text() {
            return message.text();
        }
    }

    /** The newest first, filtered at or after {@code since}. */
    public List<Filtered> since(Instant since, int limit) {
        return store.filteredSince(since, limit).stream().map(FilteredMessages::filtered).toList();
    }

    /** The oldest first, filtered after {@code after}: what a reader that has seen up to there has not. */
    public List<Filtered> after(Instant after, int limit) {
        return store.filteredAfter(after, limit).stream().map(FilteredMessages::filtered).toList();
    }

    private static Filtered filtered(LedgerEntry e) {
        return new Filtered(e.key(), e.message(), e.lastError(), e.filedAt());
    }

    public long count() {
        return store.count(LedgerState.FILTERED);
    }

    /** How many were filtered at or after {@code since}: the supervisors' noise count for a period. */
    public long count(Instant since) {
        return store.countFiltered(since);
    }

    /**
     * Puts a filtered message back on the way to a ticket; the intake files it on its next pass.
     * Answers the message's text. (Supervisors promote through TriageTraining, which also learns from it.)
     *
     * @throws IllegalArgumentException when no message has this key, or it was not filtered
     */
    public String promote(String key) {
        return store.change(key, e -> {
            try {
                e.promote();
            } catch (IllegalStateException notFiltered) {
                throw new IllegalArgumentException(notFiltered.getMessage());
            }
            return e.message().text();
        }, () -> new IllegalArgumentException("No message '" + key + "' in the ledger; keys look like x:1790 or"
                + " mastodon:109..., as listed by socialcare:filtered"));
    }
}
