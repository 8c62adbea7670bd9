package org.socialcarebridge.followup;

/**
 * One thing a survey answer is made of, as {@link AnswerPieces} found it.
 *
 * @param text      a word in lower case, a number in ASCII digits ("4", "4.5"), the star or face as
 *                  written, or the punctuation character
 * @param value     a number's value in tenths (45 for "4.5", negative for "-1"); a face's score 1-5
 * @param reference a number glued to something that makes it no rating: "#12", "£5", "5%", "x5"
 * @param spaced    a dash with space on a side ("5 - great"), which ends what the number says, unlike
 *                  "2-day"
 */
record AnswerPiece(Kind kind, String text, int value, boolean reference, boolean spaced) {

    enum Kind {
        /** Digits, with at most one decimal ("4", "4.5", "4,5"). */
        NUMBER,
        /** A number that is no rating whatever follows: a time, a long decimal, "1,000", "12.03.2024". */
        OTHER_NUMBER,
        /** Letters, with apostrophes and hyphens between letters ("don't", "so-so"). */
        WORD,
        /** ★ ⭐ 🌟 */
        FILLED_STAR,
        /** ☆ */
        EMPTY_STAR,
        /** An emoji or emoticon that {@link AnswerPieces} reads as a score. */
        FACE,
        /** Any other emoji or symbol. */
        SYMBOL,
        /** . , ; : ! ? */
        MARK,
        SLASH,
        DASH
    }

    static AnswerPiece of(Kind kind, String text) {
        return new AnswerPiece(kind, text, 0, false, false);
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isWord(String w) {
        return kind == Kind.WORD && text.equals(w);
    }

    boolean isStar() {
        return kind == Kind.FILLED_STAR || kind == Kind.EMPTY_STAR;
    }
}
