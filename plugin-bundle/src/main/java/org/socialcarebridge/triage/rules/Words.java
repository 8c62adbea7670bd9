package org.socialcarebridge.triage.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text as its lower-cased words, in order: letters and digits in any script, everything else a
 * boundary. Keywords are split the same way, so "late" never matches inside "chocolate" and
 * "#delayed" or "DELAYED!" match "delayed". One pass over the text.
 */
final class Words {
    private static final Words NONE = new Words(new String[0]);

    private final String[] words;

    private Words(String[] words) {
        this.words = words;
    }

    static Words of(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        // Lower-casing the whole text at once is much faster than per character, and may change its
        // length ('İ'), which is why the words are cut from the lower-cased copy.
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>(lower.length() / 5 + 1);
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            char c = lower.charAt(i);
            int cp;
            boolean inWord;
            if (c < 128) {
                cp = c;
                inWord = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            } else {
                cp = lower.codePointAt(i);
                int type = Character.getType(cp);
                // Marks belong to their letter: Hindi and Thai words are not cut at their vowel signs.
                inWord = Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                        || type == Character.COMBINING_SPACING_MARK;
            }
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                found.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            found.add(lower.substring(start));
        }
        return new Words(found.toArray(String[]::new));
    }

    int size() {
        return words.length;
    }

    String get(int i) {
        return words[i];
    }
}
