package org.socialcarebridge.channel;

/**
 * How a network counts a post's length against its limit.
 *
 * @param counting              how plain text counts
 * @param linkLength            what every link counts, however long it is written (networks shorten them)
 * @param remoteMentionsAsLocal whether {@code @user@domain} counts as {@code @user} (Mastodon's rule)
 */
public record LengthRule(Counting counting, int linkLength, boolean remoteMentionsAsLocal) {

    public enum Counting {
        /**
         * twitter-text v3's weights: Latin and common punctuation count 1, everything else (CJK,
         * emoji) 2.
         */
        WEIGHTED,
        /** Every Unicode code point counts 1. */
        CODE_POINTS
    }

    public LengthRule {
        if (counting == null || linkLength < 1) {
            throw new IllegalArgumentException("A length rule needs a counting and a link length of at least 1; got "
                    + counting + " and " + linkLength);
        }
    }
}
