package org.socialcarebridge.component.feed;

import java.math.BigInteger;
import java.util.Comparator;

import org.socialcarebridge.conversation.SocialIdentity;

/**
 * One stream a channel reads (X mentions, X direct messages, Mastodon notifications), each with its
 * own persisted cursor. A feed never skips: it stores what it read through its {@link FeedReading}
 * before it moves any position, and moves a position only past what is stored, so a crash re-reads
 * and a backlog larger than one poll drains over several polls.
 */
public interface Feed {
    /** The cursor's name in the plugin's store, e.g. {@code x:mentions}. */
    String cursor();

    /** Reads what is new since the feed's positions in {@code reading}, storing before moving them. */
    void read(SocialIdentity brand, FeedReading reading);

    /**
     * X's and Mastodon's ids are 64-bit numbers in strings: numbers compare as numbers, shorter first.
     * An id that is not a number (never seen, but it comes from the internet) sorts after every number,
     * by its text, so it is neither "0" nor equal to another.
     */
    Comparator<String> ID_ORDER = (a, b) -> {
        boolean an = numeric(a);
        boolean bn = numeric(b);
        if (an && bn) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        return an != bn ? (an ? -1 : 1) : String.valueOf(a).compareTo(String.valueOf(b));
    };

    static boolean newer(String a, String b) {
        return ID_ORDER.compare(a, b) > 0;
    }

    /** A plain decimal number, the only kind of id the networks send. */
    private static boolean numeric(String id) {
        if (id == null || id.isEmpty() || id.length() > 40) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
