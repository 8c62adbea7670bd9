package org.socialcarebridge.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.socialcarebridge.triage.sentiment.Token;
import org.socialcarebridge.triage.sentiment.Tokens;

/**
 * Whether a customer's message, written while their ticket is open, says the problem is solved:
 * "thanks, all fixed", "that worked, cheers", "sorted now thank you", "it's working again", "Glad we got
 * things fixed!". The customer's word, not the agent's, so the desk can count confirmed resolutions.
 *
 * <p>The message is cut by triage's {@link Tokens} into clauses at punctuation and "but"/"though"/
 * "however", and into sentences at . ! ? ; and the end. It confirms when a clause has a resolution
 * word or phrase ("fixed", "solved", "resolved", "sorted", "works", "worked", "working", "arrived",
 * "all good", "fine now", "did the trick", "up and running", "back to normal"…, or a complaint word
 * gone: "no more errors", "not crashing anymore") that stands as a statement, and nothing in the
 * message says otherwise. It does not confirm when:
 * <ul>
 * <li>the message only thanks ("thanks", "thank you so much"): gratitude is no confirmation;</li>
 * <li>the resolution word is negated within the three words before ("still not fixed", "isn't working",
 * "none of it worked") or a complaint stands anywhere ("thanks but it's still broken", "it worked, then
 * stopped"): either makes the whole message no confirmation;</li>
 * <li>its sentence asks ("is it fixed?", "fixed, right?", "fixed? no"; "is it fixed yet" without '?'), or
 * the word waits on something: "when will it be fixed", "hope it's sorted soon", "let me know once it's
 * resolved", "it should be working now";</li>
 * <li>it is sarcastic: "thanks for nothing", "fixed, yeah right", "/s";</li>
 * <li>"working"/"worked" is about a person or a task ("I'm working from home", "working on it", "it
 * worked before the update");</li>
 * <li>"fixed"/"sorted"/"solved"/"resolved" has an object that is not the ticket's problem: "fixed the
 * typo in my address, now send my parcel" is the customer correcting a detail and asking for more, not
 * the problem solved. "fixed it", "sorted my account", "solved the issue" confirm.</li>
 * </ul>
 * Only the first {@value #MAX_CHARS} characters are read (a confirmation opens a message, it is not
 * buried in a letter); the work is linear in them. Stateless and thread-safe.
 */
public final class ResolutionConfirmation {
    public static final int MAX_CHARS = 1000;

