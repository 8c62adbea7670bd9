package org.socialcarebridge.routes.http;

import java.util.Locale;
import java.util.Map;

/**
 * The plain text of HTML from the outside (RT's rich-text editor, Mastodon's status content): line
 * breaks kept, tags and entities gone. The result is still untrusted text; whoever renders it escapes it.
 *
 * <p>One pass, no regular expressions: the HTML is the internet's, and a regex with a lazy or repeated
 * group over it is quadratic (thousands of unclosed {@code <script>} tags) or worse. A tag is {@code <}
 * followed by a letter, {@code /}, {@code !} or {@code ?}, up to the next {@code >}; a {@code <} that no
 * {@code >} closes is text, so nothing the customer wrote after "i <3 it" is lost. Script and style
 * content is dropped up to its end tag, or to the end when there is none, as a browser does.
 */
public final class HtmlText {
    private static final Map<String, String> NAMED = Map.of("nbsp", " ", "lt", "<", "gt", ">", "quot", "\"",
            "apos", "'", "amp", "&");

    private HtmlText() {
    }

    public static String of(String html) {
        int n = html.length();
        // past these, no tag or comment can close: every '<' there is text (keeps the pass linear)
        int lastGt = html.lastIndexOf('>');
        int lastCommentEnd = html.lastIndexOf("-->");
        StringBuilder out = new StringBuilder(Math.min(n, 1 << 16));
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<' && i < lastGt && startsMarkup(html.charAt(i + 1))) {
                if (html.startsWith("<!--", i) && i + 4 <= lastCommentEnd) {
                    i = html.indexOf("-->", i + 4) + 3;
                    continue;
                }
                int end = html.indexOf('>', i + 1);
                boolean closing = html.charAt(i + 1) == '/';
                String name = tagName(html, closing ? i + 2 : i + 1, end);
                if (name.equals("br")) {
                    out.append('\n');
                } else if (closing && name.equals("p")) {
                    out.append("\n\n");
                }
                i = end + 1;
                if (!closing && (name.equals("script") || name.equals("style"))) {
                    i = afterEndTag(html, i, name);
                }
            } else if (c == '&') {
                i = entity(html, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return tidied(out);
    }

    private static boolean startsMarkup(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!' || c == '?';
    }

    /** The tag's name in lower case: its letters and digits from {@code from}, before {@code end}. */
    private static String tagName(String html, int from, int end) {
        int to = from;
        while (to < end && to - from < 10 && Character.isLetterOrDigit(html.charAt(to))) {
            to++;
        }
        return html.substring(from, to).toLowerCase(Locale.ROOT);
    }

    /** Where the text resumes after {@code </name ...>} from {@code from}: after its '>', or the end. */
    private static int afterEndTag(String html, int from, String name) {
        int k = from;
        while ((k = html.indexOf("</", k)) >= 0) {
            if (html.regionMatches(true, k + 2, name, 0, name.length())) {
                int end = html.indexOf('>', k + 2 + name.length());
                return end < 0 ? html.length() : end + 1;
            }
            k += 2;
        }
        return html.length();
    }

    /** Decodes the entity at i into out, or the '&' alone when none is there; the index after it. */
    private static int entity(String html, int i, StringBuilder out) {
        int n = html.length();
        int semicolon = -1;
        for (int k = i + 1; k < n && k <= i + 10; k++) {
            if (html.charAt(k) == ';') {
                semicolon = k;
                break;
            }
        }
        if (semicolon > i + 1) {
            String body = html.substring(i + 1, semicolon);
            if (body.charAt(0) == '#') {
                int cp = codePoint(body);
                if (cp != -1) {
                    // NUL, surrogates and beyond Unicode are not characters: shown as such, never half a pair
                    boolean valid = cp > 0 && Character.isValidCodePoint(cp) && (cp < 0xD800 || cp > 0xDFFF);
                    out.appendCodePoint(valid ? cp : 0xFFFD);
                    return semicolon + 1;
                }
            } else if (NAMED.containsKey(body)) {
                out.append(NAMED.get(body));
                return semicolon + 1;
            }
        }
        out.append('&');
        return i + 1;
    }

    /** "#39" or "#x1F621" as a code point (at most 7 decimal or 6 hex digits), or -1. */
    private static int codePoint(String body) {
        boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
        String digits = body.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > (hex ? 6 : 7)) {
            return -1;
        }
        int cp = 0;
        for (int k = 0; k < digits.length(); k++) {
            char ch = digits.charAt(k);
            int d = ch < 128 ? Character.digit(ch, hex ? 16 : 10) : -1; // ASCII digits only, as HTML has them
            if (d < 0) {
                return -1;
            }
            cp = cp * (hex ? 16 : 10) + d;
        }
        return cp;
    }

    /** No spaces or tabs before a line break, at most one empty line in a row, stripped. */
    private static String tidied(CharSequence text) {
        StringBuilder b = new StringBuilder(text.length());
        int blanksFrom = -1;
        int newlines = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                blanksFrom = blanksFrom < 0 ? i : blanksFrom;
                continue;
            }
            if (c == '\n') {
                blanksFrom = -1;
                if (++newlines <= 2) {
                    b.append('\n');
                }
                continue;
            }
            if (blanksFrom >= 0) {
                b.append(text, blanksFrom, i);
                blanksFrom = -1;
            }
            newlines = 0;
            b.append(c);
        }
        return b.toString().strip();
    }
}
