package org.socialcarebridge.reply.guard;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A named regular expression the administrator wrote for the company's own identifiers, e.g.
 * {@code order number = ACM-\d{6}}. Its matches are {@link SensitiveData#ACCOUNT_NUMBER}s.
 *
 * <p>Java's regex engine has no timeout, and the administrator's pattern meets untrusted text, so it
 * is held to three rules. At load time it must be at most {@value #MAX_LENGTH} characters, must not
 * repeat a group that itself repeats or alternates ({@code (a+)+}, {@code (a|ab)*}: the shapes that
 * backtrack exponentially), and must not match empty text. When matching, it may read the text only
 * a bounded number of times per character ({@link MeteredText}); a pattern that runs out of that
 * budget reports the whole text as a finding, because a text that could not be checked must not be
 * posted as if it had been.
 */
public record AdministratorPattern(String name, Pattern pattern) {
    static final int MAX_LENGTH = 200;
    private static final int READS_PER_CHARACTER = 200;

    /** Prefer {@link #compile}, which applies the load-time rules; the read budget holds either way. */
    public AdministratorPattern {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(pattern, "pattern");
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with the regex, for the settings problem
     */
    public static AdministratorPattern compile(String name, String regex) {
        if (regex.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("it is " + regex.length() + " characters long, over the limit of " + MAX_LENGTH);
        }
        String nested = nestedRepetition(regex);
        if (nested != null) {
            throw new IllegalArgumentException("it repeats a group that repeats or alternates itself (" + nested
                    + "), which can take exponential time on hostile text");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("it is not a valid regular expression (" + e.getDescription()
                    + " near index " + e.getIndex() + ")");
        }
        if (pattern.matcher("").matches()) {
            throw new IllegalArgumentException("it matches empty text, so it would find something everywhere");
        }
        return new AdministratorPattern(name, pattern);
    }

    void find(String text, List<Finding> found) {
        Matcher m = pattern.matcher(new MeteredText(text, (long) READS_PER_CHARACTER * text.length() + 10_000));
        try {
            while (m.find()) {
                if (m.end() > m.start()) {
                    found.add(new Finding(SensitiveData.ACCOUNT_NUMBER, name, masked(m.group()), m.start(), m.end()));
                }
            }
        } catch (MeteredText.Exhausted e) {
            found.add(new Finding(SensitiveData.ACCOUNT_NUMBER, name,
                    "the text could not be checked for this pattern in time; shorten or reword it", 0, Math.max(1, text.length())));
        }
    }

    /** The last two characters of a value of six or more; nothing of a shorter one. */
    static String masked(String value) {
        int keep = value.length() >= 6 ? 2 : 0;
        return "•".repeat(Math.min(value.length() - keep, 12)) + value.substring(value.length() - keep);
    }

    /**
     * The first group that repeats while containing a repetition or an alternation, or null. Scans
     * the regex once, skipping escapes, character classes and {@code \Q…\E} quotes.
     */
    static String nestedRepetition(String regex) {
        // For each open group: where it starts and whether its body repeats or alternates.
        Deque<int[]> groups = new ArrayDeque<>();
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            int atomEnd;
            boolean risky = false;
            int groupStart = -1;
            if (c == '\\') {
                if (i + 1 < n && regex.charAt(i + 1) == 'Q') {
                    int e = regex.indexOf("\\E", i + 2);
                    atomEnd = e < 0 ? n : e + 2;
                } else {
                    atomEnd = Math.min(n, i + 2);
                }
            } else if (c == '[') {
                atomEnd = classEnd(regex, i);
            } else if (c == '(') {
                groups.push(new int[] {i, 0});
                i++;
                continue;
            } else if (c == ')') {
                int[] group = groups.isEmpty() ? new int[] {0, 0} : groups.pop();
                atomEnd = i + 1;
                risky = group[1] == 1;
                groupStart = group[0];
            } else if (c == '|') {
                if (!groups.isEmpty()) {
                    groups.peek()[1] = 1;
                }
                i++;
                continue;
            } else {
                atomEnd = i + 1;
            }
            int q = quantifierEnd(regex, atomEnd);
            boolean repeats = q > atomEnd && repeatsMoreThanOnce(regex.substring(atomEnd, q));
            boolean varies = q > atomEnd && varies(regex.substring(atomEnd, q));
            if (repeats && risky) {
                return regex.substring(groupStart, q);
            }
            if ((varies || risky) && !groups.isEmpty()) {
                groups.peek()[1] = 1;
            }
            i = q;
        }
        return null;
    }

    private static int classEnd(String regex, int open) {
        int depth = 0;
        int i = open;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']' && i > open + 1) {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return regex.length();
    }

    /** Where the quantifier after an atom ends (including a lazy or possessive mark), or {@code at} if none. */
    private static int quantifierEnd(String regex, int at) {
        if (at >= regex.length()) {
            return at;
        }
        char c = regex.charAt(at);
        int end;
        if (c == '*' || c == '+' || c == '?') {
            end = at + 1;
        } else if (c == '{') {
            int close = regex.indexOf('}', at);
            if (close < 0 || !regex.substring(at + 1, close).matches("\\d+(,\\d*)?")) {
                return at;
            }
            end = close + 1;
        } else {
            return at;
        }
        if (end < regex.length() && (regex.charAt(end) == '?' || regex.charAt(end) == '+')) {
            end++;
        }
        return end;
    }

    private static boolean repeatsMoreThanOnce(String quantifier) {
        char c = quantifier.charAt(0);
        if (c == '*' || c == '+') {
            return true;
        }
        if (c == '?') {
            return false;
        }
        String[] bounds = quantifier.substring(1, quantifier.indexOf('}')).split(",", -1);
        return bounds.length == 2 && (bounds[1].isEmpty() || bound(bounds[1]) > 1)
                || bounds.length == 1 && bound(bounds[0]) > 1;
    }

    /** A repetition count; one too long to read is simply large. */
    private static long bound(String digits) {
        return digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    /** Whether the atom may match a varying number of times: a fixed {@code {3}} does not. */
    private static boolean varies(String quantifier) {
        char c = quantifier.charAt(0);
        if (c != '{') {
            return true;
        }
        String[] bounds = quantifier.substring(1, quantifier.indexOf('}')).split(",", -1);
        return bounds.length == 2 && (bounds[1].isEmpty() || bound(bounds[1]) != bound(bounds[0]));
    }
}
