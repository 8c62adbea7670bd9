package org.socialcarebridge.triage.sentiment;

/**
 * One piece of a message as sentiment reads it.
 *
 * @param text    a word in lower case, an emoji (without variation selectors or skin tones), an
 *                emoticon such as {@code ":("}, or one punctuation character
 * @param shouted the word was written in capitals ("NEVER"), which reads as emphasis
 */
public record Token(Kind kind, String text, boolean shouted) {

    public enum Kind {
        /** Letters and digits, apostrophes kept inside ("don't"); hashtag words are words too. */
        WORD,
        /** An emoji, an emoticon, or the sarcasm mark "/s". */
        EMOTE,
        /** Punctuation that ends a clause or adds emphasis: . , ; : ! ? */
        MARK,
        /** An @mention: names an account, says nothing about feelings. */
        MENTION,
        /** A web address. */
        URL
    }

    public boolean is(Kind k) {
        return kind == k;
    }
}
