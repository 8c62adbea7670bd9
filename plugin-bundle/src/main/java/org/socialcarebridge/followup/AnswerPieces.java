package org.socialcarebridge.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.socialcarebridge.followup.AnswerPiece.Kind;

/**
 * Cuts a survey answer into {@link AnswerPiece}s in one left-to-right pass without regular expressions,
 * so the cost is linear in the text's length. Triage's {@code Tokens} is not used here: it drops "/"
 * and cuts "4.5" in three, and both say which scale a customer's number is on.
 *
 * <p>Mentions ("@acme") and links are set aside; a hashtag's '#' is dropped, so "#great" is a word
 * but "#1" a reference. Digits of any script are read ("٤" is 4); the number's text is always ASCII.
 *
 * <p>Faces (emoji and emoticons) score as follows; any other emoji is a {@link Kind#SYMBOL} that
 * gives no score:
 * <pre>
 * 5  😍 🤩 🥰 😁 😄 😃 😀 ❤ 💯 👏 🙌 🥳 :D &lt;3
 * 4  😊 🙂 ☺ 👍 👌 :) ;)
 * 3  😐 😑 😶 🤷 :|
 * 2  🙁 ☹ 😞 😕 😟 😔 😒 🙄 😢 👎 :(
 * 1  😡 🤬 😠 😤
 * </pre>
 */
final class AnswerPieces {
    private static final Map<Integer, Integer> FACES = Map.ofEntries(
            Map.entry(0x1F60D, 5), Map.entry(0x1F929, 5), Map.entry(0x1F970, 5), Map.entry(0x1F601, 5),
            Map.entry(0x1F604, 5), Map.entry(0x1F603, 5), Map.entry(0x1F600, 5), Map.entry(0x2764, 5),
            Map.entry(0x1F4AF, 5), Map.entry(0x1F44F, 5), Map.entry(0x1F64C, 5), Map.entry(0x1F973, 5),
            Map.entry(0x1F60A, 4), Map.entry(0x1F642, 4), Map.entry(0x263A, 4), Map.entry(0x1F44D, 4),
            Map.entry(0x1F44C, 4),
            Map.entry(0x1F610, 3), Map.entry(0x1F611, 3), Map.entry(0x1F636, 3), Map.entry(0x1F937, 3),
            Map.entry(0x1F641, 2), Map.entry(0x2639, 2), Map.entry(0x1F61E, 2), Map.entry(0x1F615, 2),
            Map.entry(0x1F61F, 2), Map.entry(0x1F614, 2), Map.entry(0x1F612, 2), Map.entry(0x1F644, 2),
            Map.entry(0x1F622, 2), Map.entry(0x1F44E, 2),
            Map.entry(0x1F621, 1), Map.entry(0x1F92C, 1), Map.entry(0x1F620, 1), Map.entry(0x1F624, 1));
    private static final int[] FILLED_STARS = {0x2605, 0x2B50, 0x1F31F};
    private static final int EMPTY_STAR = 0x2606;
    /** What a digit glued on either side makes a reference, not a rating. */
    private static final String REFERENCE_MARKS = "#$£€¥%";

    private AnswerPieces() {
    }

