package org.socialcarebridge.triage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.socialcarebridge.triage.Tier;

class BusinessHoursTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final BusinessHours DESK = new BusinessHours(NEW_YORK, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(8, 0), LocalTime.of(20, 0), Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1)));
    static final ResponseTarget FOUR_HOURS = ResponseTarget.of(Tier.P2, "4h", ResponseClock.BUSINESS, 50);

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(NEW_YORK).toInstant();
    }

    static String due(String arrived, ResponseTarget target) {
        return target.due(local(arrived), DESK).atZone(NEW_YORK).toLocalDateTime().toString();
    }

    @Test
    void insideOpenHoursTheTargetIsPlainTime() {
        assertEquals("2026-12-01T14:00", due("2026-12-01T10:00", FOUR_HOURS));
    }

    @Test
    void anEveningMessageIsDueNextMorning() {
        assertEquals("2026-12-02T12:00", due("2026-12-01T21:00", FOUR_HOURS));
        assertEquals("2026-12-01T12:00", due("2026-12-01T06:30", FOUR_HOURS), "before opening: counted from 08:00");
        assertEquals("2026-12-02T10:00", due("2026-12-01T18:00", FOUR_HOURS), "2h tonight, 2h tomorrow");
    }

    @Test
    void theWeekendIsSkipped() {
        assertEquals("2026-12-07T11:50", due("2026-12-04T19:50", FOUR_HOURS), "Friday 19:50 + 4h: Monday 11:50");
        assertEquals("2026-12-07T12:00", due("2026-12-05T09:00", FOUR_HOURS), "arrived on Saturday");
    }

    @Test
    void holidaysAreSkipped() {
        // Thursday 24th: 2h left; Friday 25th a holiday; the weekend; Monday 28th.
        assertEquals("2026-12-28T10:00", due("2026-12-24T18:00", FOUR_HOURS));
        assertEquals("2027-01-04T12:00", due("2026-12-31T20:30", FOUR_HOURS), "New Year's Day on a Friday");
    }

    @Test
    void aDayOfBusinessTimeIsOneBusinessDaysHours() {
        ResponseTarget day = ResponseTarget.of(Tier.P3, "1d", ResponseClock.BUSINESS, 20);
        assertEquals(Duration.ofHours(12), DESK.dayLength());
        assertEquals("2026-12-02T10:00", due("2026-12-01T10:00", day));
        assertEquals("2026-12-07T10:00", due("2026-12-04T10:00", day), "Friday: Monday, same time");
        assertEquals("2026-12-02T11:30", due("2026-12-01T10:00", ResponseTarget.of(Tier.P3, "1d1h30m", ResponseClock.BUSINESS, 20)));
    }

    @Test
    void theAlwaysClockIgnoresHoursWeekendsAndHolidays() {
        ResponseTarget p1 = ResponseTarget.of(Tier.P1, "30m", ResponseClock.ALWAYS, 90);
        assertEquals("2026-12-26T00:20", due("2026-12-25T23:50", p1));
    }

    @Test
    void openingFollowsTheClockAcrossDaylightSavingTime() {
        // Clocks go forward on Sunday 8 March 2026: Friday 18:00 EST, 2h that evening, Monday 10:00 EDT.
        Instant due = FOUR_HOURS.due(local("2026-03-06T18:00"), DESK);
        assertEquals(Instant.parse("2026-03-09T14:00:00Z"), due);
        assertEquals("Mon 10:00 EDT", DESK.format(due));
        assertEquals("Fri 18:00 EST", DESK.format(local("2026-03-06T18:00")));
        // And back on Sunday 1 November: Friday 19:00 EDT, 1h, Monday 11:00 EST.
        assertEquals(Instant.parse("2026-11-02T16:00:00Z"), FOUR_HOURS.due(local("2026-10-30T19:00"), DESK));
    }

    @Test
    void aDeskOpenAcrossTheSpringGapIsOpenAnHourLessThatDay() {
        BusinessHours night = new BusinessHours(NEW_YORK, EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 0),
                LocalTime.of(5, 0), Set.of());
        // 01:00 EST to 05:00 EDT on 8 March is three real hours.
        assertEquals(Instant.parse("2026-03-08T09:00:00Z"), night.plus(local("2026-03-08T01:00"), Duration.ofHours(3)));
        assertEquals(Instant.parse("2026-03-09T06:00:00Z"), night.plus(local("2026-03-08T01:00"), Duration.ofHours(4)));
    }

    @Test
    void respondWithinIsReadStrictly() {
        assertEquals(Duration.ofMinutes(90), ResponseTarget.of(Tier.P1, "1h30m", ResponseClock.ALWAYS, 1).time());
        assertEquals(2, ResponseTarget.of(Tier.P1, "2D", ResponseClock.ALWAYS, 1).days());
        assertEquals(null, ResponseTarget.of(Tier.P1, "0m", ResponseClock.ALWAYS, 1));
        assertEquals(null, ResponseTarget.of(Tier.P1, "soon", ResponseClock.ALWAYS, 1));
        assertEquals(null, ResponseTarget.of(Tier.P1, "30", ResponseClock.ALWAYS, 1));
    }
}