    private static final Set<String> CONTRASTS = Set.of("but", "though", "however", "although", "except");
    private static final Set<String> DONE = Set.of("fixed", "solved", "resolved", "sorted");
    private static final Set<String> WORKS = Set.of("works", "worked", "working");
    private static final List<String[]> RESOLVED_PHRASES = phrases("all good", "good now", "fine now", "ok now",
            "okay now", "great now", "all set", "did the trick", "done the trick", "that did it", "up and running",
            "back online", "back to normal", "came through", "has arrived", "arrived");
    private static final List<String[]> SARCASM = phrases("thanks for nothing", "thank you for nothing",
            "yeah right", "yea right");
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "nothing", "nothing's", "none",
            "nobody", "isnt", "dont", "doesnt", "didnt", "hasnt", "havent", "wasnt", "wont", "cant", "aint",
            "hardly", "barely", "neither", "nor");
    /** What "no" starts without negating: "no worries, it's fixed". */
    private static final Set<String> NO_IDIOMS = Set.of("worries", "problem", "problems", "doubt", "idea", "way");
    /** Words that make what follows in the clause a wish, a condition or a question, not a fact. */
    private static final Set<String> WAITING = Set.of("will", "would", "when", "whenever", "if", "once", "until",
            "till", "unless", "should", "could", "can", "might", "may", "must", "hope", "hoping", "hopefully",
            "need", "needs", "needed", "supposed", "gonna", "going", "want", "wants", "wanted", "expect",
            "expected", "expecting", "waiting", "wait", "whether", "how", "why", "what", "where", "get",
            "getting", "try", "trying", "let", "confirm", "check", "see");
    /** Words after the resolution word that put it in the future: "fixed soon". */
    private static final Set<String> WAITING_AFTER = Set.of("soon", "eventually", "yet", "asap", "tomorrow", "later");
    private static final Set<String> AUXILIARIES = Set.of("is", "are", "was", "were", "has", "have", "had", "did",
            "does", "do", "will", "can", "could", "would", "should", "shall", "am");
    private static final Set<String> SUBJECTS = Set.of("it", "this", "that", "everything", "my", "the", "you",
            "they", "he", "she", "we", "i", "anything", "there", "your", "our", "things");
    private static final Set<String> COMPLAINTS = Set.of("broken", "broke", "damaged", "missing", "wrong", "faulty",
            "failed", "failing", "fails", "crashed", "crashing", "crashes", "error", "errors", "stuck", "stopped",
            "useless", "worse");
    /** "not working" is about a person or a task when a person works or the work is on something. */
    private static final Set<String> PEOPLE = Set.of("i", "i'm", "im", "i've", "ive", "we", "we're", "you", "you're",
            "youre", "they", "they're", "he", "she", "he's", "she's");
    private static final Set<String> NOT_DONE_AFTER = Set.of("on", "from", "at", "in", "with", "hard", "late",
            "here", "there", "before", "until", "till", "to", "towards", "overtime", "away", "out");
    private static final Set<String> DETERMINERS = Set.of("the", "my", "a", "an", "your", "our", "his", "her",
            "their", "some", "that", "this", "those", "these");
    /** What a ticket is about: "fixed my account" confirms, "fixed the typo" does not. */
    private static final Set<String> PROBLEMS = Set.of("problem", "problems", "issue", "issues", "fault", "bug",
            "bugs", "error", "errors", "account", "order", "refund", "payment", "login", "password", "connection",
            "internet", "wifi", "broadband", "app", "phone", "card", "booking", "delivery", "parcel", "package",
            "subscription", "bill", "billing", "charge", "service", "access", "email", "router", "complaint",
            "query", "case", "ticket", "mess", "thing", "things");

    private ResolutionConfirmation() {
    }

    private enum Verdict { NONE, CONFIRMS, CONTRADICTS }

    /** Null and blank confirm nothing. */
    public static boolean confirms(String text) {
        List<Token> tokens = Tokens.of(CustomerText.head(text, MAX_CHARS));
        boolean confirmed = false;
        boolean sentenceConfirms = false;
        List<String> clause = new ArrayList<>();
        for (int i = 0; i <= tokens.size(); i++) {
            Token t = i < tokens.size() ? tokens.get(i) : null;
            if (t != null && t.is(Token.Kind.EMOTE) && t.text().equals("/s")) {
                return false;
            }
            boolean ends = t == null || t.is(Token.Kind.MARK) || t.is(Token.Kind.WORD) && CONTRASTS.contains(t.text());
            if (!ends) {
                if (t.is(Token.Kind.WORD)) {
                    clause.add(t.text());
                }
                continue;
            }
            Verdict v = clause(clause);
            clause.clear();
            if (v == Verdict.CONTRADICTS) {
                return false;
            }
            sentenceConfirms |= v == Verdict.CONFIRMS;
            String mark = t == null ? "." : t.text();
            if (".!?;".contains(mark)) {
                // a question withdraws what its sentence seemed to say: "fixed, right?"
                confirmed |= sentenceConfirms && !mark.equals("?");
                sentenceConfirms = false;
            }
        }
        return confirmed;
    }

    private static Verdict clause(List<String> words) {
        for (String[] s : SARCASM) {
            if (contains(words, s)) {
                return Verdict.CONTRADICTS;
            }
        }
        boolean asks = words.size() > 1 && AUXILIARIES.contains(words.get(0)) && SUBJECTS.contains(words.get(1));
        int waitingFrom = waitingFrom(words);
        boolean gone = words.contains("anymore") || words.contains("longer");
        Verdict verdict = Verdict.NONE;
        for (int k = 0; k < words.size(); k++) {
            String w = words.get(k);
            int len = phraseAt(words, k);
            boolean resolved = len > 0 || DONE.contains(w) && objectIsTheProblem(words, k + 1)
                    || WORKS.contains(w) && worksAsAThing(words, k);
            if (COMPLAINTS.contains(w)) {
                if (!negated(words, k)) {
                    return Verdict.CONTRADICTS;
                }
                // "no more errors", "not broken anymore": the complaint is gone
                resolved = gone || k > 0 && words.get(k - 1).equals("more");
                len = 1;
            } else if (resolved && negated(words, k)) {
                return Verdict.CONTRADICTS;
            }
            int end = k + Math.max(len, 1);
            boolean waits = waitingFrom < k || end < words.size() && WAITING_AFTER.contains(words.get(end));
            if (resolved && !asks && !waits) {
                verdict = Verdict.CONFIRMS;
            }
            k = end - 1;
        }
        return verdict;
    }

    /** A negator among the three words before k: "still not fixed", "isn't working", "no longer works". */
    private static boolean negated(List<String> words, int k) {
        for (int j = k - 1; j >= 0 && j >= k - 3; j--) {
            String w = words.get(j);
            boolean idiom = w.equals("no") && j + 1 < words.size() && NO_IDIOMS.contains(words.get(j + 1));
            if (!idiom && (NEGATORS.contains(w) || w.endsWith("n't"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The index of the clause's first word that makes what follows it a wish, a condition or a question
     * ("hope", "when", "it'll"), or the clause's size when none does.
     */
    private static int waitingFrom(List<String> words) {
        for (int j = 0; j < words.size(); j++) {
            String w = words.get(j);
            if (WAITING.contains(w) || w.endsWith("'ll") || w.endsWith("'d")) {
                return j;
            }
        }
        return words.size();
    }

    /** "fixed it", "sorted out my account", "all fixed now"; not "fixed the typo in my address". */
    private static boolean objectIsTheProblem(List<String> words, int j) {
        if (j < words.size() && (words.get(j).equals("out") || words.get(j).equals("up"))) {
            j++;
        }
        if (j >= words.size() || !DETERMINERS.contains(words.get(j))) {
            return true;
        }
        for (int k = j + 1; k < words.size() && k <= j + 2; k++) {
            if (PROBLEMS.contains(words.get(k))) {
                return true;
            }
        }
        return false;
    }

    /** "it's working", "that worked", "works now"; not "I'm working", "working on it". */
    private static boolean worksAsAThing(List<String> words, int k) {
        boolean person = k > 0 && PEOPLE.contains(words.get(k - 1));
        boolean task = k + 1 < words.size() && NOT_DONE_AFTER.contains(words.get(k + 1));
        return !person && !task;
    }

    private static int phraseAt(List<String> words, int k) {
        for (String[] p : RESOLVED_PHRASES) {
            if (startsAt(words, p, k)) {
                return p.length;
            }
        }
        return 0;
    }

    private static boolean contains(List<String> words, String[] phrase) {
        for (int i = 0; i + phrase.length <= words.size(); i++) {
            if (startsAt(words, phrase, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsAt(List<String> words, String[] phrase, int i) {
        if (i + phrase.length > words.size()) {
            return false;
        }
        for (int k = 0; k < phrase.length; k++) {
            if (!words.get(i + k).equals(phrase[k])) {
                return false;
            }
        }
        return true;
    }

    private static List<String[]> phrases(String... ps) {
        List<String[]> out = new ArrayList<>();
        for (String p : ps) {
            out.add(p.split(" "));
        }
        return List.copyOf(out);
    }
}
