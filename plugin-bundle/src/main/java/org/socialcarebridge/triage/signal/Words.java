package org.socialcarebridge.triage.signal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A message cut into what the signals look at, in one pass over the text: lower-case words, hashtags,
 * links, mentions and whether it asks something. Cuts at whitespace first, so every step is linear in
 * the text's length whatever it holds.
 *
 * <p>Mentions, links and HTML entities are set aside, not read as words. "isn't", "dont" become two
 * words ("is", "not"; "do", "not") so that a phrase like "not working" also finds "isn't working".
 *
 * <p>Each thread keeps the last text it cut: the signals are asked one after another about the same
 * message, and cutting it once instead of four times is most of their cost.
 */
final class Words {
    private static final ThreadLocal<Words> LAST = new ThreadLocal<>();

    private static final Map<String, String[]> BARE_CONTRACTIONS = Map.ofEntries(
            Map.entry("dont", new String[] {"do", "not"}),
            Map.entry("doesnt", new String[] {"does", "not"}),
            Map.entry("didnt", new String[] {"did", "not"}),
            Map.entry("isnt", new String[] {"is", "not"}),
            Map.entry("arent", new String[] {"are", "not"}),
            Map.entry("wasnt", new String[] {"was", "not"}),
            Map.entry("werent", new String[] {"were", "not"}),
            Map.entry("hasnt", new String[] {"has", "not"}),
            Map.entry("havent", new String[] {"have", "not"}),
            Map.entry("cant", new String[] {"can", "not"}),
            Map.entry("wont", new String[] {"will", "not"}),
            Map.entry("can't", new String[] {"can", "not"}),
            Map.entry("won't", new String[] {"will", "not"}));

    private final String text;
    private final List<String> words = new ArrayList<>();
    private final List<String> terms = new ArrayList<>();
    private final List<String> hashtags = new ArrayList<>();
    private final List<String> links = new ArrayList<>();
    private boolean question;
    private int sameCodePoint = -1;
    private int sameCount;
    private List<String> lemmas;

    private Words(String text) {
        this.text = text;
    }

    static Words of(String text) {
        String t = text == null ? "" : text;
        Words last = LAST.get();
        // the same String object, not just equal text: cheap to check, and all a caller passing one
        // message's text to every signal needs
        if (last != null && last.text == t) {
            return last;
        }
        Words w = new Words(t);
        w.scan(t);
        LAST.set(w);
        return w;
    }

    /** Cut without touching the thread's last text: for list entries and phrases, not messages. */
    static Words uncached(String text) {
        Words w = new Words(text);
        w.scan(text);
        return w;
    }

    /** {@link #terms()} through {@link Lemma}, made once per text. */
    List<String> lemmas() {
        if (lemmas == null) {
            List<String> out = new ArrayList<>(terms.size());
            for (String t : terms) {
                out.add(Lemma.of(t));
            }
            lemmas = Collections.unmodifiableList(out);
        }
        return lemmas;
    }

    /** Plain words, lower case, in text order (no mentions, links or hashtags). */
    List<String> words() {
        return Collections.unmodifiableList(words);
    }

    /** Plain words and hashtag words together, in text order: what phrases are looked up in. */
    List<String> terms() {
        return Collections.unmodifiableList(terms);
    }

    /** Hashtags, lower case, without '#'. */
    List<String> hashtags() {
        return Collections.unmodifiableList(hashtags);
    }

    /** Links as written. */
    List<String> links() {
        return Collections.unmodifiableList(links);
    }

    /** A question mark outside links. */
    boolean asks() {
        return question;
    }

    /**
     * How many times one letter or digit is repeated when it is all the message holds besides mentions
     * and links ("aaaaaaa"), else 0.
     */
    int repeatedCharacter() {
        return sameCodePoint >= 0 && Character.isLetterOrDigit(sameCodePoint) ? sameCount : 0;
    }

