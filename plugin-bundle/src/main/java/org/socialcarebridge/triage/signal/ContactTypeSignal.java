package org.socialcarebridge.triage.signal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.socialcarebridge.triage.ContactType;
import org.socialcarebridge.triage.Sentiment;

/**
 * Tells what the customer is doing by writing. The first that applies wins:
 * <ol>
 * <li>{@link ContactType#CRISIS}: a serious crisis word (injured, hospital, lawyer, sue, fire, fraud,
 * hacked, data breach, discrimination, unsafe, death…), or two or more crisis words in a negative
 * message of which one at least is not a service disruption's (outage, down, not working, cancelled,
 * stranded, stuck, urgent, asap): a disruption alone is an urgent need, which the rules put first
 * in the normal queue, not an escalating crisis (an outage would otherwise flood the team leads);</li>
 * <li>{@link ContactType#COMPLAINT}: negative sentiment, or a service failure (broken, late, delayed,
 * cancelled, lost, never arrived, still waiting, refund, worst…). A complaint asked as a question ("why
 * is my order late?") is still a complaint;</li>
 * <li>{@link ContactType#SALES_LEAD}: "how much", "price", "do you ship to", "want to buy", "thinking of
 * switching", "looking for", "any deals", or asking for a recommendation;</li>
 * <li>{@link ContactType#QUESTION}: a question mark, or starting with how, what, when, where, why, who,
 * which, can, could, is, are, do, does, will…, or "anyone know";</li>
 * <li>{@link ContactType#FEEDBACK}: "suggestion", "would be nice", "you should", "please add", "feature
 * request", "it would help";</li>
 * <li>{@link ContactType#PRAISE}: positive sentiment, thanks, love, great, recommending;</li>
 * <li>{@link ContactType#OTHER}.</li>
 * </ol>
 * Crisis words are taken as {@link CrisisSignal} found them, so the administrator's own list counts
 * towards the second rule; only the serious ones above count alone.
 */
public final class ContactTypeSignal {
    private static final Set<String> SERIOUS = lemmaPhrases("injured", "bleeding", "hospital", "ambulance",
            "lawyer", "attorney", "sue", "lawsuit", "legal action", "fire", "smoke", "police", "fraud", "hacked",
            "data breach", "discrimination", "racist", "unsafe", "food poisoning", "allergic reaction", "death");
    /** Urgent, but the desk's everyday work: they never make a crisis by their number. */
    private static final Set<String> DISRUPTION = lemmaPhrases("outage", "down", "not working", "cancelled", "stranded",
            "stuck", "urgent", "asap");
    /** Crisis list entries already told serious or not; a list has a few dozen. */
    private static final Map<String, Boolean> SERIOUS_ENTRIES = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED = 1_000;

    // what the text says, looked up in one pass: the index into a found[] array
    private static final int FAILURE = 0;
    private static final int SALES = 1;
    private static final int RECOMMEND = 2;
    private static final int ASKING = 3;
    private static final int FEEDBACK = 4;
    private static final int PRAISE = 5;
    private static final Phrases CUES = Phrases.lemmas()
            .add(FAILURE, "broken", "broke", "late", "delayed", "delay", "cancelled", "lost", "never arrived",
                    "not arrived", "did not arrive", "has not arrived", "still waiting", "still not", "refund",
                    "worst", "damaged", "missing", "wrong", "faulty", "defective", "not working", "not work",
                    "stopped working", "charged twice", "double charged", "overcharged", "terrible", "awful",
                    "horrible", "unacceptable", "disappointed", "disappointing", "rude", "ridiculous", "useless",
                    "complaint", "error", "failed", "crashed", "crashing", "no response", "no reply", "outage",
                    "fix this", "fix your", "fix it", "blocked", "declined", "locked out")
            .add(SALES, "how much", "price", "pricing", "do you ship to", "do you deliver to", "can you ship to",
                    "want to buy", "wanna buy", "looking to buy", "like to buy", "switch to you",
                    "switching to you", "thinking of switching", "thinking about switching", "looking for",
                    "any deals", "any deal", "any discount", "do you sell", "in stock", "sign up for",
                    "quote for", "how do i order")
            .add(RECOMMEND, "recommend", "recommendation", "suggest")
            .add(ASKING, "anyone know", "does anyone", "anybody know", "any idea", "wondering if",
                    "wondering whether")
            .add(FEEDBACK, "suggestion", "would be nice", "you should", "please add", "feature request",
                    "it would help", "would be great if", "would be helpful", "wish you would", "i wish you",
                    "please consider", "idea for", "you could add", "you need to add")
            .add(PRAISE, "thanks", "thank you", "thx", "ty", "love", "great", "awesome", "amazing", "excellent",
                    "fantastic", "brilliant", "kudos", "appreciate", "well done", "perfect");
    private static final Set<String> QUESTION_START = Set.of("how", "what", "when", "where", "why", "who",
            "which", "can", "could", "is", "are", "do", "does", "did", "will", "would", "should", "has", "have",
            "what's", "how's", "where's", "who's", "when's", "whats", "hows", "wheres", "anyone", "anybody");

