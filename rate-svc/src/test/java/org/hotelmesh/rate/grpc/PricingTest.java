package org.hotelmesh.rate.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertInvalid;
import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.rate.grpc.Fixtures.baseRates;
import static org.hotelmesh.rate.grpc.Fixtures.money;
import static org.hotelmesh.rate.grpc.Fixtures.range;
import static org.hotelmesh.rate.grpc.Fixtures.utcToday;
import static org.hotelmesh.rate.grpc.PricingRulesTest.rules;
import static org.hotelmesh.rate.grpc.PricingRulesTest.threshold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.rate.v1.GetNightlyRatesRequest;
import org.hotelmesh.proto.rate.v1.NightOccupancy;
import org.hotelmesh.proto.rate.v1.NightlyRate;
import org.hotelmesh.proto.rate.v1.PriceStayRequest;
import org.hotelmesh.proto.rate.v1.PriceStayResponse;
import org.hotelmesh.proto.rate.v1.SetPricingRulesRequest;
import org.hotelmesh.proto.rate.v1.StayOccupancy;
import org.hotelmesh.rate.grpc.Fixtures.RoomTypeRef;
import org.hotelmesh.support.client.DownstreamUnavailable;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * The current price of nights and stays: it follows occupancy (read from reservation-svc, cached for
 * hotelmesh.rates.occupancy-cache-ttl, 2 s in tests), within the rules' floor and ceiling, and is never made up: a
 * night without a base price or without a known occupancy is refused.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "rate_test"), @ResourceArg(name = "redisDatabase", value = "5") })
class PricingTest extends RateTestBase {

    private static final LocalDate NIGHT = utcToday().plusDays(15);

    private PriceStayResponse price(RoomTypeRef rt, LocalDate start, LocalDate end, int rooms) {
        return rates.priceStay(PriceStayRequest.newBuilder().setHotelId(rt.hotelId()).setRoomTypeId(rt.roomTypeId())
                .setStay(range(start, end)).setRooms(rooms).build());
    }

    private List<NightlyRate> nightly(RoomTypeRef rt, LocalDate start, LocalDate end) {
        return rates.getNightlyRates(GetNightlyRatesRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setStay(range(start, end)).build()).getNightsList();
    }

    private static NightlyRate night(LocalDate date, long price, long base, String currency, double occupancy) {
        return NightlyRate.newBuilder().setDate(Fixtures.date(date)).setPrice(money(price, currency))
                .setBasePrice(money(base, currency)).setOccupancy(occupancy).build();
    }

    /** Polls until the night's price is {@code expected}: the cached occupancy has to expire first. */
    private void awaitNightPrice(RoomTypeRef rt, LocalDate date, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long last = -1;
        while (System.nanoTime() < deadline) {
            last = nightly(rt, date, date.plusDays(1)).get(0).getPrice().getAmountMinor();
            if (last == expected) {
                return;
            }
            Thread.sleep(100);
        }
        fail("the price of " + date + " stayed " + last + ", expected " + expected);
    }

    @Test
    void thePriceOfANightRisesAsItFillsUp() throws InterruptedException {
        RoomTypeRef rt = Fixtures.newHotel();
        rates.setBaseRates(baseRates(rt, NIGHT, NIGHT.plusDays(1), 10_000, "EUR"));
        assertEquals(List.of(night(NIGHT, 10_000, 10_000, "EUR", 0.0)), nightly(rt, NIGHT, NIGHT.plusDays(1)));

        Fixtures.reserve(rt, NIGHT, 7);
        // The occupancy read a moment ago is still cached: the price has not moved yet.
        assertEquals(10_000, nightly(rt, NIGHT, NIGHT.plusDays(1)).get(0).getPrice().getAmountMinor());
        awaitNightPrice(rt, NIGHT, 11_000); // default rules: +10% from 70% full
        assertEquals(List.of(night(NIGHT, 11_000, 10_000, "EUR", 0.7)), nightly(rt, NIGHT, NIGHT.plusDays(1)));

        Fixtures.reserve(rt, NIGHT, 9);
        awaitNightPrice(rt, NIGHT, 12_500); // +25% from 90% full
        assertEquals(12_500, price(rt, NIGHT, NIGHT.plusDays(1), 1).getTotal().getAmountMinor());
    }

