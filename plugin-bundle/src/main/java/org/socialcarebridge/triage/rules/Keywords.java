package org.socialcarebridge.triage.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keywords and phrases in groups (one group per category), found in a text in one pass: each word of
 * the text is looked up by hash, and only phrases starting with that word are compared further.
 */
final class Keywords {
    private record Phrase(int group, String written, String[] words) {
    }

    private final int groups;
    private final Map<String, List<Phrase>> byFirstWord = new HashMap<>();

    /** @param groups each group's keywords and phrases, as written in the file */
    Keywords(List<List<String>> groups) {
        this.groups = groups.size();
        for (int g = 0; g < groups.size(); g++) {
            for (String written : groups.get(g)) {
                Words w = Words.of(written);
                if (w.size() == 0) {
                    continue;
                }
                String[] words = new String[w.size()];
                for (int i = 0; i < words.length; i++) {
                    words[i] = w.get(i);
                }
                byFirstWord.computeIfAbsent(words[0], k -> new ArrayList<>(2)).add(new Phrase(g, written, words));
            }
        }
    }

    static Keywords single(List<String> keywords) {
        return new Keywords(List.of(keywords));
    }

    /** Which groups occur in the text; answers the first keyword found of each, or null for groups not found. */
    String[] find(Words text) {
        String[] found = new String[groups];
        int left = groups;
        for (int i = 0; i < text.size() && left > 0; i++) {
            List<Phrase> candidates = byFirstWord.get(text.get(i));
            if (candidates == null) {
                continue;
            }
            for (Phrase p : candidates) {
                if (found[p.group] == null && startsAt(text, i, p.words)) {
                    found[p.group] = p.written;
                    left--;
                }
            }
        }
        return found;
    }

    /** The first keyword of group 0 found in the text, or null. */
    String first(Words text) {
        for (int i = 0; i < text.size(); i++) {
            List<Phrase> candidates = byFirstWord.get(text.get(i));
            if (candidates == null) {
                continue;
            }
            for (Phrase p : candidates) {
                if (p.group == 0 && startsAt(text, i, p.words)) {
                    return p.written;
                }
            }
        }
        return null;
    }

    private static boolean startsAt(Words text, int at, String[] words) {
        if (at + words.length > text.size()) {
            return false;
        }
        for (int j = 1; j < words.length; j++) {
            if (!words[j].equals(text.get(at + j))) {
                return false;
            }
        }
        return true;
    }
}
