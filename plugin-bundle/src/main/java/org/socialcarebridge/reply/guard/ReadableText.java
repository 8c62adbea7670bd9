package org.socialcarebridge.reply.guard;

/**
 * A text as a reader sees it, which is what the detectors inspect, so that a number cannot slip
 * through by how it is encoded:
 * <ul>
 * <li>every decimal digit of the Basic Multilingual Plane is its ASCII digit: full-width {@code ４２４２},
 * Arabic-Indic or Devanagari digits are digits to a reader, while Java's {@code \d} would not see them;</li>
 * <li>full-width ASCII forms ({@code ＋}, {@code ＠}, {@code Ａ}) are their ASCII characters;</li>
 * <li>every space separator (no-break, thin, narrow…) is a space and every dash (en, em, minus…) a
 * hyphen, as copying a number from a document or a phone's contact card often leaves them;</li>
 * <li>invisible format characters (zero-width space and joiners, word joiner, soft hyphen, bidi
 * controls) are dropped, so {@code 4242&#8203;4242…} is one number.</li>
 * </ul>
 * Positions found in the readable text are mapped back to the original text. Characters outside the
 * BMP (mathematical bold digits and the like) are left alone.
 */
final class ReadableText {
    private final String text;
    /** For each character of {@code text}, its index in the original; null when they are the same. */
    private final int[] original;

    private ReadableText(String text, int[] original) {
        this.text = text;
        this.original = original;
    }

    static ReadableText of(String original) {
        StringBuilder b = null;
        int[] index = null;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c < 128) {
                if (b != null) {
                    index[b.length()] = i;
                    b.append(c);
                }
                continue;
            }
            int type = Character.getType(c);
            if (b == null) {
                b = new StringBuilder(original.length()).append(original, 0, i);
                index = new int[original.length()];
                for (int k = 0; k < i; k++) {
                    index[k] = k;
                }
            }
            if (type == Character.FORMAT) {
                continue;
            }
            index[b.length()] = i;
            if (type == Character.DECIMAL_DIGIT_NUMBER) {
                b.append((char) ('0' + Character.digit(c, 10)));
            } else if (c >= '\uFF01' && c <= '\uFF5E') {
                b.append((char) (c - 0xFEE0));
            } else if (type == Character.SPACE_SEPARATOR) {
                b.append(' ');
            } else if (type == Character.DASH_PUNCTUATION || c == '\u2212') {
                b.append('-');
            } else {
                b.append(c);
            }
        }
        return b == null ? new ReadableText(original, null) : new ReadableText(b.toString(), index);
    }

    String text() {
        return text;
    }

    /** The same finding, placed in the original text. */
    Finding inOriginal(Finding f) {
        if (original == null) {
            return f;
        }
        return new Finding(f.kind(), f.name(), f.shown(), original[f.start()], original[f.end() - 1] + 1);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static String digitsOf(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (isDigit(s.charAt(i))) {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }
}
