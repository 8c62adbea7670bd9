package org.socialcarebridge.followup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.socialcarebridge.followup.AnswerPiece.Kind;

/**
 * The words and faces a customer rates with when they write no number. Triage's sentiment lexicon
 * says how negative or positive a whole message is, not where on a 1-5 scale a word sits ("good" and
 * "excellent" are both just positive there), so the scale has its own short table:
 * <pre>
 * 5  great excellent amazing awesome fantastic brilliant perfect superb outstanding wonderful
 *    incredible exceptional phenomenal stellar terrific fabulous loved best; top notch, well done,
 *    spot on, love it, above and beyond
 * 4  good nice helpful pleased happy satisfied decent solid; no complaints
 * 3  ok okay fine meh alright average mediocre acceptable so-so; so so, could be better, could have
 *    been better
 * 2  bad poor disappointing disappointed unhappy unhelpful unsatisfied dissatisfied
 * 1  terrible awful useless worst horrible appalling atrocious abysmal dreadful pathetic disgraceful
 *    rubbish hopeless shocking
 * </pre>
 * A negator just before (across "too", "so", "the"…) turns 5, 4 and 3 into 2 ("not great"), 2 into 4
 * ("not bad", an English understatement for good) and 1 into 3 ("not the worst"); "very", "really"…
 * turn 4 into 5 and 2 into 1. Letters drawn out are read ("greaaat", "gooood"). Greetings and
 * sign-offs ("good morning", "all the best", "have a great day") rate nothing.
 */
final class RatingWords {
    /** A score read from words or faces, and which pieces it used. */
    record Reading(int score, String form, int first, int last) {
    }

