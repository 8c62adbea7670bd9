package org.socialcarebridge.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.socialcarebridge.followup.AnswerPiece.Kind;
import org.socialcarebridge.triage.sentiment.SentimentLexicon;

/**
 * A customer's reply to the 1-5 satisfaction survey ("How would you rate our help, from 1 (poor) to 5
 * (great)?"), read as a score where one can be read. Immutable.
 *
 * <p>What counts, strongest first (a stronger kind decides alone: "4, great" is 4, "5 but slow" 5):
 * <ol>
 * <li>Numbers: "5", "5!", "score: 4", "I'd give you a 4", "4 stars", "5⭐", "4/5", "4 / 5", "4 out of 5",
 * "4 of 5", number words ("five", "Four!", "a four"). Out of 10 is scaled and rounded half up: "10/10" is
 * 5, "9/10" 5, "7/10" 4, "3/10" 2, "1/10" 1. A half ("4.5") or a range ("between 3 and 4", "3-4", "3 or
 * 4") is the lower score: the customer did not quite give the higher one. Star runs: "★★★★" is 4,
 * "★★★★☆" 4 (empty stars set the scale: five or ten), more than five filled stars 5. The question's
 * own scale quoted back ("1-5", "1 to 10") is ignored.</li>
 * <li>A number is no rating when it counts or names something: glued to '#', a currency, '%' or letters
 * ("#12", "£5", "x5"), a time or date ("5:30", "1/5/2024"), after "order", "ticket", "took", "at"…, or
 * before a word that is not a rating, thanks or a link word ("3 days", "5pm", "2 times"): "order 12345
 * still missing" and "it took 3 days" have no score. A number on another scale is refused ("24/7").</li>
 * <li>Numbers off the scale are not guessed at: "6", "100", "11/10" give no score; "0" or below ("0/10",
 * "-1") gives no score and reads as angry, since the customer went below the worst mark.</li>
 * <li>Faces and rating words ({@link AnswerPieces}, {@link RatingWords}): "😍" 5, "👍" 4, "😐" 3, "👎" 2,
 * "😡" 1, "great thanks" 5, "not great" 2, "not bad" 4, "terrible" 1. They are not read in a message
 * that asks something ("good? who is this?"), which is a new request, not an answer; nor, when they
 * rate 3 or more, in a message whose other words are clearly a complaint ("great, still broken"): that
 * praise is sarcasm or politeness.</li>
 * </ol>
 * Readings that disagree by one step give the lower ("😍👍" is 4); further apart ("4 for Sam, 1 for the
 * app", "2-4") give no score: which one answers the question is not for the plugin to guess.
 *
 * <p>Where no score is read, {@link #angry()} says whether the answer is clearly negative by
 * triage's {@link SentimentLexicon}: a score at or below {@value #ANGRY_AT_OR_BELOW}, stricter than
 * triage's own negative label, which leans negative on purpose for routing ("it took 3 days" is
 * negative there but not angry here). The {@code SentimentReader} is not used: it needs the desk's
 * learnt model, and a survey answer is read in the same way on every desk.
 *
 * <p>Only the first {@value #MAX_CHARS} characters are read; every step is linear in them.
 * {@link #reading()} is made of the rules' own words, numbers and symbols, never of the customer's text,
 * so it can go on a ticket as it is.
 */
public final class SurveyAnswer {
    /** A survey answer longer than this is a letter; its first lines hold any score. */
    public static final int MAX_CHARS = 500;
    /** The lexicon score (-1..+1) at or below which an answer without a score reads as angry. */
    public static final double ANGRY_AT_OR_BELOW = -0.5;

