package org.socialcarebridge.triage.signal;

import java.util.HashMap;
import java.util.Map;

/**
 * A crude English word stem, so that one list entry finds its inflections: "injured" finds injure,
 * injuries, injuring; "cancelled" finds cancel, canceled, cancellation; "stranded" finds strand.
 * Entry and text go through the same steps, so a stem need not be a real word ("injur").
 */
final class Lemma {
    private static final Map<String, String> IRREGULAR = new HashMap<>();

    static {
        irregular("injur", "injury", "injuries");
        irregular("sue", "sue", "sued", "sues", "suing");
        irregular("cancel", "cancel", "cancels", "cancelled", "canceled", "cancelling", "canceling",
                "cancellation", "cancellations");
        irregular("die", "die", "dies", "died", "dying");
        irregular("stolen", "stole", "stolen");
        irregular("hospital", "hospitalized", "hospitalised", "hospitals");
        irregular("broken", "broke", "broken");
        irregular("poison", "poisoned", "poisoning");
        irregular("scam", "scammer", "scammers", "scammed");
        irregular("hack", "hacker", "hackers", "hacked");
        irregular("racist", "racism", "racists");
        irregular("discrimination", "discriminated", "discriminating", "discriminatory");
        irregular("fraud", "fraudulent", "frauds");
        // Getting fired is no fire.
        irregular("fired", "fired");
    }

    private Lemma() {
    }

    private static void irregular(String lemma, String... forms) {
        for (String f : forms) {
            IRREGULAR.put(f, lemma);
        }
    }

    static String of(String word) {
        String known = IRREGULAR.get(word);
        if (known != null) {
            return known;
        }
        String w = word;
        int n = w.length();
        if (n > 4 && (w.endsWith("ies") || w.endsWith("ied"))) {
            w = w.substring(0, n - 3) + 'y';
        } else if (n > 5 && w.endsWith("ing")) {
            w = base(w.substring(0, n - 3));
        } else if (n > 4 && w.endsWith("ed")) {
            w = base(w.substring(0, n - 2));
        } else if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
            w = w.substring(0, n - 1);
        }
        // "injure" and "injured" meet at "injur"; short words keep their e ("site" is no "sit", "note" no "not")
        if (w.length() > 4 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /**
     * What is left once -ed or -ing is gone: "stopp" → "stop" (l, s and z stay doubled as in "fall",
     * "miss"); a short consonant-vowel-consonant stem had lost an e: "lov" → "love", "smok" → "smoke".
     */
    private static String base(String w) {
        int n = w.length();
        if (n > 2) {
            char c = w.charAt(n - 1);
            if (c == w.charAt(n - 2) && c != 'l' && c != 's' && c != 'z' && !isVowel(c)) {
                return w.substring(0, n - 1);
            }
            if (n <= 4 && !isVowel(w.charAt(n - 3)) && isVowel(w.charAt(n - 2)) && !isVowel(c)
                    && c != 'w' && c != 'x' && c != 'y') {
                return w + 'e';
            }
        }
        return w;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