    @Test
    void aCallerThatSendsTheOccupancyIsNotAskedBack() throws Exception {
        RoomTypeRef rt = Fixtures.newHotel(); // reservation-svc would say: 10 rooms, none reserved
        rates.setBaseRates(baseRates(rt, NIGHT, NIGHT.plusDays(3), 10_000, "EUR"));

        // as reservation-svc sends it with a booking: 9 of 10, 3 of 10, and the third night has no inventory row
        PriceStayResponse stay = rates.priceStay(PriceStayRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setStay(range(NIGHT, NIGHT.plusDays(3))).setRooms(1)
                .setOccupancy(StayOccupancy.newBuilder()
                        .addNights(occupancy(NIGHT, 9, 10))
                        .addNights(occupancy(NIGHT.plusDays(1), 3, 10)))
                .build());

        assertEquals(List.of(night(NIGHT, 12_500, 10_000, "EUR", 0.9),
                night(NIGHT.plusDays(1), 10_000, 10_000, "EUR", 0.3),
                night(NIGHT.plusDays(2), 12_500, 10_000, "EUR", 1.0)), stay.getNightsList());
        verify(inventory, times(0)).occupancy(eq(rt.hotelId()), eq(rt.roomTypeId()), any(), any());

        assertInvalid(() -> rates.priceStay(PriceStayRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setStay(range(NIGHT, NIGHT.plusDays(1))).setRooms(1)
                .setOccupancy(StayOccupancy.newBuilder().addNights(occupancy(NIGHT, -1, 10))).build()),
                "occupancy");
    }

    private static NightOccupancy occupancy(LocalDate date, int reserved, int total) {
        return NightOccupancy.newBuilder().setDate(Fixtures.date(date)).setReserved(reserved).setTotal(total).build();
    }

    @Test
    void aStayIsPricedNightByNightTimesRooms() {
        RoomTypeRef rt = Fixtures.newHotel();
        rates.setBaseRates(baseRates(rt, NIGHT, NIGHT.plusDays(3), 10_000, "CHF"));
        Fixtures.reserve(rt, NIGHT.plusDays(1), 9);
        Fixtures.reserve(rt, NIGHT.plusDays(2), 11); // overbooked: above 100%

        PriceStayResponse stay = price(rt, NIGHT, NIGHT.plusDays(3), 2);

        assertEquals(List.of(night(NIGHT, 10_000, 10_000, "CHF", 0.0),
                night(NIGHT.plusDays(1), 12_500, 10_000, "CHF", 0.9),
                night(NIGHT.plusDays(2), 12_500, 10_000, "CHF", 1.1)), stay.getNightsList());
        assertEquals(money((10_000 + 12_500 + 12_500) * 2, "CHF"), stay.getTotal());
    }

    @Test
    void theFloorAndCeilingOfTheRulesBoundThePrice() {
        RoomTypeRef rt = Fixtures.newHotel();
        rates.setBaseRates(baseRates(rt, NIGHT, NIGHT.plusDays(2), 10_000, "EUR"));
        rates.setPricingRules(SetPricingRulesRequest.newBuilder().setRules(rules(rt.hotelId(), rt.roomTypeId(),
                threshold(0, 0.5, 0), threshold(0.5, 3, 0)).setFloorMinor(8_000).setCeilingMinor(25_000)).build());
        Fixtures.reserve(rt, NIGHT.plusDays(1), 5);

        PriceStayResponse stay = price(rt, NIGHT, NIGHT.plusDays(2), 1);

        assertEquals(8_000, stay.getNights(0).getPrice().getAmountMinor()); // 5,000 raised to the floor
        assertEquals(25_000, stay.getNights(1).getPrice().getAmountMinor()); // 30,000 lowered to the ceiling
        assertEquals(33_000, stay.getTotal().getAmountMinor());
    }

