package org.hotelmesh.edge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hotelmesh.edge.Fixtures.found;
import static org.hotelmesh.edge.Fixtures.hotel;
import static org.hotelmesh.edge.Fixtures.ok;
import static org.hotelmesh.edge.Fixtures.room;
import static org.hotelmesh.edge.Fixtures.roomType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.edge.api.PageDto;
import org.hotelmesh.edge.api.PageQuery;
import org.hotelmesh.edge.client.HotelClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisDatabase", value = "2"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class CatalogReadTest {

    @InjectMock
    HotelClient hotels;

    @Test
    void getHotelWithoutTokenReturnsContractShapeWithRoomTypes() {
        when(hotels.getHotel(1L)).thenReturn(found(hotel(1).withRoomTypes(List.of(roomType(1, 12)))));

        String body = given().when().get("/v1/hotels/1")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString();

        org.junit.jupiter.api.Assertions.assertEquals("""
                {"id":"1","name":"Grand Seoul","address":{"line1":"1 Sejong-daero","line2":null,"city":"Seoul",\
                "postalCode":"04524","country":"KR"},"timeZone":"Asia/Seoul","starRating":5,\
                "description":"By the palace","contact":{"email":"front@grand.example","phone":"+82 2 123 4567"},\
                "version":3,"createdAt":"2026-11-22T10:00:00Z","updatedAt":"2026-11-22T11:00:00Z","offSale":false,\
                "roomTypes":[{"id":"12","hotelID":"1","name":"Deluxe King","description":"City view",\
                "maxOccupancy":2,"bedConfiguration":"1 king","amenities":["wifi","minibar"],"roomCount":10,\
                "roomsInService":9}]}""", body);
    }

    @Test
    void listHotelsPassesPagingAndFiltersAndOmitsRoomTypes() {
        when(hotels.listHotels(new PageQuery(2, "abc"), "Seoul", "KR"))
                .thenReturn(ok(new PageDto<>(List.of(hotel(1), hotel(2)), "next-1", 42)));

        given().queryParam("pageSize", 2).queryParam("pageToken", "abc")
                .queryParam("city", "Seoul").queryParam("country", "KR")
                .when().get("/v1/hotels")
                .then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].id", equalTo("1"))
                .body("items[1].id", equalTo("2"))
                .body("items[0]", not(hasKey("roomTypes")))
                .body("nextPageToken", equalTo("next-1"))
                .body("totalSize", equalTo(42));
    }

    @Test
    void listHotelsDefaultsToPageSizeTwenty() {
        when(hotels.listHotels(new PageQuery(20, ""), null, null))
                .thenReturn(ok(new PageDto<>(List.of(), null, 0)));

        given().when().get("/v1/hotels")
                .then().statusCode(200)
                .body("items.size()", equalTo(0))
                .body("nextPageToken", nullValue())
                .body("totalSize", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "abc", "-3"})
    void pageSizeOutOfRangeOrNotANumberIsRejected(String pageSize) {
        given().queryParam("pageSize", pageSize).when().get("/v1/hotels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", equalTo("pageSize must be an integer between 1 and 100"));
        verify(hotels, never()).listHotels(any(), any(), any());
    }

    @Test
    void unknownCountryFilterIsRejected() {
        given().queryParam("country", "XX").when().get("/v1/hotels")
                .then().statusCode(400)
                .body("detail", equalTo("country must be an ISO-3166 alpha-2 code such as KR"));
    }

    @Test
    void missingHotelIsProblem404() {
        when(hotels.getHotel(7L)).thenReturn(ok(Optional.empty()));

        given().when().get("/v1/hotels/7")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("Hotel 7 does not exist"))
                .body("instance", equalTo("/v1/hotels/7"))
                .body("$", not(hasKey("errors")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "99999999999999999999"})
    void malformedHotelIdIsBadRequest(String id) {
        given().when().get("/v1/hotels/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("hotel id must be a positive integer"))
                .body("instance", equalTo("/v1/hotels/" + id));
        verify(hotels, never()).getHotel(anyLong());
    }

    @Test
    void malformedRoomTypeIdIsBadRequest() {
        given().when().get("/v1/hotels/1/room-types/x1")
                .then().statusCode(400)
                .body("detail", equalTo("room type id must be a positive integer"));
    }

    @Test
    void roomTypesAndRoomsAreReadable() {
        when(hotels.listRoomTypes(1L, new PageQuery(20, "")))
                .thenReturn(ok(new PageDto<>(List.of(roomType(1, 12)), null, 1)));
        when(hotels.getRoomType(1L, 12L)).thenReturn(found(roomType(1, 12)));
        when(hotels.listRooms(1L, new PageQuery(5, ""), 12L))
                .thenReturn(ok(new PageDto<>(List.of(room(1, 100)), null, 1)));
        when(hotels.getRoom(1L, 100L)).thenReturn(found(room(1, 100)));
        when(hotels.getRoom(1L, 101L)).thenReturn(ok(Optional.empty()));

        given().when().get("/v1/hotels/1/room-types")
                .then().statusCode(200)
                .body("items[0].id", equalTo("12"))
                .body("items[0].hotelID", equalTo("1"))
                .body("totalSize", equalTo(1));
        given().when().get("/v1/hotels/1/room-types/12")
                .then().statusCode(200)
                .body("name", equalTo("Deluxe King"))
                .body("amenities", equalTo(List.of("wifi", "minibar")))
                .body("roomsInService", equalTo(9));
        given().queryParam("pageSize", 5).queryParam("roomTypeID", "12").when().get("/v1/hotels/1/rooms")
                .then().statusCode(200)
                .body("items[0].number", equalTo("1205"));
        String room = given().when().get("/v1/hotels/1/rooms/100")
                .then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(
                "{\"id\":\"100\",\"hotelID\":\"1\",\"roomTypeID\":\"12\",\"number\":\"1205\",\"floor\":12,\"inService\":true}",
                room);
        given().when().get("/v1/hotels/1/rooms/101")
                .then().statusCode(404)
                .body("detail", equalTo("Room 101 of hotel 1 does not exist"));
    }

    @Test
    void responsesCarryRateLimitHeaders() {
        when(hotels.getHotel(1L)).thenReturn(found(hotel(1)));

        given().when().get("/v1/hotels/1")
                .then().statusCode(200)
                .header("RateLimit-Limit", equalTo("1200"))
                .header("RateLimit-Remaining", org.hamcrest.Matchers.matchesPattern("\\d+"));
    }
}
