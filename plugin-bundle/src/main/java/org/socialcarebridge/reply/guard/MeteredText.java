package org.socialcarebridge.reply.guard;

/**
 * A text that may be read only so many times. Java's regex engine reads its input through
 * {@link CharSequence#charAt}, so counting those reads bounds the work of a pattern that backtracks
 * badly, which a timeout cannot do (the matcher cannot be interrupted).
 */
final class MeteredText implements CharSequence {
    /** The budget is spent; the matcher unwinds with it. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("the regular expression read the text more often than allowed", null, false, false);
        }
    }

    private final String text;
    private long readsLeft;

    MeteredText(String text, long reads) {
        this.text = text;
        this.readsLeft = reads;
    }

    @Override
    public char charAt(int index) {
        if (--readsLeft < 0) {
            throw new Exhausted();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