    @Test
    void aNightWithoutInventoryCountsAsFull() {
        RoomTypeRef rt = Fixtures.newHotel(ZoneId.of("UTC"), null);
        rates.setBaseRates(baseRates(rt, NIGHT, NIGHT.plusDays(1), 10_000, "EUR"));

        assertEquals(List.of(night(NIGHT, 12_500, 10_000, "EUR", 1.0)), nightly(rt, NIGHT, NIGHT.plusDays(1)));
    }

    @Test
    void aStayWithNightsWithoutBasePriceIsRefusedNamingThem() {
        RoomTypeRef rt = Fixtures.newHotel();
        rates.setBaseRates(baseRates(rt, NIGHT, NIGHT.plusDays(1), 10_000, "EUR"));

        assertStatus(Status.Code.FAILED_PRECONDITION, "room type " + rt.roomTypeId() + " of hotel " + rt.hotelId()
                + " has no base price on " + NIGHT.plusDays(1) + "; it cannot be sold on that night until staff set one",
                () -> price(rt, NIGHT, NIGHT.plusDays(2), 1));
        assertStatus(Status.Code.FAILED_PRECONDITION, "room type " + rt.roomTypeId() + " of hotel " + rt.hotelId()
                + " has no base price on " + NIGHT.plusDays(1) + ", " + NIGHT.plusDays(2) + ", " + NIGHT.plusDays(3)
                + " and 2 more; it cannot be sold on those nights until staff set one",
                () -> price(rt, NIGHT, NIGHT.plusDays(6), 1));
        // Nothing was asked of reservation-svc for a stay that cannot be sold.
        verify(inventory, times(0)).occupancy(eq(rt.hotelId()), eq(rt.roomTypeId()), any(), any());
    }

    @Test
    void nightlyRatesShowNightsWithoutBasePriceUnpriced() {
        RoomTypeRef rt = Fixtures.newHotel();
        rates.setBaseRates(baseRates(rt, NIGHT, NIGHT.plusDays(1), 10_000, "EUR"));
        Fixtures.reserve(rt, NIGHT.plusDays(1), 3);

        List<NightlyRate> nights = nightly(rt, NIGHT, NIGHT.plusDays(2));

        assertEquals(night(NIGHT, 10_000, 10_000, "EUR", 0.0), nights.get(0));
        assertEquals(NightlyRate.newBuilder().setDate(Fixtures.date(NIGHT.plusDays(1))).setOccupancy(0.3).build(),
                nights.get(1));
        assertFalse(nights.get(1).hasPrice());
        assertFalse(nights.get(1).hasBasePrice());
    }

    @Test
    void nightlyRatesMayShowPastNightsAndAtMost366() throws Exception {
        RoomTypeRef rt = Fixtures.newHotel();
        LocalDate past = utcToday().minusDays(400);
        rates.setBaseRates(baseRates(rt, past, past.plusDays(1), 9_000, "EUR"));

        List<NightlyRate> year = nightly(rt, past, past.plusDays(366));

        assertEquals(366, year.size());
        assertEquals(9_000, year.get(0).getPrice().getAmountMinor());
        assertInvalid(() -> nightly(rt, past, past.plusDays(367)), "endDate");
    }

    @Test
    void oneInventoryCallCoversTheNightsNotCachedYet() {
        RoomTypeRef rt = Fixtures.newHotel();
        rates.setBaseRates(baseRates(rt, NIGHT, NIGHT.plusDays(10), 10_000, "EUR"));
        nightly(rt, NIGHT.plusDays(2), NIGHT.plusDays(4));

        List<NightlyRate> nights = nightly(rt, NIGHT, NIGHT.plusDays(10));

        assertEquals(10, nights.size());
        verify(inventory, times(1)).occupancy(rt.hotelId(), rt.roomTypeId(), NIGHT.plusDays(2), NIGHT.plusDays(4));
        verify(inventory, times(1)).occupancy(rt.hotelId(), rt.roomTypeId(), NIGHT, NIGHT.plusDays(10));
    }

