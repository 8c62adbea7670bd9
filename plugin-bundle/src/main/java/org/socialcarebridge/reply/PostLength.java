package org.socialcarebridge.reply;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socialcarebridge.channel.LengthRule;

/**
 * Counts a post's length the way its network does, by the channel's {@link LengthRule}: X weighs text
 * like twitter-text's v3 config (Latin and common punctuation 1, everything else such as CJK and emoji
 * 2) and every URL 23; Mastodon counts code points, every URL as 23 and a remote mention
 * {@code @user@domain} as {@code @user}.
 */
public final class PostLength {
    private static final Pattern URL = Pattern.compile("https?://[^\\s]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern REMOTE_MENTION = Pattern.compile("(?<![\\w@])(@\\w+)@[\\w.-]+\\w");

    private final LengthRule rule;

    private PostLength(LengthRule rule) {
        this.rule = rule;
    }

    public static PostLength of(LengthRule rule) {
        return new PostLength(rule);
    }

    /** What every link counts on this network, however long it is written. */
    public int linkLength() {
        return rule.linkLength();
    }

    public int count(String text) {
        if (rule.remoteMentionsAsLocal()) {
            text = REMOTE_MENTION.matcher(text).replaceAll("$1");
        }
        Matcher m = URL.matcher(text);
        int length = 0;
        int last = 0;
        while (m.find()) {
            length += countPlain(text.substring(last, m.start())) + rule.linkLength();
            last = m.end();
        }
        return length + countPlain(text.substring(last));
    }

    private int countPlain(String s) {
        return switch (rule.counting()) {
            case CODE_POINTS -> s.codePointCount(0, s.length());
            case WEIGHTED -> s.codePoints().map(PostLength::weight).sum();
        };
    }

    /** twitter-text v3 ranges that weigh 1; all others weigh 2. */
    private static int weight(int cp) {
        boolean light = cp <= 4351
                || (cp >= 8192 && cp <= 8205)
                || (cp >= 8208 && cp <= 8223)
                || (cp >= 8242 && cp <= 8247);
        return light ? 1 : 2;
    }
}
