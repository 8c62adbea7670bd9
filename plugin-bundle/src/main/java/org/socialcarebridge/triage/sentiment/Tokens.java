package org.socialcarebridge.triage.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a message into {@link Token}s in one left-to-right pass, without regular expressions, so a
 * 10,000-character message costs ten times a 1,000-character one. Hashtags are read as their words
 * ("#NeverAgain" gives "never", "again"); HTML entities such as {@code &amp;} are skipped.
 */
public final class Tokens {
    /** Emoticons, longest first so ":-(" is not read as ":-" and "(". */
    private static final String[] EMOTICONS = {
        ":'-(", ":'(", ":-(", ":-)", ":-/", ":-D", ":-P", ":-p", ":-|", ";-)", ":(", ":)", ":/", ":D", ":P",
        ":p", ":|", ";)", "=(", "=)", "</3", "<3", ":@", ":S", ":s", "):", "(:"
    };
    private static final Set<String> URL_STARTS = Set.of("http://", "https://", "www.");

    private Tokens() {
    }

    public static List<Token> of(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                i += width;
            } else if (c == '@' && i + 1 < n && isWordChar(text.codePointAt(i + 1))) {
                int end = wordEnd(text, i + 1);
                out.add(new Token(Token.Kind.MENTION, text.substring(i + 1, end).toLowerCase(Locale.ROOT), false));
                i = end;
            } else if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && urlAt(text, i)) {
                int end = i;
                while (end < n && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                out.add(new Token(Token.Kind.URL, "url", false));
                i = end;
            } else if (c == '#' && i + 1 < n && isWordChar(text.codePointAt(i + 1))) {
                int end = wordEnd(text, i + 1);
                hashtagWords(text.substring(i + 1, end), out);
                i = end;
            } else if (c == '&' && entityEnd(text, i) > 0) {
                i = entityEnd(text, i);
            } else if (c == '/' && i + 1 < n && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                    && (i + 2 == n || !isWordChar(text.codePointAt(i + 2)))
                    && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                out.add(new Token(Token.Kind.EMOTE, "/s", false));
                i += 2;
            } else if (emoticonAt(text, i) != null) {
                String e = emoticonAt(text, i);
                out.add(new Token(Token.Kind.EMOTE, e.replace("-", "").replace("'", ""), false));
                i += e.length();
            } else if (isWordChar(cp)) {
                int end = wordEnd(text, i);
                String raw = text.substring(i, end);
                out.add(word(raw));
                i = end;
            } else if (isEmoji(cp)) {
                out.add(new Token(Token.Kind.EMOTE, new String(Character.toChars(cp)), false));
                i += width;
            } else if (".,;:!?".indexOf(c) >= 0) {
                out.add(new Token(Token.Kind.MARK, String.valueOf(c), false));
                i++;
            } else {
                // Quotes, brackets, joiners, variation selectors, skin tones: nothing to read.
                i += width;
            }
        }
        return out;
    }

    private static Token word(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        int letters = 0;
        boolean allUpper = true;
        for (int k = 0; k < raw.length(); k++) {
            char ch = raw.charAt(k);
            if (Character.isLetter(ch)) {
                letters++;
                allUpper &= Character.isUpperCase(ch);
            }
        }
        return new Token(Token.Kind.WORD, lower, letters >= 2 && allUpper);
    }

    /** "#NeverAgain" → never, again; "#fail" → fail; "#UA123" → ua123. */
    private static void hashtagWords(String tag, List<Token> out) {
        int start = 0;
        for (int k = 1; k < tag.length(); k++) {
            char prev = tag.charAt(k - 1);
            char ch = tag.charAt(k);
            boolean boundary = Character.isLowerCase(prev) && Character.isUpperCase(ch) || prev == '_';
            if (boundary) {
                addHashtagPart(tag.substring(start, prev == '_' ? k - 1 : k), out);
                start = k;
            }
        }
        addHashtagPart(tag.substring(start), out);
    }

    private static void addHashtagPart(String part, List<Token> out) {
        if (!part.isEmpty() && !part.equals("_")) {
            Token t = word(part);
            out.add(new Token(Token.Kind.WORD, t.text(), false));
        }
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    /** Combining marks belong to the letter before (Arabic vowels, Devanagari signs), but emoji
     *  variation selectors do not. */
    private static boolean isInWordChar(int cp) {
        int type = Character.getType(cp);
        boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
        return isWordChar(cp) || cp == '_' || mark && !(cp >= 0xFE00 && cp <= 0xFE0F);
    }

    /** Letters and digits, with apostrophes that sit between letters ("don't", "it’s"). */
    private static int wordEnd(String text, int from) {
        int n = text.length();
        int i = from;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (isInWordChar(cp)) {
                i += Character.charCount(cp);
            } else if ((cp == '\'' || cp == '\u2019') && i + 1 < n && Character.isLetter(text.charAt(i + 1))
                    && i > from) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean urlAt(String text, int i) {
        for (String s : URL_STARTS) {
            if (text.regionMatches(true, i, s, 0, s.length())) {
                return true;
            }
        }
        return false;
    }

    /** The index after {@code &name;} or {@code &#123;}, or -1 when this '&' starts no entity. */
    private static int entityEnd(String text, int i) {
        int n = Math.min(text.length(), i + 10);
        for (int k = i + 1; k < n; k++) {
            char ch = text.charAt(k);
            if (ch == ';') {
                return k > i + 1 ? k + 1 : -1;
            }
            if (!Character.isLetterOrDigit(ch) && ch != '#') {
                return -1;
            }
        }
        return -1;
    }

    private static String emoticonAt(String text, int i) {
        char c = text.charAt(i);
        if (":;=<()".indexOf(c) < 0) {
            return null;
        }
        for (String e : EMOTICONS) {
            if (text.startsWith(e, i) && !(i + e.length() < text.length()
                    && Character.isLetterOrDigit(text.charAt(i + e.length())) && Character.isLetter(e.charAt(e.length() - 1)))) {
                // "(:" and "):" only when they stand apart, not in "(see: x)" or "x):".
                if ((e.equals("(:") || e.equals("):")) && !standsApart(text, i, e.length())) {
                    continue;
                }
                return e;
            }
        }
        return null;
    }

    private static boolean standsApart(String text, int i, int len) {
        boolean before = i == 0 || Character.isWhitespace(text.charAt(i - 1));
        boolean after = i + len >= text.length() || Character.isWhitespace(text.charAt(i + len));
        return before && after;
    }

    private static boolean isEmoji(int cp) {
        return (cp >= 0x1F300 && cp <= 0x1FAFF && !(cp >= 0x1F3FB && cp <= 0x1F3FF))
                || (cp >= 0x2600 && cp <= 0x27BF)
                || cp == 0x2B50 || cp == 0x2B55;
    }
}
