package org.hotelmesh.reservation.service;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertInvalid;
import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.reservation.Fixtures.booking;
import static org.hotelmesh.reservation.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.common.v1.Money;
import org.hotelmesh.proto.reservation.v1.CreateReservationRequest;
import org.hotelmesh.proto.reservation.v1.GetReservationRequest;
import org.hotelmesh.proto.reservation.v1.NightPrice;
import org.hotelmesh.proto.reservation.v1.Reservation;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.Fixtures;
import org.hotelmesh.reservation.ReservationTestBase;
import org.hotelmesh.reservation.domain.Quote;
import org.hotelmesh.reservation.domain.StayPrice;
import org.hotelmesh.support.client.DownstreamUnavailable;
import org.hotelmesh.support.error.PreconditionFailed;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** What a booking is charged: its quote's total, or rate-svc's price at booking time; never a guessed price. */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_test"), @ResourceArg(name = "redisDatabase", value = "4") })
class BookingPricingTest extends ReservationTestBase {

    private static final LocalDate START = utcToday().plusDays(20);
    private static final LocalDate END = START.plusDays(2);

    @Test
    void aBookingWithoutAQuoteIsChargedTheCurrentPriceOfEachNightPricedWithTheOccupancyReadHere() {
        RoomTypeRef rt = roomType(5);
        doReturn(Uni.createFrom().item(new StayPrice("EUR", List.of(10_000L, 13_250L), 46_500)))
                .when(rates).priceStay(eq(rt.hotelId()), eq(rt.roomTypeId()), eq(START), eq(END), eq(2), any());

        reservations.createReservation(booking("priced-1", rt, START, END, 2, "guest-1"));

        // rate-svc is given the stay's inventory rows as they were before the booking: it need not ask back
        verify(rates).priceStay(eq(rt.hotelId()), eq(rt.roomTypeId()), eq(START), eq(END), eq(2),
                argThat(nights -> nights.stream().map(n -> n.date() + " " + n.totalReserved() + "/"
                        + n.totalInventory()).toList().equals(List.of(START + " 0/5", START.plusDays(1) + " 0/5"))));

        Reservation stored = reservations.getReservation(GetReservationRequest.newBuilder()
                .setReservationId("priced-1").build()).getReservation();
        assertEquals(Money.newBuilder().setAmountMinor(46_500).setCurrency("EUR").build(), stored.getTotal());
        assertEquals(List.of(night(START, 10_000), night(START.plusDays(1), 13_250)), stored.getNightsList());
        assertEquals("", stored.getQuoteId());
    }

    @Test
    void aQuotedBookingIsChargedExactlyTheQuotedTotalEvenAfterPricesMoved() {
        RoomTypeRef rt = roomType(5);
        doReturn(Uni.createFrom().item(new StayPrice("EUR", List.of(99_000L, 99_000L), 198_000)))
                .when(rates).priceStay(anyLong(), anyLong(), any(), any(), anyInt(), any());
        quote("q_ok", "quoted-1", "guest-1", rt, 1, new StayPrice("EUR", List.of(9_000L, 9_500L), 18_500),
                Instant.now().plus(10, ChronoUnit.MINUTES));

        Reservation booked = reservations.createReservation(quoted("quoted-1", rt, 1, "guest-1", "q_ok"))
                .getReservation();

        assertEquals(18_500, booked.getTotal().getAmountMinor());
        Reservation stored = reservations.getReservation(GetReservationRequest.newBuilder()
                .setReservationId("quoted-1").build()).getReservation();
        assertEquals(List.of(night(START, 9_000), night(START.plusDays(1), 9_500)), stored.getNightsList());
        assertEquals(18_500, stored.getTotal().getAmountMinor());
        assertEquals("q_ok", stored.getQuoteId());
        verify(rates, never()).priceStay(anyLong(), anyLong(), any(), any(), anyInt(), any());
    }

    @Test
    void anExpiredQuoteIsRefusedAndHoldsNothing() {
        RoomTypeRef rt = roomType(5);
        Instant expiry = Instant.parse("2026-01-01T10:00:00Z");
        quote("q_old", "expired-1", "guest-1", rt, 1, Fixtures.flatPrice(START, END, 1), expiry);

        assertStatus(Status.Code.FAILED_PRECONDITION, "quote q_old expired at 2026-01-01T10:00:00Z; request a new quote",
                () -> reservations.createReservation(quoted("expired-1", rt, 1, "guest-1", "q_old")));
        assertNothingHeld(rt, "expired-1");
    }

    @Test
    void aQuoteForAnotherStayOrGuestIsInvalidAndHoldsNothing() throws Exception {
        RoomTypeRef rt = roomType(5);
        quote("q_two", "mismatch-1", "guest-1", rt, 2, Fixtures.flatPrice(START, END, 2),
                Instant.now().plus(10, ChronoUnit.MINUTES));

        var rooms = assertInvalid(() -> reservations.createReservation(quoted("mismatch-1", rt, 1, "guest-1",
                "q_two")), "quoteID");
        assertEquals("quote q_two was issued for 2 room(s); book exactly what was quoted, or request a new quote",
                rooms.getFieldViolations(0).getDescription());
        var guestAndId = assertInvalid(() -> reservations.createReservation(quoted("mismatch-2", rt, 2, "guest-2",
                "q_two")), "quoteID");
        assertEquals("quote q_two was issued for another guest, reservationID mismatch-1; book exactly what was"
                + " quoted, or request a new quote", guestAndId.getFieldViolations(0).getDescription());
        assertNothingHeld(rt, "mismatch-1");
        assertNothingHeld(rt, "mismatch-2");
    }

