package org.hotelmesh.hotel.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertInvalid;
import static org.hotelmesh.hotel.grpc.Fixtures.createRoomType;
import static org.hotelmesh.hotel.grpc.Fixtures.hotelInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.hotel.v1.CreateHotelRequest;
import org.hotelmesh.proto.hotel.v1.FindHotelsRequest;
import org.hotelmesh.proto.hotel.v1.FindHotelsResponse;
import org.hotelmesh.proto.hotel.v1.HotelServiceGrpc.HotelServiceBlockingStub;
import org.hotelmesh.proto.hotel.v1.HotelWithRoomTypes;
import org.hotelmesh.proto.hotel.v1.Place;
import org.hotelmesh.proto.hotel.v1.RoomType;
import org.hotelmesh.proto.hotel.v1.SetHotelSaleRequest;
import org.hotelmesh.proto.hotel.v1.SuggestPlacesRequest;
import org.junit.jupiter.api.Test;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the stay search reads of the catalog: a place's hotels with their room types in one answer
 * (off-sale ones flagged, a limit that says there are more), and the cities starting with what a guest typed.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "hotel_test"), @ResourceArg(name = "redisDatabase", value = "1") })
class PlaceSearchTest extends HotelTestBase {

    @GrpcClient("hotel")
    HotelServiceBlockingStub hotels;

    @Test
    void findHotelsAnswersThePlacesHotelsWithRoomTypesInIdOrder() {
        String city = "Findcity-" + UUID.randomUUID();
        long first = hotel("First", city, "KR");
        long second = hotel("Second", city.toUpperCase(), "KR");
        hotel("Elsewhere", city, "JP");
        RoomType twin = createRoomType(hotels, first, "Twin");
        RoomType suite = createRoomType(hotels, first, "Suite");
        hotels.setHotelSale(SetHotelSaleRequest.newBuilder().setHotelId(second).setOffSale(true).build());

        FindHotelsResponse found = hotels.findHotels(FindHotelsRequest.newBuilder().setCity(city.toLowerCase())
                .setCountry("KR").setLimit(10).build());
        assertFalse(found.getMore());
        assertEquals(List.of(first, second), found.getHotelsList().stream().map(h -> h.getHotel().getId()).toList());
        HotelWithRoomTypes withTypes = found.getHotels(0);
        assertEquals(List.of(twin.getId(), suite.getId()),
                withTypes.getRoomTypesList().stream().map(RoomType::getId).toList());
        assertEquals("Twin", withTypes.getRoomTypes(0).getDetails().getName());
        assertEquals(2, withTypes.getRoomTypes(0).getDetails().getMaxOccupancy());
        assertTrue(found.getHotels(1).getHotel().getOffSale());
        assertEquals(0, found.getHotels(1).getRoomTypesCount());

        // A country alone, and a limit below the count: the lowest ids, and "more".
        FindHotelsResponse limited = hotels.findHotels(FindHotelsRequest.newBuilder().setCity(city).setLimit(2)
                .build());
        assertEquals(2, limited.getHotelsCount());
        assertTrue(limited.getMore());
        assertEquals(first, limited.getHotels(0).getHotel().getId());
    }

    @Test
    void findHotelsNeedsAPlaceAndASaneLimit() throws Exception {
        assertInvalid(() -> hotels.findHotels(FindHotelsRequest.newBuilder().setLimit(10).build()), "city");
        assertInvalid(() -> hotels.findHotels(FindHotelsRequest.newBuilder().setCity("Seoul").build()), "limit");
        assertInvalid(() -> hotels.findHotels(FindHotelsRequest.newBuilder().setCity("Seoul").setLimit(5001)
                .build()), "limit");
        assertInvalid(() -> hotels.findHotels(FindHotelsRequest.newBuilder().setCountry("kr").setLimit(1).build()),
                "country");
    }

    @Test
    void placesStartingWithWhatWasTypedComeMostHotelsFirstAndWildcardsAreCharacters() throws Exception {
        String stem = "Zq" + UUID.randomUUID().toString().substring(0, 8);
        hotel("A", stem + "ton", "GB");
        hotel("B", stem + "ton", "GB");
        hotel("C", stem + "TON", "GB");
        hotel("D", stem + "ville", "FR");
        hotel("E", stem + "_under", "FR");

        List<Place> places = hotels.suggestPlaces(SuggestPlacesRequest.newBuilder().setPrefix(stem.toLowerCase())
                .build()).getPlacesList();
        assertEquals(3, places.size(), places.toString());
        assertEquals(3, places.get(0).getHotels());
        assertTrue(places.get(0).getCity().equalsIgnoreCase(stem + "ton"), places.toString());
        assertEquals("GB", places.get(0).getCountry());

        List<Place> underscore = hotels.suggestPlaces(SuggestPlacesRequest.newBuilder().setPrefix(stem + "_")
                .build()).getPlacesList();
        assertEquals(List.of(stem + "_under"), underscore.stream().map(Place::getCity).toList());
        assertEquals(0, hotels.suggestPlaces(SuggestPlacesRequest.newBuilder().setPrefix(stem + "%").build())
                .getPlacesCount());
        assertEquals(1, hotels.suggestPlaces(SuggestPlacesRequest.newBuilder().setPrefix(stem).setLimit(1).build())
                .getPlacesCount());

        assertInvalid(() -> hotels.suggestPlaces(SuggestPlacesRequest.newBuilder().setPrefix("").build()), "q");
        assertInvalid(() -> hotels.suggestPlaces(SuggestPlacesRequest.newBuilder().setPrefix("Se").setLimit(21)
                .build()), "limit");
    }

    private long hotel(String name, String city, String country) {
        return hotels.createHotel(CreateHotelRequest.newBuilder().setHotel(hotelInput(name, city, country)).build())
                .getHotel().getId();
    }
}
