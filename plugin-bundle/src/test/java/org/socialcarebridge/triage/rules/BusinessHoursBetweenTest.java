package org.socialcarebridge.triage.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Business time between two instants: the inverse of {@link BusinessHours#plus}, on the same windows. */
class BusinessHoursBetweenTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final BusinessHours WEEKDAYS = BusinessHours.weekdays();
    static final BusinessHours NEW_YORK_DESK = new BusinessHours(NEW_YORK, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(8, 0), LocalTime.of(20, 0), Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1),
            LocalDate.of(2026, 11, 26)));
    /** Open across both DST changes' hours (01:00-05:00 local), every day, one holiday on the spring change. */
    static final BusinessHours NIGHT_DESK = new BusinessHours(NEW_YORK, EnumSet.allOf(DayOfWeek.class), LocalTime.of(1, 0),
            LocalTime.of(5, 0), Set.of(LocalDate.of(2027, 3, 14)));
    /** Weekend shifts in London, opening inside the autumn overlap hour. */
    static final BusinessHours LONDON_WEEKEND = new BusinessHours(LONDON, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
            LocalTime.of(1, 30), LocalTime.of(9, 15), Set.of(LocalDate.of(2026, 12, 26)));

    static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static long minutes(BusinessHours hours, Instant from, Instant to) {
        return hours.between(from, to).toMinutes();
    }

    @Test
    void fridayEveningToMondayMorningIsHalfAnHourEachSide() {
        // 08:00-20:00 UTC weekdays: Friday 19:30-20:00 and Monday 08:00-08:30.
        assertEquals(60, minutes(WEEKDAYS, Instant.parse("2026-12-04T19:30:00Z"), Instant.parse("2026-12-07T08:30:00Z")));
    }

    @Test
    void insideOneWindowItIsWallClockTime() {
        assertEquals(Duration.ofMinutes(137).plusSeconds(12),
                WEEKDAYS.between(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T11:17:12Z")));
    }

    @Test
    void closedTimeCountsNothing() {
        assertEquals(Duration.ZERO, WEEKDAYS.between(Instant.parse("2026-12-05T09:00:00Z"), Instant.parse("2026-12-06T19:00:00Z")),
                "a weekend");
        assertEquals(Duration.ZERO, WEEKDAYS.between(Instant.parse("2026-12-01T20:00:00Z"), Instant.parse("2026-12-02T08:00:00Z")),
                "a night");
    }

    @Test
    void toBeforeFromIsZeroNotNegative() {
        Instant later = Instant.parse("2026-12-01T12:00:00Z");
        assertEquals(Duration.ZERO, WEEKDAYS.between(later, later.minusSeconds(3600)));
        assertEquals(Duration.ZERO, WEEKDAYS.between(later, later));
    }

    @Test
    void holidaysAreSkipped() {
        // Thursday 24th 18:00-20:00, the 25th a holiday, the weekend, Monday 28th 08:00-10:00.
        assertEquals(240, minutes(NEW_YORK_DESK, at(NEW_YORK, "2026-12-24T18:00"), at(NEW_YORK, "2026-12-28T10:00")));
        // Thanksgiving (a Thursday) closed too: Wednesday 19:00-20:00, Friday 08:00-09:00.
        assertEquals(120, minutes(NEW_YORK_DESK, at(NEW_YORK, "2026-11-25T19:00"), at(NEW_YORK, "2026-11-27T09:00")));
    }

    @Test
    void opensAndClosesByTheLocalClockAcrossDaylightSavingTime() {
        // Friday 18:00 EST to Monday 10:00 EDT: 2h + 2h, though 63 wall hours less one passed.
        assertEquals(240, minutes(NEW_YORK_DESK, at(NEW_YORK, "2026-03-06T18:00"), at(NEW_YORK, "2026-03-09T10:00")));
        // The night desk on 8 March 2026: 01:00 EST to 05:00 EDT is three real hours.
        assertEquals(180, minutes(NIGHT_DESK, at(NEW_YORK, "2026-03-08T00:00"), at(NEW_YORK, "2026-03-08T06:00")));
        // And on 1 November 2026, 01:00 EDT to 05:00 EST is five.
        assertEquals(300, minutes(NIGHT_DESK, Instant.parse("2026-11-01T04:00:00Z"), Instant.parse("2026-11-01T11:00:00Z")));
    }

    @Test
    void plusThenBetweenGivesBackTheDurationFromAnyInstant() {
        Random random = new Random(20261201);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (BusinessHours hours : new BusinessHours[]{WEEKDAYS, NEW_YORK_DESK, NIGHT_DESK, LONDON_WEEKEND}) {
            for (int i = 0; i < 3000; i++) {
                // Any second over two years, so inside and outside hours, weekends, holidays and DST changes.
                Instant from = base.plusSeconds(random.nextInt(2 * 366 * 24 * 3600));
                Duration work = Duration.ofSeconds(random.nextInt(i % 3 == 0 ? 120 * 3600 : 8 * 3600));
                Instant to = hours.plus(from, work);
                assertEquals(work, hours.between(from, to), () -> hours.zone() + " from " + from + " plus " + work + " = " + to);
            }
        }
    }

    @Test
    void betweenAddsUpOverAnyPointInBetweenAndNeverExceedsWallTime() {
        Random random = new Random(7);
        Instant base = Instant.parse("2026-02-20T00:00:00Z");
        for (BusinessHours hours : new BusinessHours[]{NEW_YORK_DESK, NIGHT_DESK, LONDON_WEEKEND}) {
            for (int i = 0; i < 2000; i++) {
                Instant a = base.plusSeconds(random.nextInt(400 * 24 * 3600));
                Instant b = a.plusSeconds(random.nextInt(10 * 24 * 3600));
                Instant c = b.plusSeconds(random.nextInt(10 * 24 * 3600));
                Duration whole = hours.between(a, c);
                assertEquals(whole, hours.between(a, b).plus(hours.between(b, c)), () -> a + " " + b + " " + c);
                assertTrue(whole.compareTo(Duration.between(a, c)) <= 0, () -> a + " " + c);
            }
        }
    }

    @Test
    void aFullOpenWeekIsFiveDaysOfHours() {
        // Monday 00:00 to the next Monday 00:00 in December (no holiday, no DST): 5 x 12h.
        assertEquals(Duration.ofHours(60), NEW_YORK_DESK.between(at(NEW_YORK, "2026-12-07T00:00"), at(NEW_YORK, "2026-12-14T00:00")));
    }
}