    private static final SentimentLexicon LEXICON = new SentimentLexicon();
    private static final int NOT_A_NUMBER = Integer.MIN_VALUE;
    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten");
    /** Words that make the number after them a count, a time or a reference. */
    private static final Set<String> REFERENCE_BEFORE = Set.of("order", "orders", "number", "no", "nr", "ticket",
            "case", "ref", "reference", "item", "items", "flight", "room", "gate", "page", "step", "version", "v",
            "at", "on", "in", "after", "took", "waited", "waiting", "within", "over", "under", "about", "around",
            "than", "every", "per", "by", "until", "till", "since", "last", "next", "day", "week", "line", "seat",
            "platform", "bus", "route", "unit", "flat", "floor", "level", "code", "pin", "id", "account",
            "invoice", "receipt", "parcel", "package", "tracking", "extension", "ext", "part", "plan", "model",
            "called", "rang", "tried", "spent", "paid", "cost", "costs");
    /** Words that may follow a rating without making it a count ("5 stars", "4 thanks", "5 because…"). */
    private static final Set<String> ALLOWED_AFTER = Set.of("stars", "star", "points", "point", "pts", "from",
            "for", "thanks", "thank", "thx", "ty", "cheers", "ta", "overall", "tbh", "honestly", "because",
            "cause", "cos", "coz", "bc", "as", "since", "but", "and", "though", "although", "so", "i", "i'm", "im",
            "i'd", "you", "your", "you're", "youre", "u", "ur", "it", "it's", "its", "the", "this", "that",
            "that's", "thats", "was", "is", "definitely", "easily", "absolutely", "really", "very", "mate",
            "guys", "team", "all", "please", "pls", "imo", "lol", "haha", "would", "will", "again", "now",
            "not", "no");
    /** Words after which a number word is a rating: "a four", "give it five", "rating: three". */
    private static final Set<String> CUES = Set.of("a", "an", "give", "gave", "giving", "rate", "rated",
            "rating", "score", "scored", "solid", "definitely", "easily", "it's", "its", "is", "be", "strong");
    private static final Set<String> UNITS = Set.of("stars", "star", "points", "point", "pts");

    private final Integer score;
    private final boolean angry;
    private final String reading;

    private SurveyAnswer(Integer score, boolean angry, String reading) {
        this.score = score;
        this.angry = angry;
        this.reading = reading;
    }

    /** Reads the answer; null and blank read as no score, not angry. */
    public static SurveyAnswer read(String text) {
        String capped = CustomerText.head(text, MAX_CHARS);
        List<AnswerPiece> pieces = AnswerPieces.of(capped);
        Numbers numbers = new Numbers(pieces);
        numbers.read();
        if (!numbers.readings.isEmpty()) {
            return decided(numbers.readings, capped);
        }
        if (!numbers.below.isEmpty()) {
            String why = "no score: " + quoted(numbers.below) + " is below the scale, reads as angry";
            return new SurveyAnswer(null, true, why);
        }
        if (!numbers.offScale.isEmpty()) {
            return noScore(quoted(numbers.offScale) + " is off the 1-5 scale", capped);
        }
        if (!asks(pieces)) {
            List<RatingWords.Reading> words = RatingWords.read(pieces);
            if (!words.isEmpty()) {
                List<Reading> readings = new ArrayList<>();
                for (RatingWords.Reading w : words) {
                    readings.add(new Reading(w.score(), w.score(), w.form()));
                }
                SurveyAnswer answer = decided(readings, capped);
                if (answer.score == null || answer.score < 3 || !complains(pieces, words)) {
                    return answer;
                }
                return noScore(quoted(List.of(words.get(0).form())) + " in a complaint", capped);
            }
        }
        return noScore(null, capped);
    }

    public Optional<Integer> score() {
        return Optional.ofNullable(score);
    }

    /** No score could be read, and the answer is clearly negative. */
    public boolean angry() {
        return angry;
    }

    /** How the answer was read, for the ticket: {@code "4/5" read as 4}, {@code no score found}. */
    public String reading() {
        return reading;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SurveyAnswer a && Objects.equals(score, a.score) && angry == a.angry
                && reading.equals(a.reading);
    }

    @Override
    public int hashCode() {
        return Objects.hash(score, angry, reading);
    }

    @Override
    public String toString() {
        return "SurveyAnswer[" + reading + "]";
    }

    /** A score, or a range of them ("between 3 and 4"), with what it was read from. */
    private record Reading(int low, int high, String form) {
    }

