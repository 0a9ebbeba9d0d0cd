package org.hotelmesh.reservation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hotelmesh.reservation.domain.BookingRequest;
import org.hotelmesh.reservation.domain.CancellationPolicy;
import org.hotelmesh.reservation.domain.PageRequest;
import org.hotelmesh.support.catalog.HotelInfo;
import org.hotelmesh.support.error.InvalidInput;
import org.hotelmesh.support.error.ServiceException;
import org.junit.jupiter.api.Test;

class ReservationValidatorTest {

    private static final LocalDate D = LocalDate.of(2030, 5, 10);

    private static BookingRequest request(String id, LocalDate start, LocalDate end, int rooms) {
        return new BookingRequest(id, 1, 2, start, end, rooms, "guest", null, "tok_visa");
    }

    private static List<String> fields(Runnable check) {
        InvalidInput e = assertThrows(InvalidInput.class, check::run);
        return e.violations().stream().map(ServiceException.Violation::field).toList();
    }

    @Test
    void aValidBookingPasses() {
        ReservationValidator.booking(request("abc_DEF-123", D, D.plusDays(30), 9));
        ReservationValidator.booking(request("x".repeat(64), D, D.plusDays(1), 1));
    }

    @Test
    void nightsRoomsAndIdsAreBounded() {
        assertEquals(List.of("endDate"), fields(() -> ReservationValidator.booking(request("a", D, D.plusDays(31), 1))));
        assertEquals(List.of("endDate"), fields(() -> ReservationValidator.booking(request("a", D, D, 1))));
        assertEquals(List.of("endDate"), fields(() -> ReservationValidator.booking(request("a", D, D.minusDays(1), 1))));
        assertEquals(List.of("rooms"), fields(() -> ReservationValidator.booking(request("a", D, D.plusDays(1), 0))));
        assertEquals(List.of("rooms"), fields(() -> ReservationValidator.booking(request("a", D, D.plusDays(1), 10))));
        assertEquals(List.of("reservationID"),
                fields(() -> ReservationValidator.booking(request("x".repeat(65), D, D.plusDays(1), 1))));
        assertEquals(List.of("reservationID"),
                fields(() -> ReservationValidator.booking(request("a b", D, D.plusDays(1), 1))));
        assertEquals(List.of("reservationID", "startDate", "endDate"),
                fields(() -> ReservationValidator.booking(request("", null, null, 1))));
    }

    @Test
    void theStartDateIsCheckedInTheHotelsTimeZone() {
        // 2030-05-09 20:00 UTC is already 2030-05-10 in Seoul
        Clock clock = Clock.fixed(Instant.parse("2030-05-09T20:00:00Z"), ZoneOffset.UTC);
        HotelInfo seoul = new HotelInfo(1, ZoneId.of("Asia/Seoul"), Set.of(2L));
        HotelInfo newYork = new HotelInfo(1, ZoneId.of("America/New_York"), Set.of(2L));
        BookingRequest arrivingOnThe9th = request("a", D.minusDays(1), D, 1);

        assertEquals(List.of("startDate"),
                fields(() -> ReservationValidator.againstCatalog(arrivingOnThe9th, Optional.of(seoul), clock)));
        ReservationValidator.againstCatalog(arrivingOnThe9th, Optional.of(newYork), clock);
        assertEquals(List.of("hotelID"),
                fields(() -> ReservationValidator.againstCatalog(arrivingOnThe9th, Optional.empty(), clock)));
        assertEquals(List.of("roomTypeID"), fields(() -> ReservationValidator.againstCatalog(
                new BookingRequest("a", 1, 3, D, D.plusDays(1), 1, "g", null, "tok_visa"), Optional.of(newYork), clock)));
    }

    @Test
    void thePaymentTokenIsRequiredAndPrintable() {
        BookingRequest ok = request("a", D, D.plusDays(1), 1);
        assertEquals(List.of("paymentToken"), fields(() -> ReservationValidator.booking(new BookingRequest("a", 1, 2,
                D, D.plusDays(1), 1, "g", null, null))));
        assertEquals(List.of("paymentToken"), fields(() -> ReservationValidator.booking(new BookingRequest("a", 1, 2,
                D, D.plusDays(1), 1, "g", null, "tok visa"))));
        assertEquals(List.of("paymentToken"), fields(() -> ReservationValidator.booking(new BookingRequest("a", 1, 2,
                D, D.plusDays(1), 1, "g", null, "t".repeat(256)))));
        ReservationValidator.booking(ok);
    }

    @Test
    void cancellationPoliciesAreBounded() {
        assertEquals(new CancellationPolicy(3, CancellationPolicy.Fee.PERCENTAGE, 50),
                ReservationValidator.cancellationPolicy(3, CancellationPolicy.Fee.PERCENTAGE, 50));
        assertEquals(List.of("freeUntilDays"), fields(() -> ReservationValidator.cancellationPolicy(-1,
                CancellationPolicy.Fee.FIRST_NIGHT, 0)));
        assertEquals(List.of("feePercent"), fields(() -> ReservationValidator.cancellationPolicy(1,
                CancellationPolicy.Fee.PERCENTAGE, 101)));
        assertEquals(List.of("fee"), fields(() -> ReservationValidator.cancellationPolicy(1, null, 0)));
    }

    @Test
    void ratiosAreRoundedToCentsAndBounded() {
        assertEquals(new BigDecimal("1.10"), ReservationValidator.ratio(1.1));
        assertEquals(new BigDecimal("2.00"), ReservationValidator.ratio(2.0));
        assertThrows(InvalidInput.class, () -> ReservationValidator.ratio(0.99));
        assertThrows(InvalidInput.class, () -> ReservationValidator.ratio(2.01));
        assertThrows(InvalidInput.class, () -> ReservationValidator.ratio(Double.NaN));
    }

    @Test
    void pageTokensRoundTripAndForgedOnesAreRejected() {
        String token = ReservationValidator.pageToken(D, "r-1");
        assertEquals(new PageRequest(5, D, "r-1"), ReservationValidator.page(5, token));
        assertEquals(new PageRequest(20, null, null), ReservationValidator.page(0, ""));
        assertEquals(List.of("pageToken"), fields(() -> ReservationValidator.page(5, "not-a-token")));
        assertEquals(List.of("pageSize"), fields(() -> ReservationValidator.page(101, "")));
    }

    @Test
    void theFingerprintCoversEveryBookingField() {
        BookingRequest base = new BookingRequest("a", 1, 2, D, D.plusDays(1), 1, "g", null, "tok_visa");
        assertEquals(base.requestHash(), new BookingRequest("a", 1, 2, D, D.plusDays(1), 1, "g", null, "tok_visa")
                .requestHash());
        // the card is not part of the booking: a retry with another token is the same booking
        assertEquals(base.requestHash(), new BookingRequest("a", 1, 2, D, D.plusDays(1), 1, "g", null, "tok_other")
                .requestHash());
        assertNotEquals(base.requestHash(), new BookingRequest("a", 1, 2, D, D.plusDays(1), 2, "g", null, "tok_visa")
                .requestHash());
        assertNotEquals(base.requestHash(), new BookingRequest("a", 1, 2, D, D.plusDays(1), 1, "g", "q", "tok_visa")
                .requestHash());
        assertEquals(64, base.requestHash().length());
    }
}
