package org.socialcarebridge.persistence;

/**
 * Text as a column holds it. A value longer than its column would fail the whole transaction it is
 * written in (and every retry of it), so every column that takes text of unbounded length, an error
 * message or a field from the internet, is given its value through here: cut, and visibly so.
 */
public final class ColumnText {
    /** Errors and reasons shown to people (LAST_ERROR and the like). */
    public static final int ERROR_LENGTH = 2000;
    /**
     * The most of a message's text that is stored (far above any network's limit; a hostile server may
     * send more). Beyond it the text ends with {@link #cutMarker}.
     */
    public static final int TEXT_LENGTH = 64 * 1024;

    private ColumnText() {
    }

    /**
     * The value cut to {@code length} characters, ending in "…" when cut and never in half a
     * surrogate pair (half an emoji would be invalid text for the database and the help desk).
     * Null stays null.
     */
    public static String cut(String value, int length) {
        if (value == null || value.length() <= length) {
            return value;
        }
        return head(value, length - 1) + "…";
    }

    /**
     * A long text (a customer's message, a remark quoting a field in full) as stored: whole up to
     * {@link #TEXT_LENGTH}, else its beginning and a line that says it was cut and how long it was.
     */
    public static String capped(String text) {
        if (text == null || text.length() <= TEXT_LENGTH) {
            return text;
        }
        String marker = cutMarker(text.length());
        return head(text, TEXT_LENGTH - marker.length()) + marker;
    }

    /** The line that ends a text cut by {@link #capped}. */
    public static String cutMarker(int originalLength) {
        return "\n[cut at " + TEXT_LENGTH + " characters; the original had " + originalLength + "]";
    }

    private static String head(String value, int max) {
        return value.substring(0, max > 0 && Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max);
    }
}
