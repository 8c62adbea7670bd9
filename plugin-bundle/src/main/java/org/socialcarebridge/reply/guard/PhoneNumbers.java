package org.socialcarebridge.reply.guard;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers, in the forms people write them:
 * <ul>
 * <li>international: {@code +} and 8 to 15 digits (E.164), together or in groups, e.g. {@code +44 20 7946 0958},
 * {@code +1 (212) 555-0147}, {@code +44 (0)20 7946 0958};</li>
 * <li>national with a trunk prefix: a leading {@code 0} and 9 to 12 digits in groups, e.g. {@code 020 7946 0958},
 * {@code (020) 7946 0958}, {@code 07700 900123}: most numbering plans outside North America dial a 0 first;</li>
 * <li>North American: {@code (212) 555-0147}, {@code 212-555-0147}, {@code 212.555.0147}, {@code 1-800-555-0147},
 * whose area code and exchange cannot start with 0 or 1;</li>
 * <li>anything else of 7 to 15 digits (e.g. {@code 555-0147}) only right after a cue word: call, phone,
 * telephone, tel, mobile, ring, cell.</li>
 * </ul>
 * Requiring groups, a leading {@code +}, {@code 0} or the North American shape keeps prices, times,
 * dates, "24/7", "1-2 days" and lists of small numbers out. Numbers the administrator's patterns name
 * are reported as those instead ({@link SensitiveDataGuard} keeps the earlier kind where two overlap).
 */
final class PhoneNumbers implements Detector {
    private static final String BEFORE = "(?<![\\w+\\-./,])";
    private static final String AFTER = "(?![\\w]|[-./,:]\\d)";
    private static final Pattern INTERNATIONAL = Pattern.compile("(?<![\\w+])\\+(?:\\d{8,15}+"
            + "|\\d{1,4}+(?:[ .-]?\\(\\d{1,4}+\\)[ .-]?\\d{1,6}+)?(?:[ .-]\\d{1,6}+){0,6}+)(?!\\d)");
    private static final Pattern TRUNK = Pattern.compile(BEFORE
            + "(?:\\(0\\d{1,4}+\\)[ -]?\\d{2,8}+|0\\d{1,4}+[ -]\\d{2,8}+)(?:[ -]\\d{2,8}+){0,3}+" + AFTER);
    private static final Pattern NORTH_AMERICAN = Pattern.compile(BEFORE
            + "(?:1[ .-])?(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[ .-])[2-9]\\d{2}[ .-]\\d{4}" + AFTER);
    private static final Pattern CUED = Pattern.compile(BEFORE + "\\d{2,8}+(?:[ -]\\d{2,8}+){0,4}+" + AFTER);
    /** A cue word, then up to a few words without digits before the number ("call us on", "tel:"). */
    private static final Pattern CUE = Pattern.compile(
            "(?<![a-z])(?:call|phone|telephone|tel|mobile|ring|cell)(?:s|ed|ing)?(?![a-z])[^\\d\\n]{0,20}$",
            Pattern.CASE_INSENSITIVE);
    private static final int CUE_WINDOW = 40;

    @Override
    public void find(String text, List<Finding> found) {
        add(text, INTERNATIONAL, 8, 15, false, found);
        add(text, NORTH_AMERICAN, 10, 11, false, found);
        add(text, TRUNK, 9, 12, false, found);
        add(text, CUED, 7, 15, true, found);
    }

    private static void add(String text, Pattern form, int minDigits, int maxDigits, boolean cued, List<Finding> found) {
        Matcher m = form.matcher(text);
        Matcher cue = CUE.matcher(text).useTransparentBounds(true);
        while (m.find()) {
            String digits = ReadableText.digitsOf(m.group());
            if (digits.length() < minDigits || digits.length() > maxDigits) {
                continue;
            }
            if (cued && !cue.region(Math.max(0, m.start() - CUE_WINDOW), m.start()).find()) {
                continue;
            }
            found.add(new Finding(SensitiveData.PHONE, SensitiveData.PHONE.noun(),
                    "••• ••• •" + digits.substring(digits.length() - 3), m.start(), m.end()));
        }
    }
}
