package org.socialcarebridge.triage.signal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells the language a message is written in: an ISO 639-1 code, or {@code und} when it cannot be told.
 * Mentions, links, hashtags, numbers and emoji say nothing of it and are left out.
 *
 * <p>Most scripts name their language: kana (with or without kanji) is Japanese, Hangul Korean, Han
 * without kana Chinese, then Arabic, Hebrew, Greek, Thai, Hindi (Devanagari) and Russian (Cyrillic;
 * Ukrainian when і, ї, є or ґ appear). When scripts mix, the one with most letters wins. Latin text is
 * told by its commonest function words: the language with most hits wins if it has at least two and
 * no other language has as many; anything less is {@code und}.
 */
public final class LanguageSignal {
    public static final String UNDETERMINED = "und";
    private static final int MIN_LETTERS = 2;
    private static final int MIN_HITS = 2;

    private static final String[] LATIN = {"en", "es", "fr", "de", "it", "pt", "nl"};
    private static final Map<String, Integer> FUNCTION_WORDS = new HashMap<>();

    static {
        profile("en", "the", "and", "is", "are", "was", "were", "to", "of", "my", "you", "your", "it", "this",
                "that", "for", "with", "have", "has", "not", "why", "what", "how", "i", "be", "been", "can",
                "will", "on", "at", "from", "just", "please", "they", "we", "our", "an", "there", "a", "no", "in",
                "do", "does", "did", "if", "so", "but", "or", "us", "who", "when", "where", "would", "could",
                "should", "get", "got", "any", "all", "about", "out", "up", "by", "its", "it's", "i'm", "i've",
                "i'd", "im", "he", "she", "them", "their", "again", "still", "now", "yet", "very", "thanks");
        profile("es", "el", "la", "los", "las", "de", "que", "y", "en", "un", "una", "es", "por", "para", "con",
                "no", "mi", "pero", "muy", "del", "al", "lo", "se", "como", "está", "esta", "gracias", "hola",
                "qué", "porque", "todavía", "ya", "su", "sus", "hay", "nada");
        profile("fr", "le", "la", "les", "de", "des", "et", "est", "un", "une", "je", "pas", "pour", "que",
                "qui", "dans", "sur", "mon", "ma", "mes", "vous", "avec", "ce", "ne", "très", "merci",
                "bonjour", "au", "du", "il", "elle", "toujours", "j", "c", "qu", "n", "d", "l", "ai", "été");
        profile("de", "der", "die", "das", "und", "ist", "nicht", "ich", "ein", "eine", "zu", "mit", "von",
                "den", "dem", "für", "auf", "es", "sie", "wir", "mein", "meine", "bitte", "danke", "noch", "auch",
                "aber", "wie", "warum", "kein", "keine", "sind", "hat", "habe", "ihr", "immer", "was", "in");
        profile("it", "il", "lo", "la", "gli", "le", "di", "che", "e", "è", "un", "una", "per", "non", "sono",
                "con", "mi", "ma", "del", "della", "mio", "mia", "ho", "ancora", "grazie", "perché", "come",
                "questo", "anche", "nel", "alla", "in");
        profile("pt", "o", "a", "os", "as", "de", "que", "e", "é", "um", "uma", "não", "em", "para", "com",
                "meu", "minha", "do", "da", "no", "na", "por", "mas", "muito", "obrigado", "obrigada", "ainda",
                "está", "você", "isso", "ao", "foi");
        profile("nl", "de", "het", "een", "en", "is", "van", "ik", "niet", "dat", "op", "te", "met", "voor",
                "zijn", "mijn", "maar", "nog", "wel", "er", "ook", "wat", "waarom", "bedankt", "heb", "geen",
                "je", "u", "jullie", "al", "in");
    }

    private static void profile(String language, String... words) {
        int bit = 1 << List.of(LATIN).indexOf(language);
        for (String w : words) {
            FUNCTION_WORDS.merge(w, bit, (a, b) -> a | b);
        }
    }

