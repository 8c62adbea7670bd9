package org.socialcarebridge.triage.signal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socialcarebridge.triage.TriageInput;

/**
 * Tells why a message is noise rather than work for the desk: spam, a link farm, a giveaway, marketing
 * chatter, a manual retweet or an account that looks automated. Each reason starts with its kind and
 * quotes what was seen, e.g. {@code giveaway: "follow and retweet to win"}; at most one reason per
 * kind, in that order.
 *
 * <p>A real customer must get through: one link, a hashtag or two, an order number, a handle with
 * digits but followers. Marketing words ("promo code", "20% off") are what customers quote too, so a
 * single one counts only when the message does not speak as a customer ("I", "my", "me"); two always
 * count.
 */
public final class NoiseSignal {
    private static final int QUOTE_LIMIT = 60;

    private static final Set<String> CRYPTO = Set.of("crypto", "cryptocurrency", "bitcoin", "btc", "forex",
            "usdt", "ethereum", "eth", "nft", "nfts", "binance", "altcoin", "altcoins");
    private static final Set<String> PITCH = Set.of("profit", "profits", "guaranteed", "roi", "passive",
            "returns", "100x", "1000x", "moon");
    private static final Phrases SPAM = Phrases.exact(
            "investment opportunity", "investment plan", "invest with", "trading signals", "double your money",
            "double your bitcoin", "passive income", "guaranteed returns", "guaranteed profit",
            "porn", "nudes", "onlyfans", "camgirl", "camgirls", "hookups", "nsfw",
            "hot singles", "sexy girls", "adult content", "adult dating",
            "dm me for promo", "dm for promo", "dm me for promotion", "dm for promotion", "dm me for collab",
            "dm for collab", "dm me for shoutout", "dm for shoutout", "dm for paid promo",
            "message me for promo", "inbox me for promo",
            "check my profile", "check out my profile", "check my bio", "check out my bio", "visit my profile",
            "check my page", "check out my page", "check my channel", "check out my channel",
            "claim your prize", "claim your reward", "claim your gift", "claim ur prize", "claim your free",
            "claim your bonus", "you have won", "you've won", "you have been selected",
            "you've been selected", "verify your account now", "congratulations you won");
    /** "earn $500", "make $3k": only spam together with where or how often the money comes. */
    private static final Pattern EARN = Pattern.compile("\\b(?:earn|earning|make|making)\\s{1,3}(?:up to\\s{1,3})?\\$\\s?\\d");
    private static final Phrases EARN_HOW = Phrases.exact("from home", "per day", "a day", "per week", "a week",
            "daily", "weekly", "per hour", "an hour", "online", "easy");

    private static final Set<String> SHORTENERS = Set.of("bit.ly", "tinyurl.com", "goo.gl", "ow.ly", "is.gd",
            "buff.ly", "cutt.ly", "rb.gy", "shorturl.at", "tiny.cc", "t.ly", "rebrand.ly", "bl.ink",
            "shorte.st", "adf.ly", "tr.im", "v.gd");

    private static final Phrases GIVEAWAY = Phrases.exact("f4f", "follow4follow", "followforfollow",
            "follow for follow", "followback", "follow back", "l4l", "like4like");
    private static final Set<String> GIVEAWAY_TAGS = Set.of("giveaway", "contest", "sweepstakes", "sweepstake",
            "competition", "freebie", "followback", "f4f", "follow4follow", "l4l", "like4like");
    private static final Set<String> GIVEAWAY_ACTIONS = Set.of("follow", "rt", "retweet", "repost", "share");
    private static final int GIVEAWAY_SPAN = 10;

    private static final Phrases MARKETING = Phrases.exact("use code", "use my code", "use our code",
            "promo code", "coupon code", "discount code", "limited time", "shop now", "buy now", "order now",
            "link in bio", "link in my bio", "link in our bio", "while stocks last");
    private static final Pattern PERCENT_OFF = Pattern.compile("\\d{1,3}\\s?%\\s?off\\b");
    private static final Set<String> FIRST_PERSON = Set.of("i", "i'm", "i'd", "i've", "i'll", "im", "my", "me",
            "mine");
    private static final int MANY_HASHTAGS = 5;

    private static final Pattern ROBOT_HANDLE = Pattern.compile("[A-Za-z_]{1,30}[0-9]{6,}");
    private static final int REPEATS = 5;

    /** Reasons the message is noise; empty when it is not. */
    public List<String> read(TriageInput in) {
        String text = in.text();
        Words words = Words.of(text);
        List<String> reasons = new ArrayList<>(1);
        add(reasons, "spam", spam(text, words));
        add(reasons, "link-farm", linkFarm(words));
        add(reasons, "giveaway", giveaway(words));
        add(reasons, "marketing", marketing(text, words));
        add(reasons, "retweet", retweet(text));
        add(reasons, "bot-like", botLike(in, words));
        return List.copyOf(reasons);
    }

    private static void add(List<String> reasons, String kind, String seen) {
        if (seen != null) {
            reasons.add(kind + ": " + seen);
        }
    }

    private static String spam(String text, Words words) {
        List<String> terms = words.terms();
        Phrases.Match m = SPAM.first(terms);
        if (m != null) {
            return quote(terms, m.start(), m.end());
        }
        String coin = firstIn(terms, CRYPTO);
        String pitch = coin == null ? null : firstIn(terms, PITCH);
        if (pitch != null) {
            return quote(coin) + " with " + quote(pitch);
        }
        if (text.indexOf('$') >= 0 && EARN_HOW.any(terms)) {
            Matcher earn = EARN.matcher(lower(text));
            if (earn.find()) {
                return quote(text.substring(earn.start(), lineEnd(text, earn.end())));
            }
        }
        if (text.contains("18+")) {
            return quote("18+");
        }
        return null;
    }