    private void scan(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                chunk(text, start, i);
            }
        }
    }

    private void chunk(String text, int start, int end) {
        int p = start;
        while (p < end && isOpening(text.charAt(p))) {
            p++;
        }
        if (isLink(text, p, end)) {
            links.add(text.substring(p, end));
            return;
        }
        int i = start;
        while (i < end) {
            int cp = text.codePointAt(i);
            if (cp == '@' && i + 1 < end && isWordStart(text.codePointAt(i + 1))) {
                i = skipMention(text, i + 1, end);
            } else if (cp == '#' && i + 1 < end && isWordStart(text.codePointAt(i + 1))) {
                int e = wordEnd(text, i + 1, end);
                String tag = lower(text, i + 1, e);
                hashtags.add(tag);
                terms.add(tag);
                i = e;
            } else if (cp == '&' && entityEnd(text, i, end) > 0) {
                i = entityEnd(text, i, end);
            } else if (isWordStart(cp)) {
                int e = wordEnd(text, i, end);
                word(lower(text, i, e));
                countSame(text, i, e);
                i = e;
            } else {
                if (cp == '?' || cp == '\uFF1F') {
                    question = true;
                }
                countSame(cp);
                i += Character.charCount(cp);
            }
        }
    }

    private void word(String w) {
        String[] split = BARE_CONTRACTIONS.get(w);
        if (split == null && w.length() > 3 && w.endsWith("n't")) {
            split = new String[] {w.substring(0, w.length() - 3), "not"};
        }
        if (split == null) {
            words.add(w);
            terms.add(w);
        } else {
            for (String s : split) {
                words.add(s);
                terms.add(s);
            }
        }
    }

    private void countSame(String text, int start, int end) {
        for (int i = start; i < end; ) {
            int cp = text.codePointAt(i);
            countSame(cp);
            i += Character.charCount(cp);
        }
    }

    private void countSame(int cp) {
        if (sameCount == 0) {
            sameCodePoint = cp;
        } else if (cp != sameCodePoint) {
            sameCodePoint = -1;
        }
        sameCount++;
    }

    /** http(s)://…, www.…, or a bare host with a path such as bit.ly/x. */
    private static boolean isLink(String text, int p, int end) {
        if (text.regionMatches(true, p, "http://", 0, 7) || text.regionMatches(true, p, "https://", 0, 8)
                || text.regionMatches(true, p, "www.", 0, 4)) {
            return true;
        }
        int dot = -1;
        for (int i = p; i < end; i++) {
            char c = text.charAt(i);
            if (c == '.' && i > p && dot < 0) {
                dot = i;
            } else if (c == '/') {
                return dot > 0 && i > dot + 1 && isAsciiAlnum(text.charAt(dot + 1));
            } else if (!(isAsciiAlnum(c) || c == '-' || c == '.')) {
                return false;
            }
        }
        return false;
    }

    private static int skipMention(String text, int i, int end) {
        while (i < end) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '@' || c == '-')) {
                break;
            }
            i++;
        }
        return i;
    }

    /** The end of an HTML entity such as {@code &amp;} or {@code &#39;} starting at i, or -1. */
    private static int entityEnd(String text, int i, int end) {
        int limit = Math.min(end, i + 10);
        for (int j = i + 1; j < limit; j++) {
            char c = text.charAt(j);
            if (c == ';') {
                return j > i + 1 ? j + 1 : -1;
            }
            if (!(isAsciiAlnum(c) || c == '#')) {
                return -1;
            }
        }
        return -1;
    }

    private static int wordEnd(String text, int i, int end) {
        while (i < end) {
            int cp = text.codePointAt(i);
            if (isWordPart(cp)) {
                i += Character.charCount(cp);
            } else if ((cp == '\'' || cp == '\u2019') && i + 1 < end && Character.isLetter(text.charAt(i + 1))) {
                i++;
            } else if (Character.getType(cp) == Character.FORMAT && i + 1 < end && isWordPart(text.codePointAt(i + 1))) {
                i++; // a zero-width space or joiner inside a word ("cl\u200Baim") does not cut it
            } else {
                break;
            }
        }
        return i;
    }

    private static String lower(String text, int start, int end) {
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= 0x80) {
                break;
            }
            i++;
        }
        if (i == end) {
            return text.substring(start, end);
        }
        StringBuilder b = new StringBuilder(end - start).append(text, start, i);
        while (i < end) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) != Character.FORMAT) {
                b.appendCodePoint(cp == '\u2019' ? '\'' : Character.toLowerCase(cp));
            }
        }
        return b.toString();
    }

    private static boolean isWordStart(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        }
        return Character.isLetterOrDigit(cp);
    }

    /** Letters, digits and the combining marks some scripts write vowels with (Devanagari, Thai). */
    private static boolean isWordPart(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        }
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isOpening(char c) {
        return c == '(' || c == '[' || c == '<' || c == '"' || c == '\'';
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isSpace(char c) {
        if (c > ' ' && c < 0x80) {
            return false;
        }
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00A0' || c == '\u3000'
                || Character.isWhitespace(c);
    }
}
