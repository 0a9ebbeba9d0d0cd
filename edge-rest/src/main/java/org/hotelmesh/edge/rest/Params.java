package org.hotelmesh.edge.rest;

import org.hotelmesh.edge.api.CountryCode;
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.PageQuery;
import org.hotelmesh.edge.api.Problem.FieldViolation;
import org.hotelmesh.edge.api.ReservationInput;
import org.hotelmesh.edge.api.When;
import org.hotelmesh.edge.error.InvalidRequestException;
import org.hotelmesh.edge.error.Validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Path and query parameters arrive as strings and are parsed here, so a malformed one is a 400 problem with a
 * clear message instead of JAX-RS' bare 404.
 */
final class Params {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_PAGE_TOKEN = 512;
    /** Longest stay one booking may cover. */
    static final int MAX_BOOKING_NIGHTS = 30;
    /** Most rooms one booking may hold. */
    static final int MAX_ROOMS = 9;
    /** Longest date range of availability, inventory and maintenance requests. */
    static final int MAX_RANGE_DAYS = 366;

    private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]{1,19}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern RESERVATION_ID = Pattern.compile(ReservationInput.ID_PATTERN);

    private Params() {
    }

    /** A positive 64-bit id; {@code what} names it in the message ("hotel", "room type", "room"). */
    static long id(String raw, String what) {
        long value;
        try {
            // ASCII digits only: Long.parseLong would also read Arabic-Indic or fullwidth digits
            value = raw != null && ASCII_DIGITS.matcher(raw).matches() ? Long.parseLong(raw) : -1;
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value <= 0) {
            throw new InvalidRequestException(what + " id must be a positive integer");
        }
        return value;
    }

    /** An optional country filter: empty means all countries. */
    static String country(String raw) {
        if (raw != null && !raw.isEmpty() && !new CountryCode.Validator().isValid(raw, null)) {
            throw new InvalidRequestException("country must be an ISO-3166 alpha-2 code such as KR");
        }
        return raw;
    }

    static PageQuery page(String pageSize, String pageToken) {
        int size = DEFAULT_PAGE_SIZE;
        if (pageSize != null) {
            try {
                size = ASCII_DIGITS.matcher(pageSize).matches() ? Integer.parseInt(pageSize) : -1;
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_PAGE_SIZE) {
                throw new InvalidRequestException("pageSize must be an integer between 1 and " + MAX_PAGE_SIZE);
            }
        }
        if (pageToken != null && pageToken.length() > MAX_PAGE_TOKEN) {
            throw new InvalidRequestException("pageToken is not a token this API issued");
        }
        return new PageQuery(size, pageToken == null ? "" : pageToken);
    }

    /**
     * startDate and endDate of a booking or a range, checked together: both ISO dates (YYYY-MM-DD), endDate after
     * startDate, at most {@code max} {@code unit}. Adds a violation per bad field; returns null if there was one.
     * Whether a date is in the past is reservation-svc's call: only it knows the hotel's time zone.
     */
    static DateSpan span(String start, String end, int max, String unit, List<FieldViolation> errors) {
        LocalDate from = date(start, "startDate", errors);
        LocalDate to = date(end, "endDate", errors);
        if (from == null || to == null) {
            return null;
        }
        if (!to.isAfter(from)) {
            errors.add(new FieldViolation("endDate", "must be after startDate"));
            return null;
        }
        if (ChronoUnit.DAYS.between(from, to) > max) {
            errors.add(new FieldViolation("endDate", "must be at most " + max + " " + unit + " after startDate"));
            return null;
        }
        return new DateSpan(from, to);
    }

    /**
     * startDate and endDate of a change, both or neither: null (and no violation) when neither is given; else as
     * {@link #span}. Only one of them is a violation naming the one missing.
     */
    static DateSpan optionalSpan(String start, String end, int max, String unit, List<FieldViolation> errors) {
        boolean noStart = start == null || start.isEmpty();
        boolean noEnd = end == null || end.isEmpty();
        if (noStart && noEnd) {
            return null;
        }
        if (noStart != noEnd) {
            String missing = noStart ? "startDate" : "endDate";
            String given = noStart ? "endDate" : "startDate";
            errors.add(new FieldViolation(missing, "is required with " + given + " (YYYY-MM-DD): give both dates or"
                    + " neither"));
            date(noStart ? end : start, given, errors);
            return null;
        }
        return span(start, end, max, unit, errors);
    }

    /** An optional date query parameter: absent or empty is empty, else YYYY-MM-DD or a 400 naming it. */
    static Optional<LocalDate> optionalDate(String raw, String field) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        List<FieldViolation> errors = new ArrayList<>();
        LocalDate date = date(raw, field, errors);
        if (date == null) {
            throw Validation.invalid(errors);
        }
        return Optional.of(date);
    }

    /** A positive id in a query parameter named {@code field}; absent or empty is 0 when not {@code required}. */
    static long queryId(String raw, String field, boolean required, List<FieldViolation> errors) {
        if (raw == null || raw.isEmpty()) {
            if (required) {
                errors.add(new FieldViolation(field, "is required"));
            }
            return 0;
        }
        long value;
        try {
            value = ASCII_DIGITS.matcher(raw).matches() ? Long.parseLong(raw) : -1;
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value <= 0) {
            errors.add(new FieldViolation(field, "must be a positive id"));
            return 0;
        }
        return value;
    }

    /** A room count in a query parameter: 1..9; absent or empty is 0 (unchanged). */
    static int queryRooms(String raw, List<FieldViolation> errors) {
        if (raw == null || raw.isEmpty()) {
            return 0;
        }
        int value = raw.length() == 1 && ASCII_DIGITS.matcher(raw).matches() ? Integer.parseInt(raw) : 0;
        if (value < 1 || value > MAX_ROOMS) {
            errors.add(new FieldViolation("rooms", "must be between 1 and " + MAX_ROOMS));
            return 0;
        }
        return value;
    }

    /** A range of dates from query parameters: 1..366 days, else a 400 naming the bad parameters. */
    static DateSpan range(String start, String end) {
        List<FieldViolation> errors = new ArrayList<>();
        DateSpan span = span(start, end, MAX_RANGE_DAYS, "days", errors);
        if (span == null) {
            throw Validation.invalid(errors);
        }
        return span;
    }

    private static LocalDate date(String raw, String field, List<FieldViolation> errors) {
        if (raw == null || raw.isEmpty()) {
            errors.add(new FieldViolation(field, "is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            // The pattern keeps out what ISO parsing would accept beyond the contract, like "+12027-01-01".
            if (ISO_DATE.matcher(raw).matches()) {
                return LocalDate.parse(raw);
            }
        } catch (DateTimeParseException e) {
            // an impossible date such as 2027-02-30: reported below
        }
        errors.add(new FieldViolation(field, "must be a valid date in the form YYYY-MM-DD"));
        return null;
    }

    /** A reservation id from the path: the idempotency key's syntax, so a malformed one never reaches a service. */
    static String reservationId(String raw) {
        if (raw == null || !RESERVATION_ID.matcher(raw).matches()) {
            throw new InvalidRequestException("reservation id " + ReservationInput.ID_RULE);
        }
        return raw;
    }

    static boolean isReservationId(String raw) {
        return raw != null && RESERVATION_ID.matcher(raw).matches();
    }

    /** A true/false query flag; absent is false. */
    static boolean flag(String raw, String name) {
        if (raw == null || raw.equals("false")) {
            return false;
        }
        if (raw.equals("true")) {
            return true;
        }
        throw new InvalidRequestException(name + " must be true or false");
    }

    /** The when filter of reservation lists: upcoming, past or all (the default). */
    static When when(String raw) {
        return When.parse(raw).orElseThrow(() -> new InvalidRequestException("when must be upcoming, past or all"));
    }
}
