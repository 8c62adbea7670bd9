package org.socialcarebridge.reply.guard;

import static org.socialcarebridge.reply.guard.ReadableText.isDigit;

import java.util.ArrayList;
import java.util.List;

/**
 * Payment card numbers: 13 to 19 digits, written together or in groups split by single spaces or
 * dashes, that pass the Luhn check. The check is what tells a card from an order or tracking number
 * of the same length: only one in ten arbitrary numbers passes it.
 *
 * <p>Scanned by hand rather than by regex: a text is read once into runs of digit groups, and only
 * stretches of whole groups holding 13 to 19 digits are checked, so the work stays linear. In a
 * stretch of several groups every group has at least three digits, so a list of small numbers
 * ("1 2 3 …") is not read as one long number. A card written inside a longer grouped number is
 * still found (a stretch of it may pass Luhn); that errs on the side of not posting.
 */
final class CardNumbers implements Detector {
    static final int MIN_DIGITS = 13;
    static final int MAX_DIGITS = 19;
    private static final int MIN_GROUP = 3;

    /** Whether to report only Luhn-valid numbers; a template checks for any card-like number. */
    private final boolean luhnOnly;

    CardNumbers(boolean luhnOnly) {
        this.luhnOnly = luhnOnly;
    }

    @Override
    public void find(String text, List<Finding> found) {
        int n = text.length();
        int i = 0;
        List<int[]> groups = new ArrayList<>();
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            groups.clear();
            int j = i;
            while (true) {
                int groupStart = j;
                while (j < n && isDigit(text.charAt(j))) {
                    j++;
                }
                groups.add(new int[] {groupStart, j});
                char sep = j < n ? text.charAt(j) : 0;
                if ((sep == ' ' || sep == '-') && j + 1 < n && isDigit(text.charAt(j + 1))) {
                    j++;
                } else {
                    break;
                }
            }
            examine(text, groups, found);
            i = j;
        }
    }

    private void examine(String text, List<int[]> groups, List<Finding> found) {
        for (int a = 0; a < groups.size(); a++) {
            int digits = 0;
            for (int b = a; b < groups.size(); b++) {
                int length = groups.get(b)[1] - groups.get(b)[0];
                if (b > a && (length < MIN_GROUP || groups.get(a)[1] - groups.get(a)[0] < MIN_GROUP)) {
                    break;
                }
                digits += length;
                if (digits > MAX_DIGITS) {
                    break;
                }
                int start = groups.get(a)[0];
                int end = groups.get(b)[1];
                String number = ReadableText.digitsOf(text.subSequence(start, end));
                if (digits >= MIN_DIGITS && number.charAt(0) != '0' && (!luhnOnly || passesLuhn(number))) {
                    found.add(new Finding(SensitiveData.CARD_NUMBER, SensitiveData.CARD_NUMBER.noun(),
                            masked(number), start, end));
                    a = b;
                    break;
                }
            }
        }
    }

    /** The last four digits only, in a fixed shape that does not tell the number's length either. */
    static String masked(String digits) {
        return "•••• •••• •••• " + digits.substring(digits.length() - 4);
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
