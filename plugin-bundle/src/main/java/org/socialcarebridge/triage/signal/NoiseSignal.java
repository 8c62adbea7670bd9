package org.socialcarebridge.triage.signal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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
 * digits but followers. Some cues are what customers quote or do too, so they count only when the
 * message does not speak as a customer ("I", "my", "me", "thanks"): a single marketing cue ("promo
 * code", "20% off", five hashtags; two always count), a prize to claim ("your app says 'claim your
 * prize' but I…"), "18+". "follow back" is a giveaway unless it asks, or is about a direct message (on X one
 * can only DM those who follow).
 */
public final class NoiseSignal {
    private static final int QUOTE_LIMIT = 60;

    // what the text says, looked up in one pass: the index into the first[] and count[] arrays
    private static final int SPAM = 0;
    private static final int CRYPTO = 1;
    private static final int PITCH = 2;
    private static final int EARN_HOW = 3;
    private static final int GIVEAWAY = 4;
    private static final int TO_WIN = 5;
    private static final int MARKETING = 6;
    private static final int PRIZE = 7;
    private static final int FOLLOW_BACK = 8;
    private static final int DIRECT_MESSAGE = 9;
    private static final int CUSTOMER_VOICE = 10;
    private static final Phrases CUES = Phrases.exact()
            .add(SPAM, "investment opportunity", "investment plan", "invest with", "trading signals",
                    "double your money", "double your bitcoin", "passive income", "guaranteed returns",
                    "guaranteed profit",
                    "porn", "nudes", "onlyfans", "camgirl", "camgirls", "hookups", "nsfw", "hot singles", "sexy girls",
                    "adult content", "adult dating",
                    "dm me for promo", "dm for promo", "dm me for promotion", "dm for promotion", "dm me for collab",
                    "dm for collab", "dm me for shoutout", "dm for shoutout", "dm for paid promo",
                    "message me for promo", "inbox me for promo",
                    "check my profile", "check out my profile", "check my bio", "check out my bio",
                    "visit my profile", "check my page", "check out my page", "check my channel",
                    "check out my channel")
            .add(PRIZE, "claim your prize", "claim your reward", "claim your gift", "claim ur prize",
                    "claim your free", "claim your bonus", "you have won", "you've won", "you have been selected",
                    "you've been selected", "verify your account now", "congratulations you won")
            // a coin alone is a customer paying with it; with a pitch it is spam
            .add(CRYPTO, "crypto", "cryptocurrency", "bitcoin", "btc", "forex", "usdt", "ethereum", "eth", "nft",
                    "nfts", "binance", "altcoin", "altcoins")
            .add(PITCH, "profit", "profits", "guaranteed", "roi", "passive", "returns", "100x", "1000x", "moon")
            // "earn $500" is spam only together with where or how often the money comes
            .add(EARN_HOW, "from home", "per day", "a day", "per week", "a week", "daily", "weekly", "per hour",
                    "an hour", "online", "easy")
            .add(GIVEAWAY, "f4f", "follow4follow", "followforfollow", "follow for follow", "followback",
                    "l4l", "like4like")
            .add(FOLLOW_BACK, "follow back")
            .add(DIRECT_MESSAGE, "dm", "dms", "pm", "message", "inbox")
            .add(TO_WIN, "to win")
            .add(MARKETING, "use code", "use my code", "use our code", "promo code", "coupon code", "discount code",
                    "limited time", "shop now", "buy now", "order now", "link in bio", "link in my bio",
                    "link in our bio", "while stocks last")
            .add(CUSTOMER_VOICE, "i", "i'm", "i'd", "i've", "i'll", "im", "my", "me", "mine", "thanks",
                    "thank you", "thx");
    private static final Pattern EARN = Pattern.compile("\\b(?:earn|earning|make|making)\\s{1,3}(?:up to\\s{1,3})?\\$\\s?\\d");

    private static final Set<String> SHORTENERS = Set.of("bit.ly", "tinyurl.com", "goo.gl", "ow.ly", "is.gd",
            "buff.ly", "cutt.ly", "rb.gy", "shorturl.at", "tiny.cc", "t.ly", "rebrand.ly", "bl.ink",
            "shorte.st", "adf.ly", "tr.im", "v.gd");

    private static final Set<String> GIVEAWAY_TAGS = Set.of("giveaway", "contest", "sweepstakes", "sweepstake",
            "competition", "freebie", "followback", "f4f", "follow4follow", "l4l", "like4like");
    private static final Set<String> GIVEAWAY_ACTIONS = Set.of("follow", "rt", "retweet", "repost", "share");
    private static final int GIVEAWAY_SPAN = 10;

    private static final Pattern PERCENT_OFF = Pattern.compile("\\d{1,3}\\s?%\\s?off\\b");
    private static final int MANY_HASHTAGS = 5;

    private static final Pattern ROBOT_HANDLE = Pattern.compile("[A-Za-z_]{1,30}[0-9]{6,}");
    private static final int REPEATS = 5;

