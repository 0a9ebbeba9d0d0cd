package org.hotelmesh.rate.search;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.hotelmesh.support.error.InvalidInput;
import org.hotelmesh.support.error.ServiceException.Violation;
import org.hotelmesh.support.validation.PlainText;
import org.hotelmesh.support.validation.StayRules;

/**
 * What a stay search may ask, every violation at once, named as the REST API names the fields: a place, a stay a
 * guest could book (1 to 30 nights, not over anywhere yet), rooms, and guests who fit in them.
 */
final class SearchRules {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    /** Guests one room may hold at most (the catalog's highest max occupancy). */
    static final int MAX_GUESTS_PER_ROOM = 20;
    /** The earliest calendar on Earth: a date before its today has passed in every hotel. */
    private static final ZoneOffset EARLIEST = ZoneOffset.ofHours(-12);
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

    private SearchRules() {
    }

    static void check(SearchAsk ask, Clock clock) {
        List<Violation> v = new ArrayList<>();
        if (ask.city() == null && ask.country() == null) {
            v.add(new Violation("city", "city or country is required"));
        }
        if (ask.city() != null && (ask.city().length() > 100 || PlainText.problem(ask.city()).isPresent())) {
            v.add(new Violation("city", "must be at most 100 characters of text"));
        }
        if (ask.country() != null && !COUNTRY.matcher(ask.country()).matches()) {
            v.add(new Violation("country", "must be an ISO-3166 alpha-2 code in upper case, e.g. KR"));
        }
        stay(v, ask.startDate(), ask.endDate(), ask.rooms(), ask.guests(), clock);
        if (ask.pageSize() < 0 || ask.pageSize() > MAX_PAGE_SIZE) {
            v.add(new Violation("pageSize", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        StayRules.throwIfAny(v);
    }

    static void checkHotel(long hotelId, LocalDate start, LocalDate end, int rooms, int guests, Clock clock) {
        List<Violation> v = new ArrayList<>();
        StayRules.positiveId(v, "hotelID", hotelId);
        stay(v, start, end, rooms, guests, clock);
        StayRules.throwIfAny(v);
    }

    /** When the stay starts before the hotel's own today (it has passed there, though not everywhere). */
    static InvalidInput pastThere(LocalDate today, String zone) {
        return new InvalidInput("startDate", "must not be in the past; today is " + today
                + " in the hotel's time zone (" + zone + ")");
    }

    private static void stay(List<Violation> v, LocalDate start, LocalDate end, int rooms, int guests, Clock clock) {
        StayRules.dates(v, start, end, StayRules.MAX_NIGHTS, "nights", "must be after startDate");
        if (start != null && start.isBefore(LocalDate.now(clock.withZone(EARLIEST)))) {
            v.add(new Violation("startDate", "must not be in the past"));
        }
        StayRules.rooms(v, rooms);
        if (rooms >= 1 && rooms <= StayRules.MAX_ROOMS
                && (guests < rooms || guests > rooms * MAX_GUESTS_PER_ROOM)) {
            v.add(new Violation("guests", "must be between " + rooms + " and " + rooms * MAX_GUESTS_PER_ROOM
                    + " for " + rooms + (rooms == 1 ? " room" : " rooms") + " (every room holds at least one guest)"));
        }
    }
}
