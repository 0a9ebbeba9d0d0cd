package org.hotelmesh.support.validation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

import org.hotelmesh.support.error.InvalidInput;
import org.hotelmesh.support.error.ServiceException.Violation;

/**
 * The rules of a stay, one copy for every service that takes one: what can be priced (rate-svc) can be booked
 * (reservation-svc). Each check adds its violations to the caller's list, so a client learns every bad field in one
 * round trip; field names are the REST names.
 */
public final class StayRules {

    public static final int MAX_NIGHTS = 30;
    public static final int MAX_ROOMS = 9;
    /** Longest date range of one read or write over nights (a year and a day). */
    public static final int MAX_RANGE_DAYS = 366;

    private static final Pattern GUEST_ID = Pattern.compile("^[^\\x00-\\x1f]{1,128}$");

    private StayRules() {
    }

    /**
     * startDate and endDate: both real dates (null means the request left one unset or gave an impossible date), end
     * after start, at most {@code max} {@code unit} apart; {@code endNotAfterStart} is what a client is told when the
     * end is not after the start.
     */
    public static void dates(List<Violation> v, LocalDate start, LocalDate end, int max, String unit,
            String endNotAfterStart) {
        if (start == null) {
            v.add(new Violation("startDate", "is required and must be a valid date"));
        }
        if (end == null) {
            v.add(new Violation("endDate", "is required and must be a valid date"));
        }
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                v.add(new Violation("endDate", endNotAfterStart));
            } else if (ChronoUnit.DAYS.between(start, end) > max) {
                v.add(new Violation("endDate", "must be at most " + max + " " + unit + " after startDate"));
            }
        }
    }

    public static void rooms(List<Violation> v, int rooms) {
        if (rooms < 1 || rooms > MAX_ROOMS) {
            v.add(new Violation("rooms", "must be between 1 and " + MAX_ROOMS));
        }
    }

    public static void guestId(List<Violation> v, String guestId) {
        if (guestId == null || !GUEST_ID.matcher(guestId).matches()) {
            v.add(new Violation("guestID", "is required (1 to 128 characters)"));
        }
    }

    public static void positiveId(List<Violation> v, String field, long id) {
        if (id <= 0) {
            v.add(new Violation(field, "must be a positive id"));
        }
    }

    /** Fails with every violation found, if any. */
    public static void throwIfAny(List<Violation> v) {
        if (!v.isEmpty()) {
            throw new InvalidInput(v);
        }
    }
}