    private enum Script {
        LATIN, CYRILLIC, GREEK, ARABIC, HEBREW, THAI, DEVANAGARI, HANGUL, HAN, KANA
    }

    private static final Script[] SCRIPTS = Script.values();

    public String read(String text) {
        int[] letters = new int[SCRIPTS.length];
        int[] hits = new int[LATIN.length];
        boolean ukrainian = false;
        for (String word : Words.of(text).words()) {
            boolean latin = false;
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                i += Character.charCount(cp);
                Script s = script(cp);
                if (s != null) {
                    letters[s.ordinal()]++;
                    latin |= s == Script.LATIN;
                    ukrainian |= cp == 'і' || cp == 'ї' || cp == 'є' || cp == 'ґ';
                }
            }
            if (latin) {
                countFunctionWords(word, hits);
            }
        }
        int kana = letters[Script.KANA.ordinal()];
        int han = letters[Script.HAN.ordinal()];
        String best = UNDETERMINED;
        int most = MIN_LETTERS - 1;
        for (Script s : SCRIPTS) {
            int n = s == Script.HAN && kana > 0 ? 0 : s == Script.KANA ? kana + han : letters[s.ordinal()];
            if (n > most) {
                most = n;
                best = language(s, ukrainian, hits);
            }
        }
        return best;
    }

    /** "l'application", "c'est": French and Italian write function words onto the next word. */
    private static void countFunctionWords(String word, int[] hits) {
        int from = 0;
        int apostrophe;
        while ((apostrophe = word.indexOf('\'', from)) >= 0) {
            hit(word.substring(from, apostrophe), hits);
            from = apostrophe + 1;
        }
        hit(from == 0 ? word : word.substring(from), hits);
    }

    private static void hit(String word, int[] hits) {
        Integer languages = FUNCTION_WORDS.get(word);
        if (languages != null) {
            for (int i = 0; i < hits.length; i++) {
                if ((languages & (1 << i)) != 0) {
                    hits[i]++;
                }
            }
        }
    }

    private static String language(Script s, boolean ukrainian, int[] hits) {
        switch (s) {
            case LATIN:
                return latin(hits);
            case CYRILLIC:
                return ukrainian ? "uk" : "ru";
            case GREEK:
                return "el";
            case ARABIC:
                return "ar";
            case HEBREW:
                return "he";
            case THAI:
                return "th";
            case DEVANAGARI:
                return "hi";
            case HANGUL:
                return "ko";
            case HAN:
                return "zh";
            default:
                return "ja";
        }
    }

    private static String latin(int[] hits) {
        int best = -1;
        boolean tie = false;
        for (int i = 0; i < hits.length; i++) {
            if (best < 0 || hits[i] > hits[best]) {
                best = i;
                tie = false;
            } else if (hits[i] == hits[best]) {
                tie = true;
            }
        }
        return hits[best] >= MIN_HITS && !tie ? LATIN[best] : UNDETERMINED;
    }

    private static Script script(int cp) {
        if (cp < 0x80) {
            // words hold no upper case: only a-z among ASCII letters
            return cp >= 'a' && cp <= 'z' ? Script.LATIN : null;
        }
        if (!Character.isLetter(cp) && Character.getType(cp) != Character.NON_SPACING_MARK
                && Character.getType(cp) != Character.COMBINING_SPACING_MARK) {
            return null;
        }
        switch (Character.UnicodeScript.of(cp)) {
            case LATIN:
                return Script.LATIN;
            case CYRILLIC:
                return Script.CYRILLIC;
            case GREEK:
                return Script.GREEK;
            case ARABIC:
                return Script.ARABIC;
            case HEBREW:
                return Script.HEBREW;
            case THAI:
                return Script.THAI;
            case DEVANAGARI:
                return Script.DEVANAGARI;
            case HANGUL:
                return Script.HANGUL;
            case HAN:
                return Script.HAN;
            case HIRAGANA:
            case KATAKANA:
                return Script.KANA;
            default:
                return null;
        }
    }
}