    /** Readings within one step of each other give the lowest; further apart, none. */
    private static SurveyAnswer decided(List<Reading> readings, String text) {
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        List<String> forms = new ArrayList<>();
        for (Reading r : readings) {
            low = Math.min(low, r.low());
            high = Math.max(high, r.high());
            if (!forms.contains(r.form()) && forms.size() < 3) {
                forms.add(r.form());
            }
        }
        if (high - low > 1) {
            String why = forms.size() == 1 ? " is too wide" : " disagree";
            return noScore(quoted(forms) + why, text);
        }
        return new SurveyAnswer(low, false, quoted(forms) + " read as " + low + (high > low ? ", the lower" : ""));
    }

    /** No score, for the reason given (null: nothing to read), angry by the lexicon. */
    private static SurveyAnswer noScore(String why, String text) {
        boolean angry = LEXICON.score(text) <= ANGRY_AT_OR_BELOW;
        if (why == null) {
            return new SurveyAnswer(null, angry, angry ? "no score: reads as angry" : "no score found");
        }
        return new SurveyAnswer(null, angry, "no score: " + why + (angry ? ", reads as angry" : ""));
    }

    /** Whether what the rating words leave is clearly a complaint ("great, still broken"). */
    private static boolean complains(List<AnswerPiece> pieces, List<RatingWords.Reading> words) {
        boolean[] used = new boolean[pieces.size()];
        for (RatingWords.Reading w : words) {
            for (int k = w.first(); k <= w.last(); k++) {
                used[k] = true;
            }
        }
        StringBuilder rest = new StringBuilder();
        for (int k = 0; k < pieces.size(); k++) {
            if (!used[k]) {
                rest.append(pieces.get(k).text()).append(' ');
            }
        }
        return LEXICON.score(rest.toString()) <= ANGRY_AT_OR_BELOW;
    }

    private static boolean asks(List<AnswerPiece> pieces) {
        for (AnswerPiece p : pieces) {
            if (p.is(Kind.MARK) && p.text().equals("?")) {
                return true;
            }
        }
        return false;
    }

