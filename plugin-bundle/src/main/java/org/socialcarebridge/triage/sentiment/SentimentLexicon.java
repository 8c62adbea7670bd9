package org.socialcarebridge.triage.sentiment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.socialcarebridge.triage.Sentiment;

/**
 * Rules-only sentiment for customer-service messages, needing no training. Each word, phrase and
 * emoji of a hand-written lexicon carries a valence (-4..+4, in the manner of VADER); the rules below
 * adjust it, the sum is squashed to -1..+1 by {@code sum / sqrt(sum² + 15)}, and the label is
 * {@link Sentiment#NEGATIVE} at or below {@value #NEGATIVE_BELOW}, {@link Sentiment#POSITIVE} at or
 * above {@value #POSITIVE_ABOVE}, {@link Sentiment#NEUTRAL} between.
 * <ul>
 * <li>Negation: a negator ("not", "never", "don't", "isn't", "no"…) among the three words before a
 * sentiment word in the same clause flips and softens it ("not good" is negative).</li>
 * <li>Intensifiers ("very", "so", "extremely"…) and a word in capitals in a message that is not all
 * capitals strengthen the next word; each "!" (up to four) strengthens the whole message.</li>
 * <li>Contrast: before "but"/"however" counts half, after it one and a half.</li>
 * <li>Sarcasm: "thanks for nothing", "just great", "yeah right", "/s"; a praise word followed closely
 * by a complaint word ("great, another delay", "love waiting") counts as complaint; "thanks a lot"
 * after a complaint is not thanks.</li>
 * <li>Mentions and URLs are ignored; hashtag words are read ("#NeverAgain").</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class SentimentLexicon {
    /** Scores at or below this are negative. Complaints to a company rarely say so politely, so a
     *  slight lean towards negative is right for a help desk. */
    public static final double NEGATIVE_BELOW = -0.05;
    /** Scores at or above this are positive. */
    public static final double POSITIVE_ABOVE = 0.30;

    private static final String THANKS_A_LOT = "thanks a lot";
    private static final double NEGATION = -0.74;
    private static final double BOOST = 0.293;
    private static final double CAPS = 0.733;
    private static final double EXCLAMATION = 0.292;
    private static final double NORMALISER = 15;

    private static final Map<String, Double> WORDS = new HashMap<>();
    private static final Map<String, Double> PHRASES = new HashMap<>();
    private static final Map<String, Double> BOOSTERS = new HashMap<>();
    /** First words of phrases, so most words need no phrase look-up. */
    private static final Set<String> PHRASE_STARTS = new HashSet<>();
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "neither", "nor", "nobody", "nothing",
            "none", "nowhere", "cannot", "cant", "can't", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt",
            "isn't", "isnt", "aren't", "arent", "wasn't", "wasnt", "weren't", "werent", "won't", "wont",
            "wouldn't", "wouldnt", "shouldn't", "shouldnt", "couldn't", "couldnt", "haven't", "havent",
            "hasn't", "hasnt", "hadn't", "hadnt", "ain't", "aint", "without", "n't", "rarely", "hardly");
    private static final Set<String> CONTRASTS = Set.of("but", "however", "although", "though");
    /** Praise words that sarcasm wraps around a complaint. */
    private static final Set<String> SARCASM_PRONE = Set.of("great", "love", "loving", "thanks", "thank", "awesome",
            "wonderful", "fantastic", "perfect", "nice", "fun", "brilliant", "amazing", "excellent", "lovely",
            "glad", "best", "super", "enjoy");

    static {
        words(-3.0, "worst", "horrible", "terrible", "awful", "disgusting", "disgraceful", "disgrace", "pathetic",
                "furious", "outraged", "outrageous", "unacceptable", "ridiculous", "joke", "nightmare", "hate",
                "hated", "scam", "incompetent", "incompetence", "useless", "shameful", "shame", "abysmal",
                "atrocious", "appalling", "livid", "fuck", "fucking", "shit", "shitty", "crap", "crappy", "sucks",
                "suck", "sucked", "wtf", "disaster", "horrendous", "rudest", "liars", "lied", "lying", "stranded",
                "fail", "failed", "fails", "failure", "unprofessional", "inexcusable", "unbelievable", "fraud",
                "theft", "stolen", "stole", "robbed", "insulting", "insult", "hell", "damn", "screwed", "ruined");
        words(-2.0, "delayed", "delay", "delays", "cancelled", "canceled", "cancel", "cancellation", "cancelling",
                "canceling", "lost", "losing", "broken", "broke", "damaged", "rude", "bad", "poor", "poorly",
                "angry", "upset", "annoyed", "annoying", "frustrated", "frustrating", "frustration", "disappointed",
                "disappointing", "disappointment", "sad", "unhappy", "complaint", "complain", "complaining",
                "problem", "problems", "issue", "issues", "missed", "missing", "wrong", "worse", "waste", "wasted",
                "wasting", "stuck", "misconnect", "overbooked", "oversold", "denied", "refused", "refuse",
                "ignored", "ignoring", "ignore", "mess", "messed", "error", "errors", "glitch", "down", "outage",
                "crash", "crashed", "charged", "overcharged", "fee", "fees", "unhelpful", "confused", "confusing",
                "lousy", "sick", "tired", "dirty", "cold", "hungry", "sorry", "apology", "apologize", "excuse",
                "excuses", "ugh", "smh", "ouch", "failing", "stressful", "stressed", "uncomfortable", "unfair", "screaming", "seriously", "again", "lose", "never", "hung", "disconnected", "hangs",
                "fault", "trouble", "struggle", "late", "hours", "hrs", "hour", "dead", "died", "nope");
        words(-1.0, "waiting", "wait", "waited", "still", "refund", "refunds", "hold", "rebook", "rebooked",
                "rebooking", "slow", "long", "longer", "line", "lines", "queue", "why", "nobody", "no", "nothing",
                "unable", "cant", "can't", "cannot", "couldn't", "won't", "didn't", "doesn't", "none", "instead",
                "only", "supposed", "even", "anyone", "help", "lack", "less", "least", "mins", "minutes",
                "days", "tomorrow", "overnight", "someone", "apparently", "literally", "actually",
                "forever", "elsewhere", "compensation", "compensate", "voucher", "miss", "yet", "sitting",
                "stop", "told", "answer", "response", "respond", "call", "calls", "called",
                "calling", "phone", "hung", "system", "agent", "charge",
                "money", "paid", "pay", "policy", "website", "site", "online",
                "app", "booking", "reservation", "change", "changed", "leave", "left", "again",
                "another", "last", "3", "4", "5", "6", "2");
        words(1.0, "ok", "okay", "fine", "helpful", "quick", "quickly", "fast", "easy", "smooth", "safe",
                "comfortable", "kind", "friendly", "polite", "welcome", "appreciated", "please", "hope", "hopefully",
                "yay", "cool", "good", "pleasant", "happy", "glad", "nice", "enjoy", "enjoyed", "better", "fixed",
                "resolved", "solved", "sorted", "ontime", "early", "worth", "recommend", "like", "liked", "pleased",
                "free", "fair", "encouraged", "smoothest", "upgrade", "upgraded", "fun", "lol", "haha", "hahaha", "favorite", "favourite");
        words(2.0, "thanks", "thank", "thx", "thnx", "thankfully", "impress", "obsessed", "ty", "great", "love", "loved", "loving", "awesome", "excellent",
                "amazing", "fantastic", "wonderful", "perfect", "brilliant", "appreciate", "superb", "outstanding",
                "impressed", "impressive", "best", "kudos", "grateful", "gracias", "lovely", "beautiful", "stellar",
                "rock", "rocks", "hero", "heroes", "exceptional", "terrific", "delighted", "thrilled", "excited",
                "incredible", "phenomenal", "pleasure", "shoutout", "bravo", "yes", "congrats",
                "congratulations", "win", "winning", "champion", "classy");
        phrase(-3.5, "thanks for nothing", "thank you for nothing", "never again", "just great", "oh great",
                "yeah right", "yea right", "what a joke", "no thanks", "not happy", "not impressed", "never fly",
                "never flying", "on hold", "no one", "no response", "no answer", "no help", "worst customer",
                "fed up", "sick of", "tired of", "thanks a lot for nothing", "so much for", "wow just",
                "thanks again for nothing", "not cool", "not ok", "not okay", "waste of", "rip off", "ripped off",
                "screw you", "shame on", "what the hell", "you suck", "get it together", "step it up",
                "still waiting", "still no", "still on hold", "no way", "love how");
        phrase(-2.0, "hung up", "hang up", "sat on", "customer service", "lost my", "lost our", "no longer", "for hours", "hours on", "hours late", "an hour", "two hours",
                "3 hours", "2 hours", "4 hours", "5 hours", "last minute", "missed my", "miss my", "waiting for",
                "why is", "why are", "why do", "why does", "why did", "why would", "why can't", "why won't",
                "what's going on", "what is going on", "where is", "where's my", "can't get", "cant get",
                "can't even", "not even", "doesn't work", "not working", "isn't working", "won't let", "to hold",
                "your website", "your app", "your system", "your agents", "your staff", "your policy",
                "the line", "in line", "left us", "didn't get", "never got", "never received", "not received",
                "at all", "how hard", "how long", "how many", "was told", "were told", "i'm told");
        phrase(2.0, "thank you", "thanks so much", "thank you so much", "much appreciated", "well done",
                "great job", "good job", "great service", "great customer", "above and beyond", "made my day",
                "can't wait", "cant wait", "can not wait", "no problem", "no worries", "no issues", "not bad",
                "not a problem", "looking forward", "so much", "big thanks", "great flight", "great crew",
                "shout out", "you guys rock", "you rock", "best airline", "best customer", "love you",
                "keep it up", "on time", "got it", "all good", "happy to", "nice job", "good work", "great work");
        phrase(0.0, "thanks a lot", "no idea", "not sure", "i wonder", "no matter", "hold on", "hold up",
                "help me", "can you", "could you", "would you", "will you", "please help", "is there",
                "are there", "do you", "does the", "how do", "how can", "i need", "need to", "want to");
        boosters(BOOST, "very", "so", "extremely", "really", "totally", "super", "incredibly", "absolutely",
                "completely", "utterly", "truly", "seriously", "such", "most", "highly", "beyond", "hugely", "too",
                "especially", "entirely", "exceptionally", "fully", "insanely", "ridiculously", "terribly",
                "deeply", "purely", "quite", "freaking", "fricking", "bloody", "way");
        boosters(-BOOST, "slightly", "somewhat", "kinda", "barely", "little", "bit", "almost",
                "partly", "marginally");
        emotes(-3.0, "😡", "😠", "🤬", "👎", "💩", "🖕", "😤", "😒", "😾", "🙄", "😑", ":@");
        emotes(-2.0, "😢", "😭", "😞", "😟", "😔", "😩", "😫", "😣", "😖", "😕", "🙁", "☹", "😿", "💔", "😱",
                "😨", "😰", "😧", "😦", "😬", "😐", "😶", "🤦", "😪", "🤢", "🤮", "⏰", "⌛", "⏳", "😴",
                ":(", ":/", ":|", ":S", ":s", "=(", "):", "</3");
        emotes(2.0, "🙏", "❤", "💕", "💖", "💗", "💙", "💚", "💛", "💜", "🧡", "💓", "💞", "😍", "🥰", "😘",
                "😊", "☺", "😀", "😃", "😄", "😁", "😆", "😂", "🤣", "😇", "🙂", "😉", "😎", "🤗", "👍", "👏",
                "🙌", "💯", "✨", "🌟", "⭐", "🎉", "🎊", "👌", "💪", "🥳", "😋", "😌", ":)", ":D", ":P", ":p",
                ";)", "=)", "(:", "<3", "✈", "☀");
    }

    /** Everything the rules ask of one word, so each word is looked up once. */
    private static final class Lexeme {
        double valence;
        double boost;
        boolean negator;
        boolean contrast;
        boolean phraseStart;
        boolean sarcasmProne;
    }

    private static final Map<String, Lexeme> LEXEMES = new HashMap<>();

    static {
        WORDS.forEach((w, v) -> lexeme(w).valence = v);
        BOOSTERS.forEach((w, b) -> lexeme(w).boost = b);
        NEGATORS.forEach(w -> lexeme(w).negator = true);
        CONTRASTS.forEach(w -> lexeme(w).contrast = true);
        PHRASE_STARTS.forEach(w -> lexeme(w).phraseStart = true);
        SARCASM_PRONE.forEach(w -> lexeme(w).sarcasmProne = true);
    }

    private static Lexeme lexeme(String w) {
        return LEXEMES.computeIfAbsent(w, x -> new Lexeme());
    }

    /** Scores the text; null and empty read as neutral with score 0. */
    public SentimentReading read(String text) {
        double score = score(text);
        return new SentimentReading(label(score), score, SentimentReading.LEXICON);
    }

    /** The label for a score in -1..+1, by {@link #NEGATIVE_BELOW} and {@link #POSITIVE_ABOVE}. */
    public static Sentiment label(double score) {
        if (score <= NEGATIVE_BELOW) {
            return Sentiment.NEGATIVE;
        }
        return score >= POSITIVE_ABOVE ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
    }

    /** -1..+1; 0 for null, empty or feeling-free text. */
    public double score(String text) {
        return score(Tokens.of(text));
    }

    public double score(List<Token> tokens) {
        double sum = sum(tokens);
        return sum / Math.sqrt(sum * sum + NORMALISER);
    }

    private double sum(List<Token> tokens) {
        int n = tokens.size();
        Lexeme[] lex = new Lexeme[n];
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (t.is(Token.Kind.WORD) || t.is(Token.Kind.EMOTE)) {
                lex[i] = LEXEMES.get(t.text());
            }
        }
        double sum = 0;
        int exclamations = 0;
        boolean sarcasmMark = false;
        boolean allCaps = allCaps(tokens);
        int clauseStart = 0;
        double afterContrast = 1.0;
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case MARK -> {
                    if (t.text().equals("!")) {
                        exclamations++;
                    }
                    if (!t.text().equals(",")) {
                        clauseStart = i + 1;
                    }
                }
                case EMOTE -> {
                    if (lex[i] != null) {
                        sum += lex[i].valence * afterContrast;
                    }
                    sarcasmMark |= t.text().equals("/s");
                }
                case WORD -> {
                    Lexeme l = lex[i];
                    if (l == null) {
                        continue;
                    }
                    if (l.contrast) {
                        // What comes after "but" is what the customer means.
                        sum *= 0.5;
                        clauseStart = i + 1;
                        afterContrast = 1.5;
                        continue;
                    }
                    int len = l.phraseStart ? phraseLength(tokens, i) : 0;
                    double v;
                    if (len > 0) {
                        v = PHRASES.get(phrase(tokens, i, len));
                    } else {
                        v = l.valence;
                        len = 1;
                    }
                    if (len == 3 && THANKS_A_LOT.equals(phrase(tokens, i, len))) {
                        // After a complaint, "thanks a lot" is the complaint's last word.
                        v = sum < 0 ? -2.0 : 2.0;
                    } else if (v != 0) {
                        v = adjust(tokens, lex, i, len, v, clauseStart, allCaps);
                    }
                    sum += v * afterContrast;
                    i += len - 1;
                }
                default -> {
                }
            }
        }
        if (sarcasmMark) {
            // "/s" says the writer means the opposite of any praise.
            sum = -Math.abs(sum) - 2.0;
        }
        if (sum != 0) {
            sum += Math.signum(sum) * Math.min(exclamations, 4) * EXCLAMATION;
        }
        return sum;
    }

    private static double adjust(List<Token> tokens, Lexeme[] lex, int i, int len, double v, int clauseStart,
                                 boolean allCaps) {
        Token t = tokens.get(i);
        // Intensifiers and capitals make the feeling stronger, whichever way it goes.
        double boost = 0;
        for (int k = i - 1; k >= Math.max(clauseStart, i - 2); k--) {
            if (lex[k] == null || lex[k].boost == 0 || !tokens.get(k).is(Token.Kind.WORD)) {
                break;
            }
            boost += lex[k].boost;
        }
        if (t.shouted() && !allCaps) {
            boost += CAPS;
        }
        v += Math.signum(v) * boost;
        if (negated(tokens, lex, i, clauseStart)) {
            v *= NEGATION;
        }
        if (v > 0 && len == 1 && lex[i].sarcasmProne && complaintFollows(tokens, lex, i + 1)) {
            v = -v;
        }
        return v;
    }

    /** A complaint word within the next three words, across at most a comma ("great, another delay"). */
    private static boolean complaintFollows(List<Token> tokens, Lexeme[] lex, int from) {
        int words = 0;
        for (int k = from; k < tokens.size() && words < 3; k++) {
            Token t = tokens.get(k);
            if (t.is(Token.Kind.MARK) && !t.text().equals(",")) {
                return false;
            }
            if (!t.is(Token.Kind.WORD)) {
                continue;
            }
            Lexeme l = lex[k];
            if (l != null && l.contrast) {
                return false;
            }
            words++;
            if (l != null && l.valence <= -2.0 && !l.negator) {
                return true;
            }
        }
        return false;
    }

    private static boolean negated(List<Token> tokens, Lexeme[] lex, int i, int clauseStart) {
        int words = 0;
        for (int k = i - 1; k >= clauseStart && words < 3; k--) {
            if (tokens.get(k).is(Token.Kind.WORD)) {
                if (lex[k] != null && lex[k].negator) {
                    return true;
                }
                words++;
            }
        }
        return false;
    }

    private static boolean allCaps(List<Token> tokens) {
        int words = 0;
        for (Token t : tokens) {
            if (t.is(Token.Kind.WORD) && t.text().length() > 1) {
                if (!t.shouted()) {
                    return false;
                }
                words++;
            }
        }
        return words > 0;
    }

    /** The length of the longest phrase (up to five words) starting at i, or 0. */
    private static int phraseLength(List<Token> tokens, int i) {
        for (int len = 5; len >= 2; len--) {
            if (i + len <= tokens.size() && allWords(tokens, i, len) && PHRASES.containsKey(phrase(tokens, i, len))) {
                return len;
            }
        }
        return 0;
    }

    private static boolean allWords(List<Token> tokens, int i, int len) {
        for (int k = i; k < i + len; k++) {
            if (!tokens.get(k).is(Token.Kind.WORD)) {
                return false;
            }
        }
        return true;
    }

    private static String phrase(List<Token> tokens, int i, int len) {
        if (len == 1) {
            return tokens.get(i).text();
        }
        StringBuilder sb = new StringBuilder(tokens.get(i).text());
        for (int k = i + 1; k < i + len && k < tokens.size(); k++) {
            sb.append(' ').append(tokens.get(k).text());
        }
        return sb.toString();
    }

    private static void words(double v, String... ws) {
        for (String w : ws) {
            WORDS.put(w, v);
        }
    }

    private static void emotes(double v, String... es) {
        words(v, es);
    }

    private static void phrase(double v, String... ps) {
        for (String p : ps) {
            PHRASES.put(p, v);
            PHRASE_STARTS.add(p.substring(0, p.indexOf(' ')));
        }
    }

    private static void boosters(double v, String... bs) {
        for (String b : bs) {
            BOOSTERS.put(b, v);
        }
    }
}
