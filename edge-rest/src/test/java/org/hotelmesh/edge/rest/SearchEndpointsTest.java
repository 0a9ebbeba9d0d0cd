package org.hotelmesh.edge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hotelmesh.edge.Fixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.edge.api.AddressDto;
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.HotelOffersDto;
import org.hotelmesh.edge.api.MoneyDto;
import org.hotelmesh.edge.api.OfferDto;
import org.hotelmesh.edge.api.PageDto;
import org.hotelmesh.edge.api.PlaceDto;
import org.hotelmesh.edge.api.SearchHitDto;
import org.hotelmesh.edge.client.HotelClient;
import org.hotelmesh.edge.client.RateClient;
import org.hotelmesh.proto.rate.v1.SearchSort;
import org.hotelmesh.proto.rate.v1.SearchStaysRequest;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The stay search, a hotel's offers and the place suggestions: public, their parameters checked at the edge. */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisDatabase", value = "2"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class SearchEndpointsTest {

    static final DateSpan TWO_NIGHTS = new DateSpan(LocalDate.of(2027, 4, 28), LocalDate.of(2027, 4, 30));
    static final OfferDto DOUBLE = new OfferDto("12", "Double", 2, "1 queen", List.of("wifi"), true, true, 3,
            new MoneyDto(300_000, "KRW"), List.of(new OfferDto.Night("2027-04-28", new MoneyDto(150_000, "KRW")),
                    new OfferDto.Night("2027-04-29", new MoneyDto(150_000, "KRW"))));

    @InjectMock
    RateClient rates;

    @InjectMock
    HotelClient hotels;

    @Test
    void aSearchIsPublicAndPassesThePlaceStayAndPartyOn() {
        when(rates.searchStays(any())).thenReturn(ok(new PageDto<>(List.of(new SearchHitDto("245", "Harbor View",
                new AddressDto("1 Main St", null, "Seoul", null, "KR"), 4, "Asia/Seoul",
                new MoneyDto(300_000, "KRW"), List.of(DOUBLE))), null, 1)));

        String body = given().queryParam("city", " Seoul ").queryParam("startDate", "2027-04-28")
                .queryParam("endDate", "2027-04-30").queryParam("rooms", "2").queryParam("guests", "3")
                .queryParam("sort", "rating").queryParam("pageSize", "5")
                .when().get("/v1/search")
                .then().statusCode(200).extract().asString();

        ArgumentCaptor<SearchStaysRequest> sent = ArgumentCaptor.forClass(SearchStaysRequest.class);
        verify(rates).searchStays(sent.capture());
        assertEquals("Seoul", sent.getValue().getCity());
        assertEquals("", sent.getValue().getCountry());
        assertEquals(2, sent.getValue().getRooms());
        assertEquals(3, sent.getValue().getGuests());
        assertEquals(SearchSort.RATING, sent.getValue().getSort());
        assertEquals(5, sent.getValue().getPage().getPageSize());
        assertEquals(28, sent.getValue().getStay().getStartDate().getDay());
        assertEquals("""
                {"items":[{"hotelID":"245","name":"Harbor View","address":{"line1":"1 Main St","line2":null,\
                "city":"Seoul","postalCode":null,"country":"KR"},"starRating":4,"timeZone":"Asia/Seoul",\
                "cheapestTotal":{"amount":300000,"currency":"KRW"},"offers":[{"roomTypeID":"12","name":"Double",\
                "maxOccupancy":2,"bedConfiguration":"1 queen","amenities":["wifi"],"fits":true,"available":true,\
                "roomsLeft":3,"total":{"amount":300000,"currency":"KRW"},"nights":[{"date":"2027-04-28",\
                "price":{"amount":150000,"currency":"KRW"}},{"date":"2027-04-29","price":{"amount":150000,\
                "currency":"KRW"}}]}]}],"nextPageToken":null,"totalSize":1}""", body);
    }

    @Test
    void everyMalformedParameterIsNamedBeforeAnyServiceIsAsked() {
        given().queryParam("startDate", "2027-04-28").queryParam("endDate", "2027-04-27")
                .queryParam("rooms", "0").queryParam("guests", "١").queryParam("sort", "cheap")
                .when().get("/v1/search")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", equalTo(List.of(
                        Map.of("field", "city", "reason", "is required unless country is given"),
                        Map.of("field", "endDate", "reason", "must be after startDate"),
                        Map.of("field", "guests", "reason", "must be a whole number between 1 and 180"),
                        Map.of("field", "rooms", "reason", "must be between 1 and 9"),
                        Map.of("field", "sort", "reason", "must be price or rating"))));
        given().queryParam("country", "Korea").queryParam("startDate", "2027-04-28").queryParam("endDate", "2027-04-29")
                .when().get("/v1/search")
                .then().statusCode(400).body("detail", equalTo("country must be an ISO-3166 alpha-2 code such as KR"));
        given().queryParam("city", "x".repeat(101)).queryParam("startDate", "2027-04-28")
                .queryParam("endDate", "2027-04-29")
                .when().get("/v1/search")
                .then().statusCode(400).body("errors[0].field", equalTo("city"));
        given().queryParam("city", "Seoul\u202E").queryParam("startDate", "2027-04-28")
                .queryParam("endDate", "2027-04-29")
                .when().get("/v1/search")
                .then().statusCode(400).body("errors[0].field", equalTo("city"));
        given().queryParam("startDate", "2027-04-28").queryParam("endDate", "2027-04-30").queryParam("guests", "x")
                .when().get("/v1/hotels/245/offers")
                .then().statusCode(400).body("errors[0].field", equalTo("guests"));
        given().when().get("/v1/places")
                .then().statusCode(400).body("errors[0].field", equalTo("q"));
        verifyNoInteractions(rates, hotels);
    }

    @Test
    void aHotelsOffersAndThePlaceSuggestionsArePublic() {
        HotelOffersDto offers = new HotelOffersDto("245", "2027-04-28", "2027-04-30", 1, 2, List.of(DOUBLE));
        when(rates.hotelOffers(eq(245L), eq(TWO_NIGHTS), eq(1), eq(2))).thenReturn(ok(offers));
        given().queryParam("startDate", "2027-04-28").queryParam("endDate", "2027-04-30").queryParam("guests", "2")
                .when().get("/v1/hotels/245/offers")
                .then().statusCode(200).body("offers[0].roomsLeft", equalTo(3)).body("rooms", equalTo(1));

        when(hotels.suggestPlaces("Se")).thenReturn(ok(List.of(new PlaceDto("Seoul", "KR", 4))));
        given().queryParam("q", "Se")
                .when().get("/v1/places")
                .then().statusCode(200).body("[0].city", equalTo("Seoul")).body("[0].hotels", equalTo(4));
    }
}