    static List<AnswerPiece> of(String text) {
        List<AnswerPiece> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        boolean minus = false;
        while (i < n) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                i += width;
            } else if (cp == '@' && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))) {
                i = mentionEnd(text, i + 1);
            } else if (linkAt(text, i)) {
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
            } else if (Character.isDigit(cp)) {
                i = number(text, i, minus, out);
            } else if (Character.isLetter(cp)) {
                i = word(text, i, out);
            } else if (isDash(cp)) {
                if (startsNegative(text, i)) {
                    minus = true;
                    i += width;
                    continue;
                }
                boolean spaced = i == 0 || i + 1 >= n || Character.isWhitespace(text.charAt(i - 1))
                        || Character.isWhitespace(text.charAt(i + 1));
                out.add(new AnswerPiece(Kind.DASH, "-", 0, false, spaced));
                i += width;
            } else if (cp == '/') {
                out.add(AnswerPiece.of(Kind.SLASH, "/"));
                i++;
            } else if (emoticonEnd(text, i) > 0) {
                int end = emoticonEnd(text, i);
                String e = text.substring(i, end).replace("-", "");
                out.add(new AnswerPiece(Kind.FACE, e, emoticonScore(e), false, false));
                i = end;
            } else if (".,;:!?\uFF1F\uFF01".indexOf(cp) >= 0) {
                String mark = cp == '\uFF1F' ? "?" : cp == '\uFF01' ? "!" : String.valueOf((char) cp);
                out.add(AnswerPiece.of(Kind.MARK, mark));
                i++;
            } else if (isFilledStar(cp)) {
                out.add(AnswerPiece.of(Kind.FILLED_STAR, new String(Character.toChars(cp))));
                i += width;
            } else if (cp == EMPTY_STAR) {
                out.add(AnswerPiece.of(Kind.EMPTY_STAR, "☆"));
                i += width;
            } else if (FACES.containsKey(cp)) {
                out.add(new AnswerPiece(Kind.FACE, new String(Character.toChars(cp)), FACES.get(cp), false, false));
                i += width;
            } else if (isSymbol(cp)) {
                out.add(AnswerPiece.of(Kind.SYMBOL, new String(Character.toChars(cp))));
                i += width;
            } else {
                // quotes, brackets, '*', '=', variation selectors, joiners, skin tones, keycaps: nothing
                i += width;
            }
            minus = false;
        }
        return out;
    }

    /**
     * Digits, then one glued decimal ("4.5", "4,5"); a time, "1,000", "3.14" or a date is an
     * {@link Kind#OTHER_NUMBER}. Values saturate, so a thousand digits cost a thousand steps.
     */
    private static int number(String text, int start, boolean minus, List<AnswerPiece> out) {
        int n = text.length();
        boolean reference = start > 0 && isReferenceBefore(text.codePointBefore(start));
        StringBuilder shown = new StringBuilder();
        long value = 0;
        int i = start;
        while (i < n && Character.isDigit(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            value = Math.min(value * 10 + Character.digit(cp, 10), 10_000_000);
            if (shown.length() < 6) {
                shown.append((char) ('0' + Character.digit(cp, 10)));
            } else if (shown.length() == 6) {
                shown.append('…');
            }
            i += Character.charCount(cp);
        }
        int tenths = (int) (value * 10);
        if (i + 1 < n && isNumberJoint(text.charAt(i)) && Character.isDigit(text.charAt(i + 1))) {
            int j = i + 1;
            while (j < n && Character.isDigit(text.charAt(j))) {
                j++;
            }
            boolean oneDecimal = text.charAt(i) != ':' && j == i + 2;
            boolean chained = j + 1 < n && isNumberJoint(text.charAt(j)) && Character.isDigit(text.charAt(j + 1));
            if (!oneDecimal || chained) {
                out.add(AnswerPiece.of(Kind.OTHER_NUMBER, shown.toString()));
                return otherNumberEnd(text, j);
            }
            int d = Character.digit(text.charAt(i + 1), 10);
            tenths += d;
            shown.append('.').append(d);
            i = j;
        }
        if (i < n && REFERENCE_MARKS.indexOf(text.charAt(i)) >= 0) {
            reference = true;
        }
        out.add(new AnswerPiece(Kind.NUMBER, (minus ? "-" : "") + shown, minus ? -tenths : tenths, reference, false));
        return i;
    }

    private static int otherNumberEnd(String text, int i) {
        int n = text.length();
        while (i < n && (Character.isDigit(text.charAt(i)) || isNumberJoint(text.charAt(i)) && i + 1 < n
                && Character.isDigit(text.charAt(i + 1)))) {
            i++;
        }
        return i;
    }

    private static boolean isNumberJoint(char c) {
        return c == '.' || c == ',' || c == ':';
    }

    private static boolean isReferenceBefore(int cp) {
        return Character.isLetter(cp) || cp == '_' || REFERENCE_MARKS.indexOf(cp) >= 0;
    }

    /** A minus sign: a dash right before a digit, not between two numbers ("3-4"). */
    private static boolean startsNegative(String text, int i) {
        boolean digitAfter = i + 1 < text.length() && Character.isDigit(text.codePointAt(i + 1));
        boolean apartBefore = i == 0 || Character.isWhitespace(text.charAt(i - 1)) || text.charAt(i - 1) == '(';
        return digitAfter && apartBefore;
    }

    /** Letters and combining marks, with apostrophes and hyphens that sit between letters. */
    private static int word(String text, int start, List<AnswerPiece> out) {
        int n = text.length();
        int i = start;
        while (i < n) {
            int cp = text.codePointAt(i);
            int type = Character.getType(cp);
            if (Character.isLetter(cp) || type == Character.NON_SPACING_MARK && !(cp >= 0xFE00 && cp <= 0xFE0F)
                    || type == Character.COMBINING_SPACING_MARK) {
                i += Character.charCount(cp);
            } else if ((cp == '\'' || cp == '\u2019' || cp == '-') && i + 1 < n
                    && Character.isLetter(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        out.add(AnswerPiece.of(Kind.WORD, text.substring(start, i).toLowerCase(Locale.ROOT).replace('\u2019', '\'')));
        return i;
    }

    private static int mentionEnd(String text, int i) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '@' || c == '-')) {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean linkAt(String text, int i) {
        return text.regionMatches(true, i, "http://", 0, 7) || text.regionMatches(true, i, "https://", 0, 8)
                || text.regionMatches(true, i, "www.", 0, 4);
    }

    /** The end of ":)", ":-)", ";)", ":D", ":(", ":|" or "<3" at i, or -1. */
    private static int emoticonEnd(String text, int i) {
        int n = text.length();
        char c = text.charAt(i);
        if (c == '<') {
            return i + 1 < n && text.charAt(i + 1) == '3' && !(i + 2 < n && Character.isDigit(text.charAt(i + 2)))
                    ? i + 2 : -1;
        }
        if (c != ':' && c != ';') {
            return -1;
        }
        int j = i + 1;
        if (j < n && text.charAt(j) == '-') {
            j++;
        }
        if (j >= n) {
            return -1;
        }
        char mouth = text.charAt(j);
        boolean known = c == ';' ? mouth == ')' : ")(D|".indexOf(mouth) >= 0;
        // ":Dave" is no grin
        boolean glued = mouth == 'D' && j + 1 < n && Character.isLetterOrDigit(text.charAt(j + 1));
        return known && !glued ? j + 1 : -1;
    }

    private static int emoticonScore(String e) {
        return switch (e.charAt(e.length() - 1)) {
            case 'D', '3' -> 5;
            case ')' -> 4;
            case '|' -> 3;
            default -> 2;
        };
    }

    private static boolean isDash(int cp) {
        return cp == '-' || cp == '\u2013' || cp == '\u2014' || cp == '\u2212';
    }

    private static boolean isFilledStar(int cp) {
        for (int s : FILLED_STARS) {
            if (s == cp) {
                return true;
            }
        }
        return false;
    }

    /** Emoji and other pictographs; not joiners, variation selectors, skin tones or keycaps. */
    private static boolean isSymbol(int cp) {
        if (cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0x1F3FB && cp <= 0x1F3FF || cp == 0x20E3) {
            return false;
        }
        int type = Character.getType(cp);
        return cp >= 0x2190 && (type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL);
    }
}