    @Test
    void whenOccupancyIsUnavailableNothingIsPriced() {
        RoomTypeRef rt = Fixtures.newHotel();
        rates.setBaseRates(baseRates(rt, NIGHT, NIGHT.plusDays(1), 10_000, "EUR"));
        String down = "occupancy is unavailable (reservation-svc GetInventory: UNAVAILABLE); nothing is priced"
                + " without it; retry shortly";
        when(inventory.occupancy(eq(rt.hotelId()), anyLong(), any(), any()))
                .thenReturn(Uni.createFrom().failure(DownstreamUnavailable.unreachable("reservation-svc", down)));

        assertStatus(Status.Code.UNAVAILABLE, down, () -> price(rt, NIGHT, NIGHT.plusDays(1), 1));
        assertStatus(Status.Code.UNAVAILABLE, down, () -> nightly(rt, NIGHT, NIGHT.plusDays(1)));
    }

    @Test
    void whenTheCatalogIsUnavailableNothingIsPriced() {
        String down = "the hotel catalog is unavailable (UNAVAILABLE); retry shortly";
        when(catalog.findHotel(777_777)).thenReturn(Uni.createFrom().failure(DownstreamUnavailable.unreachable("hotel-svc", down)));

        assertStatus(Status.Code.UNAVAILABLE, down,
                () -> price(new RoomTypeRef(777_777, 1), NIGHT, NIGHT.plusDays(1), 1));
    }

    @Test
    void anUnknownHotelOrRoomTypeIsNotFound() {
        RoomTypeRef rt = Fixtures.newHotel();

        assertStatus(Status.Code.NOT_FOUND, "room type 999999 not found in hotel " + rt.hotelId(),
                () -> price(new RoomTypeRef(rt.hotelId(), 999_999), NIGHT, NIGHT.plusDays(1), 1));
        assertStatus(Status.Code.NOT_FOUND, "hotel 999997 not found",
                () -> nightly(new RoomTypeRef(999_997, rt.roomTypeId()), NIGHT, NIGHT.plusDays(1)));
    }

    @Test
    void aStayMustStartTodayOrLaterInTheHotelsCalendarAndBeBookable() throws Exception {
        ZoneId kiritimati = ZoneId.of("Pacific/Kiritimati");
        RoomTypeRef rt = Fixtures.newHotel(kiritimati, 10);
        LocalDate hotelToday = LocalDate.now(kiritimati);
        rates.setBaseRates(baseRates(rt, hotelToday.minusDays(1), hotelToday.plusDays(1), 10_000, "AUD"));

        assertEquals(10_000, price(rt, hotelToday, hotelToday.plusDays(1), 1).getTotal().getAmountMinor());
        assertStatus(Status.Code.INVALID_ARGUMENT, "startDate: must not be in the past; today is " + hotelToday
                + " in the hotel's time zone (Pacific/Kiritimati)",
                () -> price(rt, hotelToday.minusDays(1), hotelToday, 1));
        assertInvalid(() -> price(rt, NIGHT, NIGHT.plusDays(31), 10), "endDate", "rooms");
        assertInvalid(() -> price(rt, NIGHT, NIGHT, 0), "endDate", "rooms");
        assertInvalid(() -> rates.priceStay(PriceStayRequest.getDefaultInstance()), "hotelID", "roomTypeID",
                "startDate", "endDate", "rooms");
    }

    @Test
    void anImpossibleDateIsReportedByFieldName() throws Exception {
        RoomTypeRef rt = Fixtures.newHotel();
        PriceStayRequest feb30 = PriceStayRequest.newBuilder().setHotelId(rt.hotelId()).setRoomTypeId(rt.roomTypeId())
                .setStay(range(NIGHT, NIGHT.plusDays(1)).toBuilder().setStartDate(
                        org.hotelmesh.proto.common.v1.Date.newBuilder().setYear(2030).setMonth(2).setDay(30)))
                .setRooms(1).build();

        assertTrue(assertInvalid(() -> rates.priceStay(feb30), "startDate").getFieldViolations(0).getDescription()
                .contains("valid date"));
    }
}
