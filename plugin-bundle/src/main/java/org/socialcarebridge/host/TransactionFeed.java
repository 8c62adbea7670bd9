package org.socialcarebridge.host;

import java.time.Clock;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import org.socialcarebridge.persistence.Database;

/**
 * Something the help desk records in its transactions (agents' replies, field changes), read in order
 * after a cursor kept in the plugin's store: each item is handed over once, even across restarts. A
 * fresh install starts at the help desk's newest transaction, so nothing from before is replayed.
 */
public final class TransactionFeed<T> {
    /** One page of items after a transaction id, oldest first. */
    public interface Page<T> {
        List<T> after(long transactionId, int limit);
    }

    static final int PAGE = 100;

    private final Database db;
    private final String cursor;
    private final LongSupplier newest;
    private final Page<T> page;
    private final ToLongFunction<T> transactionOf;
    private final Clock clock;

    /**
     * @param cursor        the name of this feed's position in the store, e.g. {@code rt:corrections}
     * @param newest        the help desk's newest transaction id, where a fresh install starts
     * @param transactionOf the transaction an item was read from
     */
    public TransactionFeed(Database db, String cursor, LongSupplier newest, Page<T> page, ToLongFunction<T> transactionOf,
                           Clock clock) {
        this.db = db;
        this.cursor = cursor;
        this.newest = newest;
        this.page = page;
        this.transactionOf = transactionOf;
        this.clock = clock;
    }

    /** Where the feed stands, for the health page. */
    public String position() {
        return db.cursor(cursor);
    }

    /**
     * Hands every new item to {@code take}, oldest first, moving the cursor past each; answers how many
     * {@code take} accepted (answered true for). A failure leaves the rest for the next call.
     */
    public int read(Predicate<T> take) {
        String position = db.cursor(cursor);
        if (position == null) {
            db.moveCursor(cursor, String.valueOf(newest.getAsLong()), clock.instant());
            return 0;
        }
        long after = Long.parseLong(position);
        int taken = 0;
        List<T> items;
        do {
            items = page.after(after, PAGE);
            for (T item : items) {
                if (take.test(item)) {
                    taken++;
                }
                after = Math.max(after, transactionOf.applyAsLong(item));
                db.moveCursor(cursor, String.valueOf(after), clock.instant());
            }
        } while (items.size() == PAGE);
        return taken;
    }
}