    private static String linkFarm(Words words) {
        List<String> links = words.links();
        if (links.isEmpty()) {
            return null;
        }
        if (links.size() >= 3) {
            return links.size() + " links, " + quote(links.get(0));
        }
        if (words.words().size() <= 1) {
            return "a link and hardly any words, " + quote(links.get(0));
        }
        int shortened = 0;
        for (String link : links) {
            if (SHORTENERS.contains(host(link))) {
                shortened++;
            }
        }
        return shortened >= 2 ? shortened + " shortened links, " + quote(links.get(0)) : null;
    }

    private static String giveaway(Words words) {
        for (String tag : words.hashtags()) {
            if (GIVEAWAY_TAGS.contains(tag)) {
                return quote("#" + tag);
            }
        }
        List<String> terms = words.terms();
        Phrases.Match m = GIVEAWAY.first(terms);
        if (m != null) {
            return quote(terms, m.start(), m.end());
        }
        // "follow & RT to win": an action shortly before "to win"
        int action = -1;
        for (int i = 0; i + 1 < terms.size(); i++) {
            String t = terms.get(i);
            if (GIVEAWAY_ACTIONS.contains(t)) {
                action = i;
            } else if (t.equals("to") && terms.get(i + 1).equals("win") && action >= 0
                    && i - action <= GIVEAWAY_SPAN) {
                int first = action;
                for (int k = action - 1; k >= 0 && i - k <= GIVEAWAY_SPAN; k--) {
                    if (GIVEAWAY_ACTIONS.contains(terms.get(k))) {
                        first = k;
                    }
                }
                return quote(terms, first, i + 2);
            }
        }
        return null;
    }

    private static String marketing(String text, Words words) {
        if (words.hashtags().size() >= MANY_HASHTAGS) {
            return words.hashtags().size() + " hashtags, " + quote("#" + String.join(" #", words.hashtags()));
        }
        List<String> terms = words.terms();
        Phrases.Match m = MARKETING.first(terms);
        String seen = m == null ? null : quote(terms, m.start(), m.end());
        int cues = m == null ? 0 : 1;
        if (m != null && MARKETING.first(terms.subList(m.end(), terms.size())) != null) {
            cues++;
        }
        if (text.indexOf('%') >= 0) {
            Matcher off = PERCENT_OFF.matcher(lower(text));
            if (off.find()) {
                cues++;
                if (seen == null) {
                    seen = quote(text.substring(off.start(), off.end()));
                }
            }
        }
        if (cues >= 2 || cues == 1 && firstIn(words.words(), FIRST_PERSON) == null) {
            return seen;
        }
        return null;
    }

    private static String retweet(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (text.regionMatches(true, i, "RT @", 0, 4)) {
            int end = i + 4;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
            return quote(text.substring(i, end));
        }
        return null;
    }

    private static String botLike(TriageInput in, Words words) {
        String handle = in.handle();
        if (handle != null && in.followers() <= 0 && handle.length() <= 64 && ROBOT_HANDLE.matcher(handle).matches()) {
            return "handle " + quote(handle) + " with no followers";
        }
        int repeated = words.repeatedCharacter();
        if (repeated >= REPEATS) {
            return "one character repeated " + repeated + " times, " + quote(words.words().get(0));
        }
        List<String> terms = words.terms();
        if (terms.size() >= REPEATS) {
            Map<String, Integer> counts = new HashMap<>();
            String top = null;
            int best = 0;
            for (String t : terms) {
                int c = counts.merge(t, 1, Integer::sum);
                if (c > best) {
                    best = c;
                    top = t;
                }
            }
            // most of the message, not just a word a long rant uses often
            if (best >= REPEATS && best * 5 >= terms.size() * 3) {
                return quote(top) + " repeated " + best + " times";
            }
        }
        return null;
    }

    private static String firstIn(List<String> terms, Set<String> set) {
        for (String t : terms) {
            if (set.contains(t)) {
                return t;
            }
        }
        return null;
    }

    private static String host(String link) {
        String l = link.toLowerCase(Locale.ROOT);
        int scheme = l.indexOf("://");
        int start = scheme >= 0 ? scheme + 3 : 0;
        if (l.startsWith("www.", start)) {
            start += 4;
        }
        int end = l.indexOf('/', start);
        return l.substring(start, end < 0 ? l.length() : end);
    }

    /** Lower case char by char, so that indexes still point into the original text. */
    private static String lower(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.toLowerCase(c[i]);
        }
        return new String(c);
    }

    private static int lineEnd(String text, int from) {
        int end = from;
        while (end < text.length() && end - from < QUOTE_LIMIT && text.charAt(end) != '\n'
                && text.charAt(end) != '.' && text.charAt(end) != '!') {
            end++;
        }
        return end;
    }

    private static String quote(List<String> terms, int start, int end) {
        return quote(String.join(" ", terms.subList(start, end)));
    }

    /** The text is untrusted: short, on one line, without quotes that would break the reason. */
    private static String quote(String seen) {
        StringBuilder b = new StringBuilder(Math.min(seen.length(), QUOTE_LIMIT) + 3).append('"');
        int n = 0;
        for (int i = 0; i < seen.length() && n < QUOTE_LIMIT; i++, n++) {
            char c = seen.charAt(i);
            b.append(c == '"' ? '\'' : Character.isISOControl(c) ? ' ' : c);
        }
        if (Character.isHighSurrogate(b.charAt(b.length() - 1))) {
            b.setLength(b.length() - 1);
        }
        if (n < seen.length()) {
            b.append('…');
        }
        return b.append('"').toString();
    }
}
