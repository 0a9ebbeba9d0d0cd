package org.hotelmesh.rate.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertInvalid;
import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.rate.grpc.Fixtures.baseRates;
import static org.hotelmesh.rate.grpc.Fixtures.localDate;
import static org.hotelmesh.rate.grpc.Fixtures.money;
import static org.hotelmesh.rate.grpc.Fixtures.range;
import static org.hotelmesh.rate.grpc.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.rate.v1.BaseRate;
import org.hotelmesh.proto.rate.v1.DayOfWeek;
import org.hotelmesh.proto.rate.v1.GetBaseRatesRequest;
import org.hotelmesh.proto.rate.v1.SetBaseRatesRequest;
import org.hotelmesh.rate.grpc.Fixtures.RoomTypeRef;
import org.junit.jupiter.api.Test;

import com.google.rpc.BadRequest;

import io.grpc.Status;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Staff's base prices: set for a range (or some weekdays of it), read back, one currency per hotel. */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "rate_test"), @ResourceArg(name = "redisDatabase", value = "5") })
class BaseRatesTest extends RateTestBase {

    /** A Monday a few weeks ahead, so weekday filters have a known shape. */
    private static final LocalDate MONDAY = utcToday().plusDays(20)
            .with(TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));

    @Test
    void baseRatesSetForARangeAreReadBackNightByNight() {
        RoomTypeRef rt = Fixtures.newHotel();

        int set = rates.setBaseRates(baseRates(rt, MONDAY, MONDAY.plusDays(3), 12_000, "EUR")).getNightsSet();

        assertEquals(3, set);
        assertEquals(List.of(rate(MONDAY, 12_000, "EUR"), rate(MONDAY.plusDays(1), 12_000, "EUR"),
                rate(MONDAY.plusDays(2), 12_000, "EUR")), read(rt, MONDAY.minusDays(1), MONDAY.plusDays(4)));
    }

    @Test
    void baseRatesOnChosenWeekdaysOnlyTouchThoseNights() {
        RoomTypeRef rt = Fixtures.newHotel();
        rates.setBaseRates(baseRates(rt, MONDAY, MONDAY.plusDays(14), 10_000, "EUR"));

        int set = rates.setBaseRates(baseRates(rt, MONDAY, MONDAY.plusDays(14), 13_000, "EUR", DayOfWeek.FRIDAY,
                DayOfWeek.SATURDAY)).getNightsSet();

        assertEquals(4, set);
        List<BaseRate> read = read(rt, MONDAY, MONDAY.plusDays(14));
        assertEquals(14, read.size());
        for (BaseRate rate : read) {
            java.time.DayOfWeek day = localDate(rate.getDate()).getDayOfWeek();
            boolean weekend = day == java.time.DayOfWeek.FRIDAY || day == java.time.DayOfWeek.SATURDAY;
            assertEquals(weekend ? 13_000 : 10_000, rate.getAmount().getAmountMinor(), "price of " + day);
        }
    }

    @Test
    void settingARangeAgainReplacesItsPrices() {
        RoomTypeRef rt = Fixtures.newHotel();
        rates.setBaseRates(baseRates(rt, MONDAY, MONDAY.plusDays(2), 10_000, "USD"));

        rates.setBaseRates(baseRates(rt, MONDAY.plusDays(1), MONDAY.plusDays(3), 11_000, "USD"));

        assertEquals(List.of(rate(MONDAY, 10_000, "USD"), rate(MONDAY.plusDays(1), 11_000, "USD"),
                rate(MONDAY.plusDays(2), 11_000, "USD")), read(rt, MONDAY, MONDAY.plusDays(3)));
    }

    @Test
    void aHotelPricesInOneCurrencyAndAnotherIsRefused() {
        RoomTypeRef rt = Fixtures.newHotel();
        RoomTypeRef other = Fixtures.addRoomType(rt);
        rates.setBaseRates(baseRates(rt, MONDAY, MONDAY.plusDays(1), 10_000, "EUR"));

        assertStatus(Status.Code.FAILED_PRECONDITION, "hotel " + rt.hotelId() + " prices in EUR; all base prices of a"
                + " hotel share one currency, so set this one in EUR",
                () -> rates.setBaseRates(baseRates(other, MONDAY, MONDAY.plusDays(1), 10_000, "USD")));
        assertEquals(List.of(), read(other, MONDAY, MONDAY.plusDays(1)));
        // Another hotel may use another currency.
        RoomTypeRef elsewhere = Fixtures.newHotel();
        assertEquals(1, rates.setBaseRates(baseRates(elsewhere, MONDAY, MONDAY.plusDays(1), 1_500_000, "KRW"))
                .getNightsSet());
    }

    @Test
    void anUnknownRoomTypeOrHotelIsNotFound() {
        RoomTypeRef rt = Fixtures.newHotel();
        RoomTypeRef otherHotel = Fixtures.newHotel();

        assertStatus(Status.Code.NOT_FOUND, "room type " + otherHotel.roomTypeId() + " not found in hotel "
                + rt.hotelId(), () -> rates.setBaseRates(baseRates(new RoomTypeRef(rt.hotelId(),
                        otherHotel.roomTypeId()), MONDAY, MONDAY.plusDays(1), 10_000, "EUR")));
        assertStatus(Status.Code.NOT_FOUND, "hotel 999999 not found", () -> rates.setBaseRates(baseRates(
                new RoomTypeRef(999_999, rt.roomTypeId()), MONDAY, MONDAY.plusDays(1), 10_000, "EUR")));
        assertStatus(Status.Code.NOT_FOUND, "room type 999999 not found in hotel " + rt.hotelId(),
                () -> rates.getBaseRates(GetBaseRatesRequest.newBuilder().setHotelId(rt.hotelId())
                        .setRoomTypeId(999_999).setDates(range(MONDAY, MONDAY.plusDays(1))).build()));
    }

    @Test
    void aRoomTypeCreatedAfterItsHotelWasLookedUpCanBePricedAtOnce() {
        RoomTypeRef rt = Fixtures.newHotel();
        rates.setBaseRates(baseRates(rt, MONDAY, MONDAY.plusDays(1), 10_000, "EUR"));

        RoomTypeRef added = Fixtures.addRoomType(rt);

        assertEquals(1, rates.setBaseRates(baseRates(added, MONDAY, MONDAY.plusDays(1), 10_000, "EUR"))
                .getNightsSet());
    }

    @Test
    void invalidBaseRatesNameEveryBadField() throws Exception {
        RoomTypeRef rt = Fixtures.newHotel();
        SetBaseRatesRequest bad = SetBaseRatesRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setDates(range(MONDAY, MONDAY.plusDays(367)))
                .setAmount(money(0, "eur")).addDaysOfWeek(DayOfWeek.MONDAY).addDaysOfWeek(DayOfWeek.MONDAY)
                .addDaysOfWeek(DayOfWeek.DAY_OF_WEEK_UNSPECIFIED).build();

        BadRequest details = assertInvalid(() -> rates.setBaseRates(bad), "endDate", "amount", "currency",
                "daysOfWeek[1]", "daysOfWeek[2]");

        assertEquals("must be at most 366 nights after startDate",
                details.getFieldViolations(0).getDescription());
        assertInvalid(() -> rates.setBaseRates(baseRates(rt, MONDAY, MONDAY.plusDays(1), 100_000_001, "ABC")),
                "amount", "currency");
        assertInvalid(() -> rates.setBaseRates(SetBaseRatesRequest.newBuilder().setAmount(money(1, "EUR")).build()),
                "hotelID", "roomTypeID", "startDate", "endDate");

        // 201 days: one violation for the list (and the first repeats), not 194 that make an answer too big to send
        SetBaseRatesRequest.Builder flood = baseRates(rt, MONDAY, MONDAY.plusDays(1), 10_000, "EUR").toBuilder();
        for (int i = 0; i < 201; i++) {
            flood.addDaysOfWeek(DayOfWeek.MONDAY);
        }
        assertEquals("lists 201 days; a week has 7", assertInvalid(() -> rates.setBaseRates(flood.build()),
                "daysOfWeek", "daysOfWeek[1]", "daysOfWeek[2]", "daysOfWeek[3]", "daysOfWeek[4]", "daysOfWeek[5]",
                "daysOfWeek[6]").getFieldViolations(0).getDescription());
    }

    @Test
    void nightsBeyondTheSalesHorizonAreRefused() throws Exception {
        RoomTypeRef rt = Fixtures.newHotel();
        LocalDate lastOnSale = utcToday().plusDays(730);

        assertEquals(1, rates.setBaseRates(baseRates(rt, lastOnSale, lastOnSale.plusDays(1), 10_000, "EUR"))
                .getNightsSet());
        assertInvalid(() -> rates.setBaseRates(baseRates(rt, lastOnSale, lastOnSale.plusDays(2), 10_000, "EUR")),
                "endDate");
    }

    private List<BaseRate> read(RoomTypeRef rt, LocalDate from, LocalDate to) {
        return rates.getBaseRates(GetBaseRatesRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setDates(range(from, to)).build()).getRatesList();
    }

    private static BaseRate rate(LocalDate date, long amount, String currency) {
        return BaseRate.newBuilder().setDate(Fixtures.date(date)).setAmount(money(amount, currency)).build();
    }
}
