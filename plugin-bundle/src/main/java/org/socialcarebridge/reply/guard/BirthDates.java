package org.socialcarebridge.reply.guard;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth: a full date (day, month and year) written {@code 12/03/1985}, {@code 12.03.1985},
 * {@code 1985-03-12}, {@code 12 March 1985}, {@code 12th of March, 1985} or {@code March 12, 1985}, that is
 * <ul>
 * <li>near a cue (born, birthday, birth date, date of birth, DOB, d.o.b, up to 40 characters before or
 * 25 after) with a year from 1900 to ten years ago, or</li>
 * <li>anywhere, with a year from 1900 to sixteen years ago, unless a word just before it says what
 * else the date is ("since", "joined", "ordered", "issued", "expires"…).</li>
 * </ul>
 * The second rule is deliberate. A reply to one customer that names a full day of a year the customer
 * could have been born in is, far more often than not, their date of birth read off the account (agents
 * confirm identity with it); the dates care replies are about (orders, bookings, outages) are recent.
 * Missing one posts an identity-theft key for good; a false alarm costs the agent a rewording or a
 * private message. A year alone, a month and year, or a day and month are not dates of birth.
 * A numeric date counts when it is a real day read either day-first or month-first.
 */
final class BirthDates implements Detector {
    private static final String MONTHS = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String ORDINAL = "(?:st|nd|rd|th)?";
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(?<![\\d/.-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})(?!\\d|[/.-]\\d)");
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(?<![\\d/.-])(\\d{4})([/.-])(\\d{1,2})\\2(\\d{1,2})(?!\\d|[/.-]\\d)");
    private static final Pattern DAY_MONTH_NAME = Pattern.compile(
            "(?<![\\w])(\\d{1,2})" + ORDINAL + "(?: of)? " + MONTHS + ",? (\\d{4})(?!\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_NAME_DAY = Pattern.compile(
            "(?<![\\w])" + MONTHS + " (\\d{1,2})" + ORDINAL + ",? (\\d{4})(?!\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CUE = Pattern.compile(
            "(?<![a-z])(?:born|birthday|birth date|birthdate|date of birth|dob|d\\.o\\.b)(?![a-z])", Pattern.CASE_INSENSITIVE);
    /** Words that, right before a date, say it is not a birth: "member since 01/01/2001", "ordered on …". */
    private static final Pattern OTHER_DATE = Pattern.compile("(?<![a-z])(?:since|joined|member|opened|ordered|order|purchased"
            + "|bought|booked|booking|invoiced?|dated|issued|shipped|delivered|expires?|expired|renewed|registered|signed up"
            + "|founded|established|started|valid|until|from)(?![a-z])[^\\d\\n]{0,12}$", Pattern.CASE_INSENSITIVE);
    private static final int OTHER_DATE_BEFORE = 30;
    private static final int CUE_BEFORE = 40;
    private static final int CUE_AFTER = 25;
    private static final int FIRST_YEAR = 1900;

    private final Clock clock;

    BirthDates(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void find(String text, List<Finding> found) {
        int thisYear = Year.now(clock).getValue();
        Matcher cue = CUE.matcher(text).useTransparentBounds(true);
        Matcher other = OTHER_DATE.matcher(text).useTransparentBounds(true);
        Matcher m = DAY_FIRST.matcher(text);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            int year = Integer.parseInt(m.group(4));
            if (isDay(year, b, a) || isDay(year, a, b)) {
                add(text, cue, other, m, year, thisYear, found);
            }
        }
        m = YEAR_FIRST.matcher(text);
        while (m.find()) {
            int year = Integer.parseInt(m.group(1));
            if (isDay(year, Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)))) {
                add(text, cue, other, m, year, thisYear, found);
            }
        }
        m = DAY_MONTH_NAME.matcher(text);
        while (m.find()) {
            int year = Integer.parseInt(m.group(3));
            if (isDay(year, month(m.group(2)), Integer.parseInt(m.group(1)))) {
                add(text, cue, other, m, year, thisYear, found);
            }
        }
        m = MONTH_NAME_DAY.matcher(text);
        while (m.find()) {
            int year = Integer.parseInt(m.group(3));
            if (isDay(year, month(m.group(1)), Integer.parseInt(m.group(2)))) {
                add(text, cue, other, m, year, thisYear, found);
            }
        }
    }

    private static void add(String text, Matcher cue, Matcher other, Matcher date, int year, int thisYear,
            List<Finding> found) {
        if (year < FIRST_YEAR || year > thisYear - 10) {
            return;
        }
        boolean cued = cue.region(Math.max(0, date.start() - CUE_BEFORE), Math.min(text.length(), date.end() + CUE_AFTER)).find();
        if (cued || year <= thisYear - 16 && !other.region(Math.max(0, date.start() - OTHER_DATE_BEFORE), date.start()).find()) {
            // The century tells the agent which date it is; the year would narrow the customer down.
            found.add(new Finding(SensitiveData.DATE_OF_BIRTH, SensitiveData.DATE_OF_BIRTH.noun(),
                    "••/••/" + (year / 100) + "••", date.start(), date.end()));
        }
    }

    private static boolean isDay(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static int month(String name) {
        String prefix = name.substring(0, 3).toUpperCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.name().startsWith(prefix)) {
                return month.getValue();
            }
        }
        return 0;
    }
}