    private static String quoted(List<String> forms) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < forms.size(); i++) {
            if (i > 0) {
                b.append(i == forms.size() - 1 ? " and " : ", ");
            }
            b.append('"').append(forms.get(i)).append('"');
        }
        return b.toString();
    }

    /** The numbers and star runs of one answer: readings, and numbers below or off the scale. */
    private static final class Numbers {
        private final List<AnswerPiece> pieces;
        private final boolean[] used;
        /** The index of the first word or number, or the size when there is none. */
        private final int firstWordAt;
        final List<Reading> readings = new ArrayList<>();
        final List<String> below = new ArrayList<>();
        final List<String> offScale = new ArrayList<>();

        Numbers(List<AnswerPiece> pieces) {
            this.pieces = pieces;
            this.used = new boolean[pieces.size()];
            int first = 0;
            while (first < pieces.size() && !pieces.get(first).is(Kind.WORD) && !pieces.get(first).is(Kind.NUMBER)) {
                first++;
            }
            this.firstWordAt = first;
        }

        void read() {
            for (int i = 0; i < pieces.size(); i++) {
                if (used[i]) {
                    continue;
                }
                if (pieces.get(i).isStar()) {
                    i = stars(i);
                } else if (value(i) != NOT_A_NUMBER) {
                    int end = fraction(i);
                    if (end < 0) {
                        end = range(i);
                    }
                    if (end < 0) {
                        end = single(i);
                    }
                    i = Math.max(i, end);
                }
            }
        }

        /** "4/5", "4 / 5", "4 out of 5", "4 of 5", "ten out of ten"; the index of its last piece, or -1. */
        private int fraction(int i) {
            int j = i + 1;
            String joint;
            if (kind(j) == Kind.SLASH) {
                joint = "/";
                j++;
            } else if (word(j, "out") && word(j + 1, "of")) {
                joint = " out of ";
                j += 2;
            } else if (word(j, "outta") || word(j, "of")) {
                joint = word(j, "of") ? " of " : " out of ";
                j++;
            } else {
                return -1;
            }
            int over = value(j);
            if (over == NOT_A_NUMBER || over % 10 != 0) {
                return -1;
            }
            mark(i, j);
            if (joint.equals("/") && (kind(i - 1) == Kind.SLASH || kind(j + 1) == Kind.SLASH)) {
                return j; // a date or a path: 1/5/2024
            }
            int n = value(i);
            over /= 10;
            if (!standsAsRating(i, j) || over != 5 && over != 10) {
                return j; // "3 of 5 days", "24/7"
            }
            StringBuilder written = new StringBuilder(text(i)).append(joint).append(text(j));
            int end = unit(j, written);
            String form = written.toString();
            if (n <= 0) {
                below.add(form);
            } else if (n > over * 10) {
                offScale.add(form);
            } else if (over == 10) {
                readings.add(new Reading(outOfTen(n), outOfTen(n), form));
            } else {
                fivePoint(n, form);
            }
            return end;
        }

        /** "3-4", "3 to 4", "3 or 4", "between 3 and 4"; the index of its last piece, or -1. */
        private int range(int i) {
            int j = i + 1;
            String joint;
            if (kind(j) == Kind.DASH) {
                joint = "-";
            } else if (word(j, "to") || word(j, "or") || word(j, "and") && word(i - 1, "between")) {
                joint = " " + pieces.get(j).text() + " ";
            } else {
                return -1;
            }
            int a = value(i);
            int b = value(j + 1);
            if (a % 10 != 0 || b == NOT_A_NUMBER || b % 10 != 0) {
                return -1;
            }
            a /= 10;
            b /= 10;
            boolean between = word(i - 1, "between");
            int start = between ? i - 1 : i;
            mark(start, j + 1);
            boolean scaleQuoted = a == 1 && (b == 5 || b == 10) && !joint.equals(" or ");
            if (scaleQuoted || !standsAsRating(start, j + 1)) {
                return j + 1;
            }
            StringBuilder written = new StringBuilder(between ? "between " : "").append(text(i)).append(joint)
                    .append(text(j + 1));
            int end = unit(j + 1, written);
            String form = written.toString();
            if (a < 1 || b < 1) {
                below.add(form);
            } else if (a > 5 || b > 5) {
                offScale.add(form);
            } else {
                readings.add(new Reading(Math.min(a, b), Math.max(a, b), form));
            }
            return end;
        }

        /** One number standing alone: "5", "a 4", "five", "4.5 stars". */
        private int single(int i) {
            AnswerPiece p = pieces.get(i);
            if (kind(i - 1) == Kind.SLASH) {
                used[i] = true;
                return i;
            }
            // "one" and "five" are also pronouns and counts ("the best one", "no one", "high five")
            if (p.is(Kind.WORD) && !(cued(i) || i <= firstWordAt)) {
                return i;
            }
            used[i] = true;
            if (!standsAsRating(i, i)) {
                return i;
            }
            int n = value(i);
            StringBuilder form = new StringBuilder(text(i));
            int end = unit(i, form);
            if (n < 10) {
                below.add(form.toString());
            } else if (n / 10 > 5) {
                offScale.add(form.toString());
            } else {
                fivePoint(n, form.toString());
            }
            return end;
        }

        /**
         * A run of stars: ★★★★ is 4, ★★★★☆ 4 of 5, ★★☆☆☆☆☆☆☆☆ 2 of 10 (1); a run right before a number
         * decorates it ("⭐ 5/5").
         */
        private int stars(int i) {
            int filled = 0;
            int empty = 0;
            int j = i;
            StringBuilder form = new StringBuilder();
            for (; j < pieces.size() && pieces.get(j).isStar(); j++) {
                used[j] = true;
                if (pieces.get(j).is(Kind.FILLED_STAR)) {
                    filled++;
                } else {
                    empty++;
                }
                if (j - i < 10) {
                    form.append(text(j));
                }
            }
            if (kind(j) == Kind.NUMBER) {
                return j - 1; // "⭐ 5/5"
            }
            int scale = empty == 0 ? 5 : filled + empty;
            if (filled == 0) {
                below.add(form.toString());
            } else if (scale == 5) {
                readings.add(new Reading(Math.min(filled, 5), Math.min(filled, 5), form.toString()));
            } else if (scale == 10) {
                readings.add(new Reading(outOfTen(filled * 10), outOfTen(filled * 10), form.toString()));
            }
            return j - 1;
        }

        /** A whole or half score out of five: 4.5 reads as 4 or 5, decided as a range. */
        private void fivePoint(int tenths, String form) {
            int whole = tenths / 10;
            if (whole < 1) {
                below.add(form);
            } else {
                readings.add(new Reading(whole, tenths % 10 == 0 || whole == 5 ? whole : whole + 1, form));
            }
        }

        /** Out of ten onto 1-5, half up: 10 and 9 are 5, 7 is 4, 5 is 3, 3 is 2, 1 is 1. */
        private static int outOfTen(int tenths) {
            return Math.max(1, (tenths + 10) / 20);
        }

        /**
         * Stars or "stars" right after a rating belong to it ("5⭐", "4 stars"): the index of the
         * last; what it adds is added to form.
         */
        private int unit(int last, StringBuilder form) {
            int j = last + 1;
            boolean glued = kind(j) == Kind.DASH && !pieces.get(j).spaced();
            if (glued && kind(j + 1) == Kind.WORD && UNITS.contains(text(j + 1))) {
                used[j++] = true; // "4-star"
            }
            if (kind(j) == Kind.WORD && UNITS.contains(text(j))) {
                used[j] = true;
                form.append(' ').append(text(j));
                return j;
            }
            int end = last;
            while (j < pieces.size() && pieces.get(j).isStar()) {
                if (end == last) {
                    form.append(text(j));
                }
                used[j] = true;
                end = j++;
            }
            return end;
        }

        /** Whether what is before first and after last lets the number be a rating, not a count. */
        private boolean standsAsRating(int first, int last) {
            if (pieces.get(first).reference() || pieces.get(last).reference()
                    || kind(first - 1) == Kind.WORD && REFERENCE_BEFORE.contains(text(first - 1))) {
                return false;
            }
            int j = last + 1;
            AnswerPiece next = j < pieces.size() ? pieces.get(j) : null;
            if (next != null && next.is(Kind.DASH) && !next.spaced()) {
                next = j + 1 < pieces.size() ? pieces.get(j + 1) : null; // "4-star", "2-day"
            }
            if (next == null || !next.is(Kind.WORD)) {
                return next == null || !next.is(Kind.SLASH);
            }
            String w = next.text();
            return ALLOWED_AFTER.contains(w) || RatingWords.rates(w) || RatingWords.negates(w);
        }

        private boolean cued(int i) {
            return kind(i - 1) == Kind.WORD && CUES.contains(text(i - 1))
                    || kind(i - 1) == Kind.MARK && text(i - 1).equals(":");
        }

        /** A number's value in tenths, for digits and number words; {@link #NOT_A_NUMBER} otherwise. */
        private int value(int i) {
            if (i < 0 || i >= pieces.size()) {
                return NOT_A_NUMBER;
            }
            AnswerPiece p = pieces.get(i);
            if (p.is(Kind.NUMBER)) {
                return p.value();
            }
            int w = p.is(Kind.WORD) ? NUMBER_WORDS.indexOf(p.text()) : -1;
            return w < 0 ? NOT_A_NUMBER : w * 10;
        }

        private Kind kind(int i) {
            return i >= 0 && i < pieces.size() ? pieces.get(i).kind() : null;
        }

        private boolean word(int i, String w) {
            return i >= 0 && i < pieces.size() && pieces.get(i).isWord(w);
        }

        private String text(int i) {
            return pieces.get(i).text();
        }

        private void mark(int from, int to) {
            for (int k = Math.max(0, from); k <= to; k++) {
                used[k] = true;
            }
        }
    }
}
