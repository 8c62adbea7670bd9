package org.socialcarebridge.reply.guard;

/**
 * Writes every decimal digit of the Basic Multilingual Plane as its ASCII digit, one character for
 * one, so findings keep the positions of the original text. Full-width {@code ４２４２}, Arabic-Indic
 * or Devanagari digits are digits to a reader, so a card number in them is still a card number; Java's
 * {@code \d} would not see them. Digits outside the BMP (mathematical bold and the like) are two
 * characters each and are left alone.
 */
final class AsciiDigits {
    private AsciiDigits() {
    }

    static String fold(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 127 && Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = (char) ('0' + Character.digit(c, 10));
            }
        }
        return chars == null ? text : new String(chars);
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
