package org.hotelmesh.reservation.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hotelmesh.reservation.domain.BookingRequest;
import org.hotelmesh.reservation.domain.CancellationPolicy;
import org.hotelmesh.reservation.domain.ChangeRequest;
import org.hotelmesh.reservation.domain.PageRequest;
import org.hotelmesh.support.catalog.HotelInfo;
import org.hotelmesh.support.error.InvalidInput;
import org.hotelmesh.support.error.ServiceException.Violation;
import org.hotelmesh.support.paging.PageToken;
import org.hotelmesh.support.validation.PlainText;
import org.hotelmesh.support.validation.StayRules;

/**
 * Validates client-supplied values, collecting every violation so a client can fix them in one round trip. Field
 * names are the REST names (hotelID, roomTypeID, startDate, endDate, rooms, reservationID). Dates arrive as null when
 * the request left them unset or gave an impossible date.
 */
public final class ReservationValidator {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    public static final BigDecimal MIN_RATIO = new BigDecimal("1.00");
    public static final BigDecimal MAX_RATIO = new BigDecimal("2.00");

    private static final Pattern RESERVATION_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    /** A processor token is opaque; whether it can be charged is the processor's call (payment-svc answers). */
    private static final Pattern PAYMENT_TOKEN = Pattern.compile("^[\\x21-\\x7e]{1,255}$");

    private ReservationValidator() {
    }

    /** The checks that need nothing but the request. */
    public static void booking(BookingRequest r) {
        List<Violation> v = new ArrayList<>();
        reservationId(v, r.reservationId());
        positive(v, "hotelID", r.hotelId());
        positive(v, "roomTypeID", r.roomTypeId());
        stay(v, r.startDate(), r.endDate(), StayRules.MAX_NIGHTS, "nights");
        StayRules.rooms(v, r.rooms());
        StayRules.guestId(v, r.guestId());
        if (r.guestName() != null) {
            if (r.guestName().isBlank() || r.guestName().codePointCount(0, r.guestName().length()) > 100) {
                v.add(new Violation("guestName", "must be 1 to 100 characters"));
            }
            PlainText.problem(r.guestName()).ifPresent(problem -> v.add(new Violation("guestName", problem)));
        }
        if (r.quoteId() != null && r.quoteId().length() > 128) {
            v.add(new Violation("quoteID", "must be at most 128 characters"));
        }
        if (r.paymentToken() == null || r.paymentToken().isEmpty()) {
            v.add(new Violation("paymentToken", "is required: the card token to charge (e.g. tok_visa when testing)"));
        } else if (!PAYMENT_TOKEN.matcher(r.paymentToken()).matches()) {
            v.add(new Violation("paymentToken", "must be 1 to 255 printable characters without spaces"));
        }
        throwIfAny(v);
    }

    /** A change of stay as asked ({@code needsId}: to be made, not previewed). */
    public static void change(ChangeRequest request, boolean needsId) {
        List<Violation> v = new ArrayList<>();
        if (needsId && (request.changeId() == null || !RESERVATION_ID.matcher(request.changeId()).matches())) {
            v.add(new Violation("changeID", "must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -"));
        }
        if ((request.startDate() == null) != (request.endDate() == null)) {
            String missing = request.startDate() == null ? "startDate" : "endDate";
            String given = request.startDate() == null ? "endDate" : "startDate";
            v.add(new Violation(missing, "is required with " + given + ": a change of dates gives both"));
        } else if (request.startDate() != null) {
            stay(v, request.startDate(), request.endDate(), StayRules.MAX_NIGHTS, "nights");
        }
        if (request.roomTypeId() < 0) {
            v.add(new Violation("roomTypeID", "must be a positive id (or 0 to keep it)"));
        }
        if (request.rooms() != 0) {
            StayRules.rooms(v, request.rooms());
        }
        if (request.quoteId() != null && request.quoteId().length() > 128) {
            v.add(new Violation("quoteID", "must be at most 128 characters"));
        }
        if (request.paymentToken() != null && !request.paymentToken().isEmpty()
                && !PAYMENT_TOKEN.matcher(request.paymentToken()).matches()) {
            v.add(new Violation("paymentToken", "must be 1 to 255 printable characters without spaces"));
        }
        throwIfAny(v);
    }

    /** A cancellation policy as staff set it. */
    public static CancellationPolicy cancellationPolicy(int freeUntilDays, CancellationPolicy.Fee fee,
            int feePercent) {
        List<Violation> v = new ArrayList<>();
        if (freeUntilDays < 0 || freeUntilDays > CancellationPolicy.MAX_FREE_UNTIL_DAYS) {
            v.add(new Violation("freeUntilDays", "must be between 0 and " + CancellationPolicy.MAX_FREE_UNTIL_DAYS));
        }
        if (fee == null) {
            v.add(new Violation("fee", "is required: first_night or percentage"));
        } else if (fee == CancellationPolicy.Fee.PERCENTAGE && (feePercent < 1 || feePercent > 100)) {
            v.add(new Violation("feePercent", "must be between 1 and 100 when the fee is a percentage"));
        } else if (fee == CancellationPolicy.Fee.FIRST_NIGHT && feePercent != 0) {
            v.add(new Violation("feePercent", "applies only when the fee is a percentage"));
        }
        throwIfAny(v);
        return new CancellationPolicy(freeUntilDays, fee, fee == CancellationPolicy.Fee.PERCENTAGE ? feePercent : null);
    }

