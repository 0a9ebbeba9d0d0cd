package org.hotelmesh.rate.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertInvalid;
import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.rate.grpc.Fixtures.baseRates;
import static org.hotelmesh.rate.grpc.Fixtures.range;
import static org.hotelmesh.rate.grpc.Fixtures.utcToday;
import static org.hotelmesh.rate.grpc.PricingRulesTest.rules;
import static org.hotelmesh.rate.grpc.PricingRulesTest.threshold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.common.v1.PageRequest;
import org.hotelmesh.proto.hotel.v1.Address;
import org.hotelmesh.proto.hotel.v1.FindHotelsResponse;
import org.hotelmesh.proto.hotel.v1.Hotel;
import org.hotelmesh.proto.hotel.v1.HotelInput;
import org.hotelmesh.proto.hotel.v1.HotelWithRoomTypes;
import org.hotelmesh.proto.hotel.v1.RoomType;
import org.hotelmesh.proto.hotel.v1.RoomTypeInput;
import org.hotelmesh.proto.rate.v1.GetHotelOffersRequest;
import org.hotelmesh.proto.rate.v1.GetHotelOffersResponse;
import org.hotelmesh.proto.rate.v1.HotelHit;
import org.hotelmesh.proto.rate.v1.PriceStayRequest;
import org.hotelmesh.proto.rate.v1.SearchServiceGrpc.SearchServiceBlockingStub;
import org.hotelmesh.proto.rate.v1.SearchSort;
import org.hotelmesh.proto.rate.v1.SearchStaysRequest;
import org.hotelmesh.proto.rate.v1.SearchStaysResponse;
import org.hotelmesh.proto.rate.v1.SetPricingRulesRequest;
import org.hotelmesh.rate.client.CatalogClient;
import org.hotelmesh.rate.domain.Occupancy;
import org.hotelmesh.rate.domain.StockNight;
import org.hotelmesh.rate.grpc.Fixtures.RoomTypeRef;
import org.hotelmesh.support.error.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * The stay search on rate-svc's real database, with the catalog and the inventory (other services) mocked: hotels
 * are priced night by night as PriceStay prices them, sold-out, unpriced and too-small offers are left out, and a
 * search of many hotels costs one catalog read and a few stock reads (two hotels per read in tests), then none
 * while the copies are fresh.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "rate_test"), @ResourceArg(name = "redisDatabase", value = "5") })
class SearchTest extends RateTestBase {

    private static final LocalDate NIGHT = utcToday().plusDays(20);

    /** The place each mocked FindHotels answers for, by lower-cased city. */
    private static final Map<String, FindHotelsResponse> PLACES = new ConcurrentHashMap<>();
    /** The hotels the mocked GetHotel answers, by id. */
    private static final Map<Long, HotelWithRoomTypes> HOTELS = new ConcurrentHashMap<>();

    @InjectMock
    CatalogClient places;

    @GrpcClient("rate")
    SearchServiceBlockingStub search;

    @BeforeEach
    void theCatalogAndTheStockAnswerFromFixtures() {
        when(places.find(anyString(), anyString(), anyInt(), any())).thenAnswer(call -> Uni.createFrom()
                .item(PLACES.getOrDefault((String) call.getArgument(0), FindHotelsResponse.getDefaultInstance())));
        when(places.hotel(anyLong())).thenAnswer(call -> {
            HotelWithRoomTypes hotel = HOTELS.get((Long) call.getArgument(0));
            return hotel == null ? Uni.createFrom().failure(NotFound.hotel(call.getArgument(0)))
                    : Uni.createFrom().item(hotel);
        });
        when(inventory.stock(anyList(), any(), any())).thenAnswer(call -> Uni.createFrom()
                .item(stock(call.getArgument(0), call.getArgument(1), call.getArgument(2))));
    }