    @Test
    void anUnknownQuoteIsInvalid() throws Exception {
        RoomTypeRef rt = roomType(5);
        when(rates.findQuote("q_nope")).thenReturn(Uni.createFrom().item(Optional.empty()));

        var unknown = assertInvalid(() -> reservations.createReservation(quoted("unknown-q", rt, 1, "guest-1",
                "q_nope")), "quoteID");
        assertEquals("quote q_nope does not exist; request a new quote", unknown.getFieldViolations(0).getDescription());
        assertNothingHeld(rt, "unknown-q");
    }

    @Test
    void aNightWithoutABasePriceIsNotSellable() {
        RoomTypeRef rt = roomType(5);
        doReturn(Uni.createFrom().failure(new PreconditionFailed("no base price is set for the night of "
                + START.plusDays(1)))).when(rates).priceStay(eq(rt.hotelId()), eq(rt.roomTypeId()), eq(START), eq(END), eq(1), any());

        assertStatus(Status.Code.FAILED_PRECONDITION, "no base price is set for the night of " + START.plusDays(1),
                () -> reservations.createReservation(booking("unpriced-1", rt, START, END, 1, "guest-1")));
        assertNothingHeld(rt, "unpriced-1");
    }

    @Test
    void whenPricingIsUnavailableTheBookingFailsAndHoldsNothing() {
        RoomTypeRef rt = roomType(5);
        doReturn(Uni.createFrom().failure(DownstreamUnavailable.unreachable("rate-svc", "pricing is unavailable (rate-svc cannot be"
                + " reached); no reservation was made; retry shortly")))
                .when(rates).priceStay(eq(rt.hotelId()), eq(rt.roomTypeId()), eq(START), eq(END), eq(1), any());

        assertStatus(Status.Code.UNAVAILABLE, "pricing is unavailable (rate-svc cannot be reached); no reservation"
                + " was made; retry shortly",
                () -> reservations.createReservation(booking("down-1", rt, START, END, 1, "guest-1")));
        assertNothingHeld(rt, "down-1");
    }

    @Test
    void aReplayGetsItsOriginalAnswerAfterItsQuoteExpiredOrWhilePricingIsDown() {
        RoomTypeRef rt = roomType(5);
        quote("q_replay", "replay-1", "guest-1", rt, 1, new StayPrice("EUR", List.of(7_000L, 7_000L), 14_000),
                Instant.now().plus(10, ChronoUnit.MINUTES));
        Reservation first = reservations.createReservation(quoted("replay-1", rt, 1, "guest-1", "q_replay"))
                .getReservation();

        quote("q_replay", "replay-1", "guest-1", rt, 1, new StayPrice("EUR", List.of(7_000L, 7_000L), 14_000),
                Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(first, reservations.createReservation(quoted("replay-1", rt, 1, "guest-1", "q_replay"))
                .getReservation());

        when(rates.findQuote("q_replay")).thenReturn(Uni.createFrom().failure(DownstreamUnavailable.unreachable("rate-svc", "down")));
        assertEquals(first, reservations.createReservation(quoted("replay-1", rt, 1, "guest-1", "q_replay"))
                .getReservation());
        // A different payload under the same id is still a conflict, priced or not.
        assertStatus(Status.Code.ALREADY_EXISTS, null,
                () -> reservations.createReservation(quoted("replay-1", rt, 2, "guest-1", "q_replay")));
        assertEquals(1, totalReserved(rt, START));
    }

    private void quote(String quoteId, String reservationId, String guest, RoomTypeRef rt, int rooms, StayPrice price,
            Instant expiresAt) {
        when(rates.findQuote(eq(quoteId))).thenReturn(Uni.createFrom().item(Optional.of(new Quote(quoteId,
                reservationId, guest, rt.hotelId(), rt.roomTypeId(), START, END, rooms, price, expiresAt))));
    }

    private static CreateReservationRequest quoted(String id, RoomTypeRef rt, int rooms, String guest, String quote) {
        return booking(id, rt, START, END, rooms, guest).toBuilder().setQuoteId(quote).build();
    }

    private static NightPrice night(LocalDate date, long amount) {
        return NightPrice.newBuilder().setDate(Fixtures.date(date))
                .setPrice(Money.newBuilder().setAmountMinor(amount).setCurrency("EUR")).build();
    }

    private void assertNothingHeld(RoomTypeRef rt, String reservationId) {
        assertStatus(Status.Code.NOT_FOUND, null, () -> reservations.getReservation(GetReservationRequest.newBuilder()
                .setReservationId(reservationId).build()));
        assertEquals(0, totalReserved(rt, START));
        assertEquals(0, totalReserved(rt, START.plusDays(1)));
        assertEquals(0, activeRooms(rt, START));
    }
}
