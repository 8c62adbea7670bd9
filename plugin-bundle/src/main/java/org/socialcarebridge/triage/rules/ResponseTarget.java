package org.socialcarebridge.triage.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socialcarebridge.triage.Tier;

/**
 * What one tier promises: the first response within a time, on a clock, and the help desk priority
 * its tickets get.
 *
 * @param days          whole days of the target; on the business clock a day is one business day's
 *                      hours, so "1d" means "by the same time next business day"
 * @param time          the rest, in hours and minutes
 * @param respondWithin the target as written in the file ("4h"), for explanations
 */
public record ResponseTarget(Tier tier, int days, Duration time, ResponseClock clock, int priority,
                             String respondWithin) {
    private static final Pattern WRITTEN = Pattern.compile("(?:(\\d{1,3})d)?(?:(\\d{1,4})h)?(?:(\\d{1,5})m)?");

    /** Reads "30m", "4h", "1d", "1h30m", "2d4h"; answers null for anything else, or for zero. */
    public static ResponseTarget of(Tier tier, String respondWithin, ResponseClock clock, int priority) {
        String v = respondWithin.strip().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        Matcher m = WRITTEN.matcher(v);
        if (v.isEmpty() || !m.matches()) {
            return null;
        }
        int days = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        Duration time = Duration.ofHours(m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
                .plusMinutes(m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
        if (days == 0 && time.isZero()) {
            return null;
        }
        return new ResponseTarget(tier, days, time, clock, priority, v);
    }

    public Instant due(Instant now, BusinessHours hours) {
        if (clock == ResponseClock.ALWAYS) {
            return now.plus(Duration.ofDays(days)).plus(time);
        }
        return hours.plus(now, hours.dayLength().multipliedBy(days).plus(time));
    }
}
