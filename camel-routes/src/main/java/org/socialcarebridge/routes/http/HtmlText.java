package org.socialcarebridge.routes.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain text of HTML from the outside (RT's rich-text editor, Mastodon's status content): line
 * breaks kept, tags and entities gone. The result is still untrusted text; whoever renders it escapes it.
 */
public final class HtmlText {
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});");

    private HtmlText() {
    }

    public static String of(String html) {
        String text = html.replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</p\\s*>", "\n\n")
                .replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
                .replaceAll("<[^>]+>", "");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'");
        Matcher m = NUMERIC_ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (m.find()) {
            String n = m.group(1);
            int cp = n.startsWith("x") ? Integer.parseInt(n.substring(1), 16) : Integer.parseInt(n);
            String replacement = Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : "\uFFFD";
            m.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(decoded);
        // &amp; last, so "&amp;lt;" stays the literal text "&lt;".
        return decoded.toString().replace("&amp;", "&")
                .replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