    /**
     * @param sentiment   as the sentiment signal read it; null is taken as neutral
     * @param crisisWords as {@link CrisisSignal} found them; null is taken as none
     */
    public ContactType read(String text, Sentiment sentiment, List<String> crisisWords) {
        Words words = Words.of(text);
        Sentiment feeling = sentiment == null ? Sentiment.NEUTRAL : sentiment;
        if (isCrisis(feeling, crisisWords)) {
            return ContactType.CRISIS;
        }
        boolean[] found = new boolean[PRAISE + 1];
        CUES.each(CUES.in(words), found);
        if (feeling == Sentiment.NEGATIVE || found[FAILURE]) {
            return ContactType.COMPLAINT;
        }
        List<String> plain = words.words();
        boolean question = words.asks() || found[ASKING]
                || !plain.isEmpty() && QUESTION_START.contains(plain.get(0));
        if (found[SALES] || question && found[RECOMMEND]) {
            return ContactType.SALES_LEAD;
        }
        if (question) {
            return ContactType.QUESTION;
        }
        if (found[FEEDBACK]) {
            return ContactType.FEEDBACK;
        }
        // not asked, "recommend" is the customer recommending the brand
        if (feeling == Sentiment.POSITIVE || found[PRAISE] || found[RECOMMEND]) {
            return ContactType.PRAISE;
        }
        return ContactType.OTHER;
    }

    private static boolean isCrisis(Sentiment feeling, List<String> crisisWords) {
        if (crisisWords == null || crisisWords.isEmpty()) {
            return false;
        }
        for (String w : crisisWords) {
            if (isSerious(w)) {
                return true;
            }
        }
        if (feeling != Sentiment.NEGATIVE) {
            return false;
        }
        int heightening = 0;
        for (String w : crisisWords) {
            if (!DISRUPTION.contains(lemmaPhrase(w))) {
                heightening++;
            }
        }
        return heightening >= 1 && crisisWords.size() >= 2;
    }

    private static boolean isSerious(String entry) {
        Boolean known = SERIOUS_ENTRIES.get(entry);
        if (known == null) {
            known = SERIOUS.contains(lemmaPhrase(entry));
            // entries come from a crisis list; anything past that many is not worth keeping
            if (SERIOUS_ENTRIES.size() < MAX_REMEMBERED) {
                SERIOUS_ENTRIES.put(entry, known);
            }
        }
        return known;
    }

    private static Set<String> lemmaPhrases(String... phrases) {
        String[] out = new String[phrases.length];
        for (int i = 0; i < phrases.length; i++) {
            out[i] = lemmaPhrase(phrases[i]);
        }
        return Set.of(out);
    }

    private static String lemmaPhrase(String phrase) {
        List<String> terms = Words.uncached(phrase).terms();
        StringBuilder b = new StringBuilder();
        for (String t : terms) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(Lemma.of(t));
        }
        return b.toString();
    }
}