    /** Reasons the message is noise; empty when it is not. */
    public List<String> read(TriageInput in) {
        String text = in.text();
        Words words = Words.of(text);
        Phrases.Match[] first = new Phrases.Match[CUSTOMER_VOICE + 1];
        int[] count = new int[CUSTOMER_VOICE + 1];
        CUES.scan(CUES.in(words), first, count);
        List<String> reasons = new ArrayList<>(1);
        add(reasons, "spam", spam(text, words, first, count));
        add(reasons, "link-farm", linkFarm(words));
        add(reasons, "giveaway", giveaway(words, first, count));
        add(reasons, "marketing", marketing(text, words, first, count));
        add(reasons, "retweet", retweet(text));
        add(reasons, "bot-like", botLike(in, words));
        return List.copyOf(reasons);
    }

    private static void add(List<String> reasons, String kind, String seen) {
        if (seen != null) {
            reasons.add(kind + ": " + seen);
        }
    }

    private static String spam(String text, Words words, Phrases.Match[] first, int[] count) {
        List<String> terms = words.terms();
        if (first[SPAM] != null) {
            return quote(terms, first[SPAM]);
        }
        if (first[PRIZE] != null && count[CUSTOMER_VOICE] == 0) {
            return quote(terms, first[PRIZE]);
        }
        if (first[CRYPTO] != null && first[PITCH] != null) {
            return quote(terms, first[CRYPTO]) + " with " + quote(terms, first[PITCH]);
        }
        if (count[EARN_HOW] > 0 && text.indexOf('$') >= 0) {
            Matcher earn = EARN.matcher(lower(text));
            if (earn.find()) {
                return quote(text.substring(earn.start(), lineEnd(text, earn.end())));
            }
        }
        if (count[CUSTOMER_VOICE] == 0 && text.contains("18+")) {
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
        if (shortened >= 2) {
            return shortened + " shortened links, " + quote(links.get(0));
        }
        return links.size() == 2 && links.get(0).equals(links.get(1)) ? "the same link twice, " + quote(links.get(0))
                : null;
    }

    private static String giveaway(Words words, Phrases.Match[] first, int[] count) {
        for (String tag : words.hashtags()) {
            if (GIVEAWAY_TAGS.contains(tag)) {
                return quote("#" + tag);
            }
        }
        List<String> terms = words.terms();
        if (first[GIVEAWAY] != null) {
            return quote(terms, first[GIVEAWAY]);
        }
        if (first[FOLLOW_BACK] != null && count[DIRECT_MESSAGE] == 0 && !words.asks()) {
            return quote(terms, first[FOLLOW_BACK]);
        }
        if (count[TO_WIN] == 0) {
            return null;
        }
        // "follow & RT to win": an action shortly before "to win"
        int action = -1;
        for (int i = 0; i + 1 < terms.size(); i++) {
            String t = terms.get(i);
            if (GIVEAWAY_ACTIONS.contains(t)) {
                action = i;
            } else if (t.equals("to") && terms.get(i + 1).equals("win") && action >= 0
                    && i - action <= GIVEAWAY_SPAN) {
                int from = action;
                for (int k = action - 1; k >= 0 && i - k <= GIVEAWAY_SPAN; k--) {
                    if (GIVEAWAY_ACTIONS.contains(terms.get(k))) {
                        from = k;
                    }
                }
                return quote(terms, from, i + 2);
            }
        }
        return null;
    }

    private static String marketing(String text, Words words, Phrases.Match[] first, int[] count) {
        int cues = count[MARKETING];
        String seen = cues == 0 ? null : quote(words.terms(), first[MARKETING]);
        int hashtags = words.hashtags().size();
        if (hashtags >= MANY_HASHTAGS) {
            cues++;
            seen = hashtags + " hashtags, " + quote("#" + String.join(" #", words.hashtags()));
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
        return cues >= 2 || cues == 1 && count[CUSTOMER_VOICE] == 0 ? seen : null;
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
        String top = majority(words.terms());
        if (top != null) {
            return quote(top) + " repeated " + Collections.frequency(words.terms(), top) + " times";
        }
        return null;
    }

    /**
     * The word making up at least 3/5 of a message of 5 words or more, or null: most of the message,
     * not just a word a long rant uses often. Boyer-Moore's vote, then a count; no map.
     */
    private static String majority(List<String> terms) {
        if (terms.size() < REPEATS) {
            return null;
        }
        String candidate = null;
        int votes = 0;
        for (String t : terms) {
            if (votes == 0) {
                candidate = t;
                votes = 1;
            } else {
                votes += t.equals(candidate) ? 1 : -1;
            }
        }
        int n = Collections.frequency(terms, candidate);
        return n >= REPEATS && n * 5 >= terms.size() * 3 ? candidate : null;
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

    private static String quote(List<String> terms, Phrases.Match m) {
        return quote(terms, m.start(), m.end());
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
            if (Character.getType(c) == Character.FORMAT) {
                continue; // bidi overrides and the like would garble the reason where it is shown
            }
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
