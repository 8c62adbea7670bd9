package org.socialcarebridge.triage.signal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed set of word sequences looked up in a message's terms: one hash lookup per term, so the cost
 * grows with the text, not with the number of phrases. Phrases are cut into words like messages are
 * ({@link Words}) and each may carry an id, so that several spellings can stand for one entry.
 */
final class Phrases {
    /** Where a phrase was found: its id and the range of terms it covers. */
    record Match(int id, int start, int end) {
    }

    private final Map<String, List<int[]>> byFirstWord = new HashMap<>();
    private final List<String[]> sequences = new ArrayList<>();
    private final boolean lemmas;

    private Phrases(boolean lemmas) {
        this.lemmas = lemmas;
    }

    /** Phrases compared word for word. */
    static Phrases exact() {
        return new Phrases(false);
    }

    /** Phrases compared by {@link Lemma}, so that "injured" finds "injury". */
    static Phrases lemmas() {
        return new Phrases(true);
    }

    /** Adds phrases under one id. */
    Phrases add(int id, String... phrases) {
        for (String p : phrases) {
            add(id, p);
        }
        return this;
    }

    /** Adds a phrase under an id; a phrase without any word is ignored. */
    Phrases add(int id, String phrase) {
        List<String> words = Words.uncached(phrase).terms();
        if (words.isEmpty()) {
            return this;
        }
        String[] seq = new String[words.size()];
        for (int i = 0; i < seq.length; i++) {
            seq[i] = lemmas ? Lemma.of(words.get(i)) : words.get(i);
        }
        sequences.add(seq);
        byFirstWord.computeIfAbsent(seq[0], k -> new ArrayList<>()).add(new int[] {id, sequences.size() - 1});
        return this;
    }

    /** The message's terms put the way this set compares them; pass them to the look-ups below. */
    List<String> in(Words words) {
        return lemmas ? words.lemmas() : words.terms();
    }

    /**
     * In one pass, the first match of each id (first[id], left null when none) and how many matches
     * each id had.
     */
    void scan(List<String> prepared, Match[] first, int[] count) {
        for (int i = 0; i < prepared.size(); i++) {
            List<int[]> candidates = byFirstWord.get(prepared.get(i));
            if (candidates != null) {
                for (int[] c : candidates) {
                    String[] seq = sequences.get(c[1]);
                    if (matches(prepared, i, seq)) {
                        int id = c[0];
                        count[id]++;
                        if (first[id] == null) {
                            first[id] = new Match(id, i, i + seq.length);
                        }
                    }
                }
            }
        }
    }

    /** Marks found[id] for every phrase found anywhere. */
    void each(List<String> prepared, boolean[] found) {
        for (int i = 0; i < prepared.size(); i++) {
            List<int[]> candidates = byFirstWord.get(prepared.get(i));
            if (candidates != null) {
                for (int[] c : candidates) {
                    if (matches(prepared, i, sequences.get(c[1]))) {
                        found[c[0]] = true;
                    }
                }
            }
        }
    }

    private static boolean matches(List<String> prepared, int i, String[] seq) {
        if (i + seq.length > prepared.size()) {
            return false;
        }
        for (int k = 1; k < seq.length; k++) {
            if (!seq[k].equals(prepared.get(i + k))) {
                return false;
            }
        }
        return true;
    }
}
