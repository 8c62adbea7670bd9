package org.socialcarebridge.host;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.socialcarebridge.persistence.Database;

/**
 * The changes people make to some ticket fields in the help desk, read in order after a cursor kept
 * in the plugin's store: each change is handed over once, even across restarts. A fresh install
 * starts at the help desk's newest transaction, so old edits are not replayed.
 */
public final class FieldChangeFeed {
    static final int PAGE = 100;

    private final Database db;
    private final HostGateway host;
    private final String cursor;
    private final Set<String> fields;
    private final Clock clock;

    /** @param cursor the name of this feed's position in the store, e.g. {@code rt:corrections} */
    public FieldChangeFeed(Database db, HostGateway host, String cursor, Set<String> fields, Clock clock) {
        this.db = db;
        this.host = host;
        this.cursor = cursor;
        this.fields = Set.copyOf(fields);
        this.clock = clock;
    }

    /**
     * Hands every new change to {@code take}, oldest first, moving the cursor after each page; answers
     * how many {@code take} accepted (answered true for). A failure leaves the rest for the next call.
     */
    public int read(Predicate<FieldChange> take) {
        String position = db.cursor(cursor);
        if (position == null) {
            db.moveCursor(cursor, String.valueOf(host.latestTransactionId()), clock.instant());
            return 0;
        }
        long after = Long.parseLong(position);
        int taken = 0;
        List<FieldChange> changes;
        do {
            changes = host.fieldChangesAfter(after, fields, PAGE);
            for (FieldChange c : changes) {
                if (take.test(c)) {
                    taken++;
                }
                after = Math.max(after, c.transactionId());
                db.moveCursor(cursor, String.valueOf(after), clock.instant());
            }
        } while (changes.size() == PAGE);
        return taken;
    }
}