    @Test
    void aPlacesHotelsAreFoundCheapestFirstPricedAsPriceStayPricesThem() {
        String city = "city-" + UUID.randomUUID();
        RoomTypeRef cheap = priced(newHotel(city, 3, 2), 10_000);
        RoomTypeRef busy = priced(newHotel(city, 4, 2), 9_000);
        RoomTypeRef soldOut = priced(newHotel(city, 5, 2), 5_000);
        RoomTypeRef unpriced = newHotel(city, 5, 2);
        rates.setBaseRates(baseRates(unpriced, NIGHT, NIGHT.plusDays(1), 1_000, "KRW"));
        RoomTypeRef single = priced(newHotel(city, 5, 1), 1_000);
        // The busy hotel is half full on the first night, where its rules add 50%; the sold-out one is full there.
        rates.setPricingRules(SetPricingRulesRequest.newBuilder()
                .setRules(rules(busy.hotelId(), 0, threshold(0.5, 1.5, 0))).build());
        Fixtures.reserve(busy, NIGHT, 5);
        Fixtures.reserve(soldOut, NIGHT, 10);

        SearchStaysResponse found = search.searchStays(stay(city, 1, 2, SearchSort.PRICE));
        assertEquals(List.of(cheap.hotelId(), busy.hotelId()), hotelIds(found));
        assertEquals(2, found.getPage().getTotalSize());
        // 9,000 x 1.5 + 9,000 = 22,500: dearer than 2 x 10,000 now that the first night is half full.
        HotelHit busyHit = found.getHits(1);
        assertEquals(22_500, busyHit.getCheapestTotal().getAmountMinor());
        assertEquals("KRW", busyHit.getCheapestTotal().getCurrency());
        assertEquals(5, busyHit.getOffers(0).getRoomsLeft());
        long priceStay = rates.priceStay(PriceStayRequest.newBuilder().setHotelId(busy.hotelId())
                .setRoomTypeId(busy.roomTypeId()).setStay(range(NIGHT, NIGHT.plusDays(2))).setRooms(1).build())
                .getTotal().getAmountMinor();
        assertEquals(priceStay, busyHit.getCheapestTotal().getAmountMinor());

        // One guest: the single room is the cheapest; by rating the five stars come first.
        assertEquals(List.of(single.hotelId(), cheap.hotelId(), busy.hotelId()),
                hotelIds(search.searchStays(stay(city, 1, 1, SearchSort.PRICE))));
        assertEquals(List.of(single.hotelId(), busy.hotelId(), cheap.hotelId()),
                hotelIds(search.searchStays(stay(city, 1, 1, SearchSort.RATING))));
    }

    @Test
    void aSearchReadsTheCatalogOnceAndTheStockAFewHotelsAtATimeThenNothingWhileFresh() throws Exception {
        String city = "city-" + UUID.randomUUID();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(priced(newHotel(city, 3, 2), 10_000 + i).hotelId());
        }
        clearInvocations(places, inventory);
        assertEquals(ids, hotelIds(search.searchStays(stay(city, 1, 2, SearchSort.PRICE))));
        verify(places, times(1)).find(eq(city), eq(""), anyInt(), any());
        verify(inventory, times(3)).stock(anyList(), eq(NIGHT), eq(NIGHT.plusDays(2)));
        verify(inventory, never()).occupancy(anyLong(), anyLong(), any(), any());

