package org.socialcarebridge.triage.signal;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds urgency and crisis words: whole words and phrases, any case, with simple English inflections
 * ("injured" also finds injure, injury; "cancelled" finds cancel, canceled, cancellation). Answers the
 * list's entries as written there, in list order, each once.
 *
 * <p>"down" alone says little ("sit down", "down the road"); it counts only after a word that says
 * something is down: "is down", "went down", "site down", "app down"…
 */
public final class CrisisSignal {
    private static final List<String> DEFAULT_WORDS = List.of(
            "outage", "down", "not working", "injured", "hurt", "bleeding", "hospital", "ambulance",
            "emergency", "lawyer", "attorney", "sue", "lawsuit", "legal action", "cancelled", "stranded",
            "stuck", "fire", "smoke", "police", "fraud", "scam", "hacked", "stolen", "data breach",
            "discrimination", "racist", "unsafe", "food poisoning", "allergic reaction", "death", "died",
            "urgent", "asap");

    private static final List<String> DOWN_AFTER = List.of(
            "is", "are", "was", "were", "went", "goes", "been", "still", "it's", "site", "app", "website",
            "server", "servers", "service", "system", "network", "platform", "portal");

    private final List<String> words;
    private final Phrases phrases = Phrases.lemmas();

    /** @param words the entries to look for; blank ones and ones without any letter are ignored */
    public CrisisSignal(List<String> words) {
        this.words = List.copyOf(words);
        for (int i = 0; i < this.words.size(); i++) {
            String entry = this.words.get(i);
            if (Words.uncached(entry).terms().equals(List.of("down"))) {
                for (String before : DOWN_AFTER) {
                    phrases.add(i, before + " down");
                }
            } else {
                phrases.add(i, entry);
            }
        }
    }

    public static List<String> defaultWords() {
        return DEFAULT_WORDS;
    }

    /** The entries found in the text; empty when none. */
    public List<String> read(String text) {
        boolean[] found = new boolean[words.size()];
        phrases.each(phrases.in(Words.of(text)), found);
        List<String> out = new ArrayList<>(2);
        for (int i = 0; i < found.length; i++) {
            // a list naming an entry twice still answers it once
            if (found[i] && !out.contains(words.get(i))) {
                out.add(words.get(i));
            }
        }
        return List.copyOf(out);
    }
}
