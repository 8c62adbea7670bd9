package org.socialcarebridge.reply;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socialcarebridge.channel.Network;

/**
 * Counts a post's length the way its network does. X weighs text like twitter-text's v3 config:
 * Latin and common punctuation count 1, everything else (CJK, emoji) 2, and every URL 23.
 * Mastodon counts code points, every URL as 23 and a remote mention {@code @user@domain} as {@code @user}.
 */
public final class PostLength {
    public static final int URL_LENGTH = 23;
    private static final Pattern URL = Pattern.compile("https?://[^\\s]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern REMOTE_MENTION = Pattern.compile("(?<![\\w@])(@\\w+)@[\\w.-]+\\w");

    private final Network network;

    private PostLength(Network network) {
        this.network = network;
    }

    public static PostLength of(Network network) {
        return new PostLength(network);
    }

    public int count(String text) {
        if (network == Network.MASTODON) {
            text = REMOTE_MENTION.matcher(text).replaceAll("$1");
        }
        Matcher m = URL.matcher(text);
        int length = 0;
        int last = 0;
        while (m.find()) {
            length += countPlain(text.substring(last, m.start())) + URL_LENGTH;
            last = m.end();
        }
        return length + countPlain(text.substring(last));
    }

    private int countPlain(String s) {
        if (network != Network.X) {
            return s.codePointCount(0, s.length());
        }
        return s.codePoints().map(PostLength::xWeight).sum();
    }

    /** twitter-text v3 ranges that weigh 1; all others weigh 2. */
    private static int xWeight(int cp) {
        boolean light = cp <= 4351
                || (cp >= 8192 && cp <= 8205)
                || (cp >= 8208 && cp <= 8223)
                || (cp >= 8242 && cp <= 8247);
        return light ? 1 : 2;
    }
}