    /** The checks against hotel-svc's catalog and the hotel's own calendar. */
    public static void againstCatalog(BookingRequest r, Optional<HotelInfo> hotel, java.time.Clock clock) {
        if (hotel.isEmpty()) {
            throw new InvalidInput("hotelID", "hotel " + r.hotelId() + " does not exist");
        }
        List<Violation> v = new ArrayList<>();
        if (!hotel.get().roomTypeIds().contains(r.roomTypeId())) {
            v.add(new Violation("roomTypeID",
                    "room type " + r.roomTypeId() + " does not exist in hotel " + r.hotelId()));
        }
        LocalDate today = LocalDate.now(clock.withZone(hotel.get().timeZone()));
        if (r.startDate().isBefore(today)) {
            v.add(new Violation("startDate", "must not be in the past; today is " + today + " in the hotel's time zone ("
                    + hotel.get().timeZone() + ")"));
        }
        throwIfAny(v);
    }

    public static void reservationId(String reservationId) {
        List<Violation> v = new ArrayList<>();
        reservationId(v, reservationId);
        throwIfAny(v);
    }

    public static void ids(long hotelId, long roomTypeId, boolean roomTypeOptional) {
        List<Violation> v = new ArrayList<>();
        positive(v, "hotelID", hotelId);
        if (!(roomTypeOptional && roomTypeId == 0)) {
            positive(v, "roomTypeID", roomTypeId);
        }
        throwIfAny(v);
    }

    /** A range of dates for availability, inventory and maintenance: start before end, at most a year. */
    public static void range(long hotelId, long roomTypeId, boolean roomTypeOptional, LocalDate start, LocalDate end) {
        List<Violation> v = new ArrayList<>();
        positive(v, "hotelID", hotelId);
        if (!(roomTypeOptional && roomTypeId == 0)) {
            positive(v, "roomTypeID", roomTypeId);
        }
        stay(v, start, end, StayRules.MAX_RANGE_DAYS, "days");
        throwIfAny(v);
    }

    /** Most hotels one stock read covers (as many as one search may match). */
    public static final int MAX_STOCK_HOTELS = 5000;
    /** Most nights one stock read covers: a stay of the longest kind and its check-out day. */
    public static final int MAX_STOCK_NIGHTS = StayRules.MAX_NIGHTS + 1;

    /** 1 to {@value #MAX_STOCK_HOTELS} positive hotel ids and 1 to {@link #MAX_STOCK_NIGHTS} nights. */
    public static void stock(List<Long> hotelIds, LocalDate start, LocalDate end) {
        List<Violation> v = new ArrayList<>();
        if (hotelIds.isEmpty() || hotelIds.size() > MAX_STOCK_HOTELS) {
            v.add(new Violation("hotelIDs", "must name 1 to " + MAX_STOCK_HOTELS + " hotels"));
        } else if (hotelIds.stream().anyMatch(id -> id <= 0)) {
            v.add(new Violation("hotelIDs", "must be positive ids"));
        }
        stay(v, start, end, MAX_STOCK_NIGHTS, "days");
        throwIfAny(v);
    }

    public static void count(String field, int value, int max) {
        if (value < 0 || value > max) {
            throw new InvalidInput(field, "must be between 0 and " + max);
        }
    }

    /** The overbooking ratio, rounded to two decimals as stored; 1.00 (no overbooking) to 2.00. */
    public static BigDecimal ratio(double ratio) {
        if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
            throw new InvalidInput("ratio", "must be between 1.00 and 2.00");
        }
        BigDecimal value = BigDecimal.valueOf(ratio).setScale(2, RoundingMode.HALF_UP);
        if (value.compareTo(MIN_RATIO) < 0 || value.compareTo(MAX_RATIO) > 0) {
            throw new InvalidInput("ratio", "must be between 1.00 and 2.00 (1.10 allows 10% overbooking)");
        }
        return value;
    }

    /** A page request; the token is the opaque keyset position of the previous page's last item. */
    public static PageRequest page(int pageSize, String token) {
        if (pageSize < 0 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidInput("pageSize", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        int size = pageSize == 0 ? DEFAULT_PAGE_SIZE : pageSize;
        if (token == null || token.isEmpty()) {
            return new PageRequest(size, null, null);
        }
        List<String> position = PageToken.decode(token, 2);
        if (!RESERVATION_ID.matcher(position.get(1)).matches()) {
            throw PageToken.invalid();
        }
        try {
            return new PageRequest(size, LocalDate.parse(position.get(0)), position.get(1));
        } catch (DateTimeParseException e) {
            throw PageToken.invalid();
        }
    }

    public static String pageToken(LocalDate startDate, String reservationId) {
        return PageToken.encode(startDate.toString(), reservationId);
    }

    private static void reservationId(List<Violation> v, String reservationId) {
        if (reservationId == null || !RESERVATION_ID.matcher(reservationId).matches()) {
            v.add(new Violation("reservationID", "must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -"));
        }
    }

    private static void positive(List<Violation> v, String field, long id) {
        StayRules.positiveId(v, field, id);
    }

    private static void stay(List<Violation> v, LocalDate start, LocalDate end, int max, String unit) {
        StayRules.dates(v, start, end, max, unit, "must be after startDate");
    }

    private static void throwIfAny(List<Violation> v) {
        StayRules.throwIfAny(v);
    }
}
