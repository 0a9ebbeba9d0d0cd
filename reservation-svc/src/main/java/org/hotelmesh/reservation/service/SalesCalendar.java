package org.hotelmesh.reservation.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * "Today" for inventory-wide work that has no single hotel (roll-forward, ratio changes, capacity reports,
 * HasFutureReservations, UPCOMING/PAST): UTC today minus one day. Hotel dates are local dates and zones run from
 * UTC-12 to UTC+14, so UTC-1 day is never later than any hotel's local today: a change may touch yesterday's row of
 * a hotel east of UTC (harmless), but never misses a night that is still sellable somewhere.
 */
public final class SalesCalendar {

    private SalesCalendar() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
    }
}
