package org.hotelmesh.reservation.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The calendar of inventory-wide work that has no single hotel (roll-forward, ratio changes, capacity reports,
 * HasFutureReservations, UPCOMING/PAST). Hotel dates are local dates, and local dates run from UTC-12 to UTC+14, so
 * the earliest date that is still "today" in some hotel is today at UTC-12: work from that date on never misses a
 * night still sellable somewhere (it may touch the night just ended of a hotel far east of it, which is harmless).
 */
public final class SalesCalendar {

    /** The westernmost offset in use: where the calendar day ends last. */
    private static final ZoneOffset LAST_TO_END = ZoneOffset.ofHours(-12);

    private SalesCalendar() {
    }

    /** The earliest local date that is today in any time zone. */
    public static LocalDate earliestToday(Clock clock) {
        return LocalDate.now(clock.withZone(LAST_TO_END));
    }
}
