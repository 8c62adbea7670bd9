package org.socialcarebridge.triage.rules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;

/**
 * When the desk is staffed: the same opening hours on the listed days, in one time zone, except
 * holidays. Opening and closing are local times, so they follow DST changes; the time in between is
 * real elapsed time, so on the night clocks go forward a desk open across 02:00 is open an hour less.
 */
public final class BusinessHours {
    /** Beyond this the holidays would have to cover every open day for years; the list is finite, so never reached. */
    private static final int MAX_DAYS = 3 * 366;

    private final ZoneId zone;
    private final Set<DayOfWeek> days;
    private final LocalTime open;
    private final LocalTime close;
    private final Set<LocalDate> holidays;
    private final String standardName;
    private final String daylightName;

    public BusinessHours(ZoneId zone, Set<DayOfWeek> days, LocalTime open, LocalTime close, Set<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("business hours need at least one open day");
        }
        if (!close.isAfter(open)) {
            throw new IllegalArgumentException("close " + close + " must be after open " + open);
        }
        this.days = Set.copyOf(EnumSet.copyOf(days));
        this.open = open;
        this.close = close;
        this.holidays = Set.copyOf(holidays);
        // Looked up once: the JDK's time zone names cost microseconds per call, and every decision shows one.
        TimeZone tz = TimeZone.getTimeZone(zone);
        this.standardName = tz.getDisplayName(false, TimeZone.SHORT, Locale.ENGLISH);
        this.daylightName = tz.getDisplayName(true, TimeZone.SHORT, Locale.ENGLISH);
    }

    /** Monday to Friday, 08:00 to 20:00 UTC, no holidays: what a file without businessHours gets. */
    public static BusinessHours weekdays() {
        return new BusinessHours(ZoneId.of("UTC"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 0), LocalTime.of(20, 0), Set.of());
    }

    public ZoneId zone() {
        return zone;
    }

    public Set<DayOfWeek> days() {
        return days;
    }

    public LocalTime open() {
        return open;
    }

    public LocalTime close() {
        return close;
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    /** "Mon 11:50 EST": an instant as the desk reads it, in explanations. */
    public String format(Instant instant) {
        ZonedDateTime t = instant.atZone(zone);
        String day = t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        String name = zone.getRules().isDaylightSavings(instant) ? daylightName : standardName;
        return day + ' ' + (t.getHour() < 10 ? "0" : "") + t.getHour() + ':' + (t.getMinute() < 10 ? "0" : "")
                + t.getMinute() + ' ' + name;
    }

    /** The length of one business day: what "1d" of business time means. */
    public Duration dayLength() {
        return Duration.between(open, close);
    }

    public boolean isOpenOn(LocalDate date) {
        return days.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** The instant when {@code work} of open time has passed since {@code start}. */
    public Instant plus(Instant start, Duration work) {
        Duration left = work;
        LocalDate date = start.atZone(zone).toLocalDate();
        Instant at = start;
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
            if (!isOpenOn(date)) {
                continue;
            }
            // ZonedDateTime.of moves a time inside a DST gap forward, so the window is always valid.
            Instant from = ZonedDateTime.of(date, open, zone).toInstant();
            Instant to = ZonedDateTime.of(date, close, zone).toInstant();
            if (at.isBefore(from)) {
                at = from;
            }
            if (!at.isBefore(to)) {
                continue;
            }
            Duration available = Duration.between(at, to);
            if (left.compareTo(available) <= 0) {
                return at.plus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalStateException("no open business time within " + MAX_DAYS + " days of " + start);
    }

    /**
     * The open time between two instants, counted on the same daily windows as {@link #plus}, so that
     * {@code between(a, plus(a, d))} is {@code d}: what a first response took in business hours. Zero
     * when {@code to} is not after {@code from} (a reply stamped before the message, by skewed clocks).
     */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate date = from.atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            if (!isOpenOn(date)) {
                continue;
            }
            Instant windowOpen = ZonedDateTime.of(date, open, zone).toInstant();
            Instant windowClose = ZonedDateTime.of(date, close, zone).toInstant();
            Instant start = from.isAfter(windowOpen) ? from : windowOpen;
            Instant end = to.isBefore(windowClose) ? to : windowClose;
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }
}