        clearInvocations(places, inventory);
        SearchStaysResponse first = search.searchStays(stay(city, 1, 2, SearchSort.PRICE).toBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(2)).build());
        verify(places, never()).find(anyString(), anyString(), anyInt(), any());
        verify(inventory, never()).stock(anyList(), any(), any());

        // Pages follow each other without gaps or repeats.
        List<Long> paged = new ArrayList<>(hotelIds(first));
        String token = first.getPage().getNextPageToken();
        while (!token.isEmpty()) {
            SearchStaysResponse next = search.searchStays(stay(city, 1, 2, SearchSort.PRICE).toBuilder()
                    .setPage(PageRequest.newBuilder().setPageSize(2).setPageToken(token)).build());
            paged.addAll(hotelIds(next));
            token = next.getPage().getNextPageToken();
        }
        assertEquals(ids, paged);
        String priceToken = first.getPage().getNextPageToken();
        assertInvalid(() -> search.searchStays(stay(city, 1, 2, SearchSort.RATING).toBuilder()
                .setPage(PageRequest.newBuilder().setPageToken(priceToken)).build()), "pageToken");
    }

    @Test
    void theHotelsOffersShowEveryRoomTypeAvailableOrNot() {
        String city = "city-" + UUID.randomUUID();
        RoomTypeRef suite = priced(newHotel(city, 4, 4), 30_000);
        RoomTypeRef twin = Fixtures.addRoomType(suite);
        register(city);
        rates.setBaseRates(baseRates(twin, NIGHT, NIGHT.plusDays(1), 8_000, "KRW"));

        GetHotelOffersResponse offers = search.getHotelOffers(GetHotelOffersRequest.newBuilder()
                .setHotelId(suite.hotelId()).setStay(range(NIGHT, NIGHT.plusDays(2))).setRooms(1).setGuests(3)
                .build());
        assertEquals(2, offers.getOffersCount());
        assertTrue(offers.getOffers(0).getAvailable());
        assertEquals(60_000, offers.getOffers(0).getTotal().getAmountMinor());
        assertFalse(offers.getOffers(1).getAvailable());
        assertFalse(offers.getOffers(1).getFits());
        assertFalse(offers.getOffers(1).hasTotal());
        assertTrue(offers.getOffers(1).getNights(0).hasPrice());
        assertFalse(offers.getOffers(1).getNights(1).hasPrice());

        assertStatus(Status.Code.NOT_FOUND, null, () -> search.getHotelOffers(GetHotelOffersRequest.newBuilder()
                .setHotelId(424242).setStay(range(NIGHT, NIGHT.plusDays(1))).setRooms(1).setGuests(1).build()));
    }

    @Test
    void aSearchNamesWhatIsWrongWithIt() throws Exception {
        assertInvalid(() -> search.searchStays(stay("", 1, 1, SearchSort.PRICE)), "city");
        assertInvalid(() -> search.searchStays(stay("Seoul", 1, 1, SearchSort.PRICE).toBuilder()
                .setStay(range(utcToday().minusDays(3), utcToday().minusDays(1))).build()), "startDate");
        assertInvalid(() -> search.searchStays(stay("Seoul", 2, 1, SearchSort.PRICE)), "guests");
        assertInvalid(() -> search.searchStays(stay("Seoul", 1, 21, SearchSort.PRICE)), "guests");
        assertInvalid(() -> search.searchStays(stay("Seoul", 1, 1, SearchSort.PRICE).toBuilder()
                .setStay(range(NIGHT, NIGHT.plusDays(31))).build()), "endDate");
        assertInvalid(() -> search.searchStays(stay("Seoul", 1, 1, SearchSort.PRICE).toBuilder()
                .setCountry("kr").build()), "country");
        assertInvalid(() -> search.searchStays(stay("Seoul", 1, 1, SearchSort.PRICE).toBuilder()
                .setPage(PageRequest.newBuilder().setPageSize(101)).build()), "pageSize");

        String crowded = "crowded-" + UUID.randomUUID();
        PLACES.put(crowded, FindHotelsResponse.newBuilder().setMore(true).build());
        assertInvalid(() -> search.searchStays(stay(crowded, 1, 1, SearchSort.PRICE)), "city");
    }

    // ---- fixtures

    /** The catalog of each city: its hotels (UTC, with the room types the rate fixtures made), as FindHotels says. */
    private static final Map<String, List<RoomTypeRef>> CITIES = new ConcurrentHashMap<>();
    private static final Map<RoomTypeRef, int[]> SHAPES = new ConcurrentHashMap<>();

    /** A hotel of {@code city} with one room type of 10 rooms for {@code maxOccupancy} guests each. */
    private static RoomTypeRef newHotel(String city, int stars, int maxOccupancy) {
        RoomTypeRef rt = Fixtures.newHotel();
        SHAPES.put(rt, new int[] {stars, maxOccupancy});
        CITIES.computeIfAbsent(city, c -> new ArrayList<>()).add(rt);
        register(city);
        return rt;
    }

    private static void register(String city) {
        FindHotelsResponse.Builder answer = FindHotelsResponse.newBuilder();
        for (RoomTypeRef first : CITIES.get(city)) {
            int[] shape = SHAPES.get(first);
            HotelWithRoomTypes.Builder hotel = HotelWithRoomTypes.newBuilder().setHotel(Hotel.newBuilder()
                    .setId(first.hotelId()).setDetails(HotelInput.newBuilder().setName("Hotel " + first.hotelId())
                            .setAddress(Address.newBuilder().setCity(city).setCountry("KR")).setTimeZone("UTC")
                            .setStarRating(shape[0])));
            Fixtures.HOTELS.get(first.hotelId()).roomTypeIds().stream().sorted().forEach(id -> hotel.addRoomTypes(
                    RoomType.newBuilder().setId(id).setHotelId(first.hotelId()).setDetails(RoomTypeInput.newBuilder()
                            .setName(id == first.roomTypeId() ? "First" : "Other")
                            .setMaxOccupancy(id == first.roomTypeId() ? shape[1] : 1))));
            answer.addHotels(hotel);
            HOTELS.put(first.hotelId(), hotel.build());
        }
        PLACES.put(city, answer.build());
    }

    private RoomTypeRef priced(RoomTypeRef rt, long amount) {
        rates.setBaseRates(baseRates(rt, NIGHT, NIGHT.plusDays(2), amount, "KRW"));
        return rt;
    }

    /** The stock reservation-svc would answer, from the rooms and reservations of the rate fixtures. */
    private static List<StockNight> stock(List<Long> hotelIds, LocalDate from, LocalDate to) {
        List<StockNight> rows = new ArrayList<>();
        Fixtures.ROOMS.forEach((rt, rooms) -> {
            if (hotelIds.contains(rt.hotelId())) {
                from.datesUntil(to).forEach(date -> {
                    int reserved = Fixtures.RESERVED.getOrDefault(new Fixtures.Night(rt, date), 0);
                    rows.add(new StockNight(rt.hotelId(), rt.roomTypeId(), date, Math.max(rooms - reserved, 0),
                            new Occupancy(reserved, rooms)));
                });
            }
        });
        return rows;
    }

    private static SearchStaysRequest stay(String city, int rooms, int guests, SearchSort sort) {
        return SearchStaysRequest.newBuilder().setCity(city).setStay(range(NIGHT, NIGHT.plusDays(2)))
                .setRooms(rooms).setGuests(guests).setSort(sort).build();
    }

    private static List<Long> hotelIds(SearchStaysResponse response) {
        return response.getHitsList().stream().map(hit -> hit.getHotel().getId()).toList();
    }
}
