package org.hotelmesh.rate.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertInvalid;
import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.rate.grpc.Fixtures.baseRates;
import static org.hotelmesh.rate.grpc.Fixtures.money;
import static org.hotelmesh.rate.grpc.Fixtures.range;
import static org.hotelmesh.rate.grpc.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.rate.v1.CreateQuoteRequest;
import org.hotelmesh.proto.rate.v1.GetNightlyRatesRequest;
import org.hotelmesh.proto.rate.v1.GetQuoteRequest;
import org.hotelmesh.proto.rate.v1.NightlyRate;
import org.hotelmesh.proto.rate.v1.Quote;
import org.hotelmesh.rate.grpc.Fixtures.RoomTypeRef;
import org.hotelmesh.rate.service.QuoteService;
import org.hotelmesh.support.catalog.HotelInfo;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.grpc.Status;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Quotes: a stay priced now and kept, with the reservation id to book with, until it expires. */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "rate_test"), @ResourceArg(name = "redisDatabase", value = "5") })
class QuoteTest extends RateTestBase {

    private static final LocalDate NIGHT = utcToday().plusDays(40);

    @Inject
    QuoteService quoteService;

    @Inject
    AgroalDataSource db;

    private Quote quote(RoomTypeRef rt, LocalDate start, LocalDate end, int rooms, String guest) {
        return rates.createQuote(CreateQuoteRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setStay(range(start, end)).setRooms(rooms).setGuestId(guest).build())
                .getQuote();
    }

    private Quote get(String quoteId) {
        return rates.getQuote(GetQuoteRequest.newBuilder().setQuoteId(quoteId).build()).getQuote();
    }

    private static NightlyRate night(LocalDate date, long price, long base, double occupancy) {
        return NightlyRate.newBuilder().setDate(Fixtures.date(date)).setPrice(money(price, "EUR"))
                .setBasePrice(money(base, "EUR")).setOccupancy(occupancy).build();
    }

    @Test
    void aQuoteCarriesEveryNightTheTotalTheCurrencyItsExpiryAndAReservationId() {
        RoomTypeRef rt = Fixtures.newHotel();
        rates.setBaseRates(baseRates(rt, NIGHT, NIGHT.plusDays(1), 10_000, "EUR"));
        rates.setBaseRates(baseRates(rt, NIGHT.plusDays(1), NIGHT.plusDays(2), 12_000, "EUR"));
        Fixtures.reserve(rt, NIGHT.plusDays(1), 7);
        Instant before = Instant.now();

        Quote quote = quote(rt, NIGHT, NIGHT.plusDays(2), 2, "guest-ana");

        Instant after = Instant.now();
        assertTrue(quote.getQuoteId().matches("q_[A-Za-z0-9_-]{22}"), quote.getQuoteId());
        assertEquals(quote.getReservationId(), UUID.fromString(quote.getReservationId()).toString());
        assertEquals("guest-ana", quote.getGuestId());
        assertEquals(rt.hotelId(), quote.getHotelId());
        assertEquals(rt.roomTypeId(), quote.getRoomTypeId());
        assertEquals(range(NIGHT, NIGHT.plusDays(2)), quote.getStay());
        assertEquals(2, quote.getRooms());
        assertEquals(List.of(night(NIGHT, 10_000, 10_000, 0.0), night(NIGHT.plusDays(1), 13_200, 12_000, 0.7)),
                quote.getNightsList());
        assertEquals(money((10_000 + 13_200) * 2, "EUR"), quote.getTotal());
        Instant expiresAt = Instant.parse(quote.getExpiresAt());
        Duration ttl = Duration.ofMinutes(15);
        assertTrue(!expiresAt.isBefore(before.plus(ttl).minusMillis(1)) && !expiresAt.isAfter(after.plus(ttl)),
                "expires 15 minutes after it was made: " + expiresAt + ", made between " + before + " and " + after);
    }

    @Test
    void aStoredQuoteKeepsItsPricesAfterOccupancyChanged() throws InterruptedException {
        RoomTypeRef rt = Fixtures.newHotel();
        rates.setBaseRates(baseRates(rt, NIGHT, NIGHT.plusDays(1), 10_000, "EUR"));
        Quote quote = quote(rt, NIGHT, NIGHT.plusDays(1), 1, "guest-ben");

        Fixtures.reserve(rt, NIGHT, 10);
        awaitNightPrice(rt, NIGHT, 12_500);

        assertEquals(quote, get(quote.getQuoteId()));
        assertEquals(10_000, get(quote.getQuoteId()).getTotal().getAmountMinor());
    }

