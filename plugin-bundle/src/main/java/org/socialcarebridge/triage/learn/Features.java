package org.socialcarebridge.triage.learn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.socialcarebridge.triage.sentiment.SentimentLexicon;
import org.socialcarebridge.triage.sentiment.Token;
import org.socialcarebridge.triage.sentiment.Tokens;

/**
 * What a classifier sees of a text: lower-case words, emoji and the marks "!" and "?", every
 * mention as "@user" and every URL as "url" (so accounts and links do not become vocabulary); words
 * after a negator until the end of the clause marked "not_" ("not_good"); and each adjacent pair as
 * a bigram ("on_hold"); each feature once, in the order first seen. {@link #withLexicon()} adds the lexicon's reading as a few features, which
 * lets a small training set lean on it.
 */
public final class Features implements Function<String, List<String>> {
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "cannot", "can't", "cant", "don't",
            "dont", "doesn't", "doesnt", "didn't", "didnt", "isn't", "isnt", "aren't", "wasn't", "wasnt", "won't",
            "wont", "wouldn't", "couldn't", "haven't", "hasn't", "nothing", "nobody");
    /** How many times the lexicon's reading is counted: its weight against the words. */
    private static final int LEXICON_WEIGHT = 3;

    /** Each band's features, made once: "lexicon:--0", "lexicon:--1"… */
    private static final Map<String, List<String>> READINGS = new HashMap<>();

    static {
        for (String band : List.of("--", "-", "0", "+", "++")) {
            List<String> f = new ArrayList<>();
            for (int i = 0; i < LEXICON_WEIGHT; i++) {
                f.add("lexicon:" + band + i);
            }
            READINGS.put(band, List.copyOf(f));
        }
    }

    private final SentimentLexicon lexicon;

    private Features(SentimentLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Words, marks and bigrams only: for categories. */
    public static Features plain() {
        return new Features(null);
    }

    /** Also the lexicon's reading: for sentiment. */
    public static Features withLexicon() {
        return new Features(new SentimentLexicon());
    }

    @Override
    public List<String> apply(String text) {
        List<Token> tokens = Tokens.of(text);
        List<String> words = words(tokens);
        if (lexicon == null) {
            return words;
        }
        List<String> out = new ArrayList<>(words.size() + LEXICON_WEIGHT);
        out.addAll(words);
        out.addAll(lexiconReading(tokens));
        return out;
    }

    /** Words, marks and bigrams of already split text, each once. */
    List<String> words(List<Token> tokens) {
        List<String> unigrams = new ArrayList<>(tokens.size());
        boolean negated = false;
        for (Token t : tokens) {
            switch (t.kind()) {
                case WORD -> {
                    String w = t.text();
                    unigrams.add(negated ? "not_" + w : w);
                    negated |= NEGATORS.contains(w);
                }
                case EMOTE -> unigrams.add(t.text());
                case MENTION -> unigrams.add("@user");
                case URL -> unigrams.add("url");
                case MARK -> {
                    negated = false;
                    if (t.text().equals("!") || t.text().equals("?")) {
                        unigrams.add(t.text());
                    }
                }
                default -> {
                }
            }
        }
        // Each feature once: a word said twice in a short message is no surer than once.
        Set<String> seen = new HashSet<>(unigrams.size() * 4);
        List<String> out = new ArrayList<>(unigrams.size() * 2 + LEXICON_WEIGHT);
        for (String u : unigrams) {
            if (seen.add(u)) {
                out.add(u);
            }
        }
        for (int i = 1; i < unigrams.size(); i++) {
            String bigram = unigrams.get(i - 1) + "_" + unigrams.get(i);
            if (seen.add(bigram)) {
                out.add(bigram);
            }
        }
        return out;
    }

    /** The lexicon's reading of already split text, as features; empty for {@link #plain()}. */
    List<String> lexiconReading(List<Token> tokens) {
        if (lexicon == null) {
            return List.of();
        }
        return READINGS.get(bucket(lexicon.score(tokens)));
    }

    /**
     * Five bands of the lexicon score, from clearly negative to clearly positive; fixed here rather
     * than following the lexicon's label thresholds, so the model learns what each band means.
     */
    private static String bucket(double score) {
        if (score <= -0.5) {
            return "--";
        }
        if (score <= -0.05) {
            return "-";
        }
        if (score < 0.25) {
            return "0";
        }
        return score < 0.6 ? "+" : "++";
    }
}