    private static final Map<String, Integer> WORDS = new HashMap<>();
    /** Rating phrases, and greetings and sign-offs under {@link #RATES_NOTHING}. */
    private static final Map<String, Integer> PHRASES = new HashMap<>();
    /** First words of phrases, so most words need no phrase look-up. */
    private static final Set<String> PHRASE_STARTS = new HashSet<>();
    /** The score of a phrase that rates nothing: "good morning" is read past whole. */
    private static final int RATES_NOTHING = 0;
    private static final int LONGEST_PHRASE = 4;
    private static final Set<String> BOOSTERS = Set.of("very", "really", "so", "super", "extremely", "incredibly",
            "absolutely", "truly", "totally", "genuinely");
    /** Words a negation reaches across: "not too bad", "not the worst", "not at all good". */
    private static final Set<String> FILLERS = Set.of("too", "so", "very", "that", "the", "really", "all", "at",
            "quite", "exactly", "particularly", "as", "overly", "a", "been");
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "isn't", "isnt", "wasn't", "wasnt",
            "aren't", "arent", "weren't", "werent", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt",
            "ain't", "aint", "hardly", "barely", "nothing", "wouldn't", "couldn't");
    /** The score a negated word gives, by the word's own score. */
    private static final int[] NEGATED = {0, 3, 4, 2, 2, 2};

    static {
        scored(5, "great", "excellent", "amazing", "awesome", "fantastic", "brilliant", "perfect", "superb",
                "outstanding", "wonderful", "incredible", "exceptional", "phenomenal", "stellar", "terrific",
                "fabulous", "loved", "best", "top notch", "well done", "spot on", "love it", "above and beyond");
        scored(4, "good", "nice", "helpful", "pleased", "happy", "satisfied", "decent", "solid", "no complaints");
        scored(3, "ok", "okay", "fine", "meh", "alright", "average", "mediocre", "acceptable", "so-so", "so so",
                "could be better", "could have been better", "could've been better");
        scored(2, "bad", "poor", "disappointing", "disappointed", "unhappy", "unhelpful", "unsatisfied",
                "dissatisfied");
        scored(1, "terrible", "awful", "useless", "worst", "horrible", "appalling", "atrocious", "abysmal",
                "dreadful", "pathetic", "disgraceful", "rubbish", "hopeless", "shocking");
        scored(RATES_NOTHING, "good morning", "good afternoon", "good evening", "good night", "good day",
                "good luck", "all the best", "best wishes", "best regards", "kind regards", "have a good",
                "have a nice", "have a great", "have a lovely");
    }

    private RatingWords() {
    }

    private static void scored(int score, String... entries) {
        for (String e : entries) {
            int space = e.indexOf(' ');
            if (space < 0) {
                WORDS.put(e, score);
            } else {
                PHRASES.put(e, score);
                PHRASE_STARTS.add(e.substring(0, space));
            }
        }
    }

    /** A word that rates on its own: it may follow a number without making the number a count. */
    static boolean rates(String word) {
        return knownKey(word, WORDS.keySet()) != null;
    }

    static boolean negates(String word) {
        return NEGATORS.contains(word) || word.endsWith("n't");
    }

    /** Every rating word, phrase and face in the pieces, in text order. */
    static List<Reading> read(List<AnswerPiece> pieces) {
        List<Reading> out = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            AnswerPiece p = pieces.get(i);
            if (p.is(Kind.FACE)) {
                out.add(new Reading(p.value(), p.text(), i, i));
                continue;
            }
            if (!p.is(Kind.WORD)) {
                continue;
            }
            int len = PHRASE_STARTS.contains(p.text()) ? phraseLength(pieces, i) : 0;
            String entry;
            Integer score;
            if (len > 0) {
                entry = phrase(pieces, i, len);
                score = PHRASES.get(entry);
                if (score == RATES_NOTHING) {
                    i += len - 1;
                    continue;
                }
            } else {
                len = 1;
                entry = knownKey(p.text(), WORDS.keySet());
                score = entry == null ? null : WORDS.get(entry);
            }
            if (score == null) {
                continue;
            }
            out.add(adjusted(pieces, i, i + len - 1, entry, score));
            i += len - 1;
        }
        return out;
    }

    /** The word's reading with the negator or booster before it. */
    private static Reading adjusted(List<AnswerPiece> pieces, int start, int end, String entry, int score) {
        List<String> between = new ArrayList<>();
        for (int k = start - 1; k >= 0 && k >= start - 3 && pieces.get(k).is(Kind.WORD); k--) {
            String w = pieces.get(k).text();
            if (negates(w)) {
                // the form is made of the lists' words only: it goes on a ticket, the text does not
                StringBuilder form = new StringBuilder(NEGATORS.contains(w) ? w : "not");
                for (int b = between.size() - 1; b >= 0; b--) {
                    form.append(' ').append(between.get(b));
                }
                return new Reading(NEGATED[score], form.append(' ').append(entry).toString(), k, end);
            }
            String filler = knownKey(w, FILLERS);
            if (filler == null) {
                break;
            }
            between.add(filler);
        }
        if (start > 0 && pieces.get(start - 1).is(Kind.WORD)) {
            String booster = knownKey(pieces.get(start - 1).text(), BOOSTERS);
            if (booster != null && (score == 4 || score == 2)) {
                return new Reading(score == 4 ? 5 : 1, booster + " " + entry, start - 1, end);
            }
        }
        return new Reading(score, entry, start, end);
    }

    /** The length of the longest phrase (rating or not) starting at i, or 0. */
    private static int phraseLength(List<AnswerPiece> pieces, int i) {
        for (int len = Math.min(LONGEST_PHRASE, pieces.size() - i); len >= 2; len--) {
            if (allWords(pieces, i, len) && PHRASES.containsKey(phrase(pieces, i, len))) {
                return len;
            }
        }
        return 0;
    }

    private static boolean allWords(List<AnswerPiece> pieces, int i, int len) {
        for (int k = i; k < i + len; k++) {
            if (!pieces.get(k).is(Kind.WORD)) {
                return false;
            }
        }
        return true;
    }

    private static String phrase(List<AnswerPiece> pieces, int i, int len) {
        StringBuilder b = new StringBuilder(pieces.get(i).text());
        for (int k = i + 1; k < i + len; k++) {
            b.append(' ').append(pieces.get(k).text());
        }
        return b.toString();
    }

    /** The entry the word is, as written or with letters drawn out ("greaaat", "gooood", "sooo"). */
    private static String knownKey(String word, Set<String> entries) {
        if (entries.contains(word)) {
            return word;
        }
        if (word.length() > 40) {
            return null;
        }
        String two = squeeze(word, 2);
        if (entries.contains(two)) {
            return two;
        }
        String one = squeeze(word, 1);
        return entries.contains(one) ? one : null;
    }

    /** Runs of one letter cut to at most max letters. */
    private static String squeeze(String word, int max) {
        StringBuilder b = new StringBuilder(word.length());
        int run = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            run = i > 0 && c == word.charAt(i - 1) ? run + 1 : 1;
            if (run <= max) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