    @Test
    void everyQuoteHasItsOwnIdAndReservationId() {
        RoomTypeRef rt = Fixtures.newHotel();
        rates.setBaseRates(baseRates(rt, NIGHT, NIGHT.plusDays(1), 10_000, "EUR"));

        Quote first = quote(rt, NIGHT, NIGHT.plusDays(1), 1, "guest-cy");
        Quote second = quote(rt, NIGHT, NIGHT.plusDays(1), 1, "guest-cy");

        assertNotEquals(first.getQuoteId(), second.getQuoteId());
        assertNotEquals(first.getReservationId(), second.getReservationId());
        assertEquals(first, get(first.getQuoteId()));
        assertEquals(second, get(second.getQuoteId()));
    }

    @Test
    void aQuoteNeedsAGuestAndAPricedStay() throws Exception {
        RoomTypeRef rt = Fixtures.newHotel();
        rates.setBaseRates(baseRates(rt, NIGHT, NIGHT.plusDays(1), 10_000, "EUR"));

        assertInvalid(() -> quote(rt, NIGHT, NIGHT.plusDays(1), 1, ""), "guestID");
        assertInvalid(() -> quote(rt, NIGHT, NIGHT.plusDays(1), 0, "g\n"), "rooms", "guestID");
        assertStatus(Status.Code.FAILED_PRECONDITION, "room type " + rt.roomTypeId() + " of hotel " + rt.hotelId()
                + " has no base price on " + NIGHT.plusDays(1) + "; it cannot be sold on that night until staff set one",
                () -> quote(rt, NIGHT, NIGHT.plusDays(2), 1, "guest-dee"));
        assertStatus(Status.Code.NOT_FOUND, "room type 999999 not found in hotel " + rt.hotelId(),
                () -> quote(new RoomTypeRef(rt.hotelId(), 999_999), NIGHT, NIGHT.plusDays(1), 1, "guest-dee"));
    }

    @Test
    void aHotelOffSaleIsNotQuoted() {
        RoomTypeRef rt = Fixtures.newHotel();
        HotelInfo onSale = Fixtures.HOTELS.get(rt.hotelId());
        Fixtures.HOTELS.put(rt.hotelId(), new HotelInfo(rt.hotelId(), onSale.timeZone(), onSale.roomTypeIds(), true));
        rates.setBaseRates(baseRates(rt, NIGHT, NIGHT.plusDays(1), 10_000, "EUR"));

        assertStatus(Status.Code.FAILED_PRECONDITION, "hotel " + rt.hotelId()
                + " is off sale: it takes no new bookings or quotes", () -> quote(rt, NIGHT, NIGHT.plusDays(1), 1,
                "guest-dee"));
    }

    @Test
    void anUnknownQuoteIsNotFound() throws Exception {
        assertStatus(Status.Code.NOT_FOUND, "quote q_doesNotExist not found", () -> get("q_doesNotExist"));
        assertInvalid(() -> get(""), "quoteID");
    }

    @Test
    void expiredQuotesAreAnsweredUntilADayAfterExpiryThenPurged() throws SQLException {
        RoomTypeRef rt = Fixtures.newHotel();
        rates.setBaseRates(baseRates(rt, NIGHT, NIGHT.plusDays(1), 10_000, "EUR"));
        Quote lately = quote(rt, NIGHT, NIGHT.plusDays(1), 1, "guest-eve");
        Quote longAgo = quote(rt, NIGHT, NIGHT.plusDays(1), 1, "guest-eve");
        Quote current = quote(rt, NIGHT, NIGHT.plusDays(1), 1, "guest-eve");
        expire(lately.getQuoteId(), "23 hours");
        expire(longAgo.getQuoteId(), "25 hours");

        assertEquals(lately.getQuoteId(), get(lately.getQuoteId()).getQuoteId());
        assertTrue(quoteService.purgeExpired().await().atMost(Duration.ofSeconds(10)) >= 1);

        assertStatus(Status.Code.NOT_FOUND, null, () -> get(longAgo.getQuoteId()));
        assertEquals(lately.getQuoteId(), get(lately.getQuoteId()).getQuoteId());
        assertEquals(current, get(current.getQuoteId()));
    }

    private void expire(String quoteId, String ago) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE quote SET expires_at = now() - ?::interval WHERE quote_id = ?")) {
            ps.setString(1, ago);
            ps.setString(2, quoteId);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private void awaitNightPrice(RoomTypeRef rt, LocalDate date, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long last = -1;
        while (System.nanoTime() < deadline) {
            last = rates.getNightlyRates(GetNightlyRatesRequest.newBuilder().setHotelId(rt.hotelId())
                    .setRoomTypeId(rt.roomTypeId()).setStay(range(date, date.plusDays(1))).build())
                    .getNights(0).getPrice().getAmountMinor();
            if (last == expected) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the price of " + date + " stayed " + last + ", expected " + expected);
    }
}
