package org.hotelmesh.edge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hotelmesh.edge.Fixtures.admin;
import static org.hotelmesh.edge.Fixtures.failed;
import static org.hotelmesh.edge.Fixtures.ok;
import static org.hotelmesh.edge.Fixtures.staffOf;
import static org.hotelmesh.edge.ReservationFixtures.ID;
import static org.hotelmesh.edge.ReservationFixtures.guest1;
import static org.hotelmesh.edge.ReservationFixtures.guest2;
import static org.hotelmesh.edge.ReservationFixtures.pending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.edge.ReservationFixtures;
import org.hotelmesh.edge.api.BaseRateDto;
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.NewReservation;
import org.hotelmesh.edge.api.NightPriceDto;
import org.hotelmesh.edge.api.NightRateDto;
import org.hotelmesh.edge.api.PricingRulesDto;
import org.hotelmesh.edge.api.QuoteDto;
import org.hotelmesh.edge.client.Downstream;
import org.hotelmesh.edge.client.RateClient;
import org.hotelmesh.edge.client.ReservationClient;
import org.hotelmesh.proto.rate.v1.DayOfWeek;
import org.hotelmesh.support.client.DownstreamUnavailable;
import org.junit.jupiter.api.Test;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Nightly prices (public), base prices and pricing rules (staff), quotes (guests) and booking with a quote. */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisDatabase", value = "2"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class PricingEndpointsTest {

    static final DateSpan TWO_NIGHTS = new DateSpan(LocalDate.of(2027, 4, 28), LocalDate.of(2027, 4, 30));
    static final String QUOTE_ID = "q_3J8m1yXo0c2kB9xQ7wVt4A";
    static final QuoteDto QUOTE = new QuoteDto(QUOTE_ID, ID, "245", "12", "2027-04-28", "2027-04-30", 2,
            List.of(new NightPriceDto("2027-04-28", 12000, "EUR"), new NightPriceDto("2027-04-29", 13200, "EUR")),
            50400, "EUR", "2026-12-01T10:15:00Z");

    @InjectMock
    RateClient rates;

    @InjectMock
    ReservationClient reservations;

    // ---- nightly prices

    @Test
    void nightlyPricesArePublicAndAnUnpricedNightHasNoAmount() {
        when(rates.nightlyRates(245L, 12L, TWO_NIGHTS)).thenReturn(ok(List.of(
                new NightRateDto("2027-04-28", 13200L, "EUR", 0.75), new NightRateDto("2027-04-29", null, null, 0.0))));

        String body = given().queryParam("startDate", "2027-04-28").queryParam("endDate", "2027-04-30")
                .when().get("/v1/hotels/245/room-types/12/rates")
                .then().statusCode(200).extract().asString();

        assertEquals("""
                [{"date":"2027-04-28","amount":13200,"currency":"EUR","occupancy":0.75},\
                {"date":"2027-04-29","amount":null,"currency":null,"occupancy":0.0}]""", body);
    }

    @Test
    void nightlyPricesNeedAValidRangeAndIds() {
        given().queryParam("startDate", "2027-04-28").queryParam("endDate", "2028-04-29")
                .when().get("/v1/hotels/245/room-types/12/rates")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", equalTo(List.of(Map.of("field", "endDate",
                        "reason", "must be at most 366 days after startDate"))));
        given().queryParam("startDate", "2027-04-28").queryParam("endDate", "2027-04-30")
                .when().get("/v1/hotels/245/room-types/twelve/rates")
                .then().statusCode(400).body("detail", equalTo("room type id must be a positive integer"));
        verifyNoInteractions(rates);
    }

    @Test
    void whenRateSvcIsDownPricesAre503NamingPrices() {
        when(rates.nightlyRates(anyLong(), anyLong(), any())).thenReturn(failed(DownstreamUnavailable.of(Downstream.RATES.service(), DownstreamUnavailable.Reason.UNREACHABLE, "UNAVAILABLE", null)));

        given().queryParam("startDate", "2027-04-28").queryParam("endDate", "2027-04-30")
                .when().get("/v1/hotels/245/room-types/12/rates")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", equalTo(Downstream.RATES.unreachable()));
    }

    // ---- base prices

    @Test
    void staffOfTheHotelSetBasePricesOnChosenWeekdays() {
        when(rates.setBaseRates(anyLong(), anyLong(), any(), anyLong(), anyString(), any())).thenReturn(ok(2));

        given().header("Authorization", staffOf(245)).contentType(ContentType.JSON)
                .body("""
                        {"startDate":"2027-04-28","endDate":"2027-04-30","amount":12000,"currency":"EUR",\
                        "daysOfWeek":["FRIDAY","SATURDAY"]}""")
                .when().put("/v1/hotels/245/room-types/12/base-rates")
                .then().statusCode(200).body("nightsSet", equalTo(2));

        verify(rates).setBaseRates(245L, 12L, TWO_NIGHTS, 12000L, "EUR", List.of(DayOfWeek.FRIDAY,
                DayOfWeek.SATURDAY));
    }

    @Test
    void basePricesAreForStaffOfThatHotelOnly() {
        String body = """
                {"startDate":"2027-04-28","endDate":"2027-04-30","amount":12000,"currency":"EUR"}""";
        given().contentType(ContentType.JSON).body(body).when().put("/v1/hotels/245/room-types/12/base-rates")
                .then().statusCode(401);
        given().header("Authorization", guest1()).contentType(ContentType.JSON).body(body)
                .when().put("/v1/hotels/245/room-types/12/base-rates").then().statusCode(403);
        given().header("Authorization", staffOf(7)).contentType(ContentType.JSON).body(body)
                .when().put("/v1/hotels/245/room-types/12/base-rates")
                .then().statusCode(403).body("detail", equalTo("Only staff of hotel 245 may do this"));
        given().header("Authorization", guest1()).queryParam("startDate", "2027-04-28")
                .queryParam("endDate", "2027-04-30").when().get("/v1/hotels/245/room-types/12/base-rates")
                .then().statusCode(403);
        verifyNoInteractions(rates);
    }

    @Test
    void aBasePriceChangeIsCheckedFieldByField() {
        given().header("Authorization", staffOf(245)).contentType(ContentType.JSON)
                .body("""
                        {"startDate":"2027-04-30","endDate":"2027-04-28","daysOfWeek":["FRIDAY","Caturday"]}""")
                .when().put("/v1/hotels/245/room-types/12/base-rates")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", equalTo(List.of(
                        Map.of("field", "amount", "reason", "is required (minor units, e.g. 12000 for EUR 120.00)"),
                        Map.of("field", "currency", "reason", "is required (ISO-4217, e.g. EUR)"),
                        Map.of("field", "daysOfWeek[1]", "reason", "must be one of MONDAY, TUESDAY, WEDNESDAY, "
                                + "THURSDAY, FRIDAY, SATURDAY, SUNDAY"),
                        Map.of("field", "endDate", "reason", "must be after startDate"))));
        given().header("Authorization", staffOf(245)).contentType(ContentType.JSON)
                .body("{\"startDate\":\"2027-04-28\",\"endDate\":\"2027-04-30\",\"amount\":\"lots\"}")
                .when().put("/v1/hotels/245/room-types/12/base-rates")
                .then().statusCode(400).body("errors[0].field", equalTo("amount"));
        verifyNoInteractions(rates);
    }

    @Test
    void staffReadBasePricesBack() {
        when(rates.baseRates(245L, 12L, TWO_NIGHTS)).thenReturn(ok(List.of(
                new BaseRateDto("2027-04-28", 12000, "EUR"))));

        String body = given().header("Authorization", staffOf(245))
                .queryParam("startDate", "2027-04-28").queryParam("endDate", "2027-04-30")
                .when().get("/v1/hotels/245/room-types/12/base-rates")
                .then().statusCode(200).extract().asString();

        assertEquals("[{\"date\":\"2027-04-28\",\"amount\":12000,\"currency\":\"EUR\"}]", body);
    }

    // ---- pricing rules

    static final PricingRulesDto HOTEL_RULES = new PricingRulesDto("245", null, List.of(
            new PricingRulesDto.Threshold(new BigDecimal("0.7"), new BigDecimal("1.1"), 0L)), null, 30000L, "hotel");

    @Test
    void staffReadTheRulesInForceAndWhereTheyComeFrom() {
        when(rates.pricingRules(245L, 0L)).thenReturn(ok(HOTEL_RULES));
        when(rates.pricingRules(245L, 12L)).thenReturn(ok(HOTEL_RULES));

        String body = given().header("Authorization", staffOf(245)).when().get("/v1/hotels/245/pricing-rules")
                .then().statusCode(200).extract().asString();
        assertEquals("""
                {"hotelID":"245","roomTypeID":null,"thresholds":[{"minOccupancy":0.7,"multiplier":1.1,"surcharge":0}],\
                "floor":null,"ceiling":30000,"source":"hotel"}""", body);
        given().header("Authorization", staffOf(245)).queryParam("roomTypeID", "12")
                .when().get("/v1/hotels/245/pricing-rules").then().statusCode(200);
        given().header("Authorization", guest1()).when().get("/v1/hotels/245/pricing-rules").then().statusCode(403);

        verify(rates).pricingRules(245L, 12L);
    }

    @Test
    void rulesReadFromGetCanBeSentBackAndGoWhereTheQuerySays() {
        when(rates.setPricingRules(anyLong(), anyLong(), any())).thenReturn(ok(HOTEL_RULES));

        given().header("Authorization", staffOf(245)).contentType(ContentType.JSON)
                .body("""
                        {"hotelID":"245","roomTypeID":null,"thresholds":[{"minOccupancy":0.7,"multiplier":1.1,\
                        "surcharge":0}],"floor":null,"ceiling":30000,"source":"hotel"}""")
                .when().put("/v1/hotels/245/pricing-rules")
                .then().statusCode(200).body("ceiling", equalTo(30000));
        given().header("Authorization", staffOf(245)).contentType(ContentType.JSON)
                .body("{\"thresholds\":[{\"minOccupancy\":0.9,\"surcharge\":2500}]}")
                .queryParam("roomTypeID", "12")
                .when().put("/v1/hotels/245/pricing-rules")
                .then().statusCode(200);

        verify(rates).setPricingRules(245L, 0L, new PricingRulesDto("245", null, List.of(
                new PricingRulesDto.Threshold(new BigDecimal("0.7"), new BigDecimal("1.1"), 0L)), null, 30000L,
                "hotel"));
        verify(rates).setPricingRules(245L, 12L, new PricingRulesDto(null, null, List.of(
                new PricingRulesDto.Threshold(new BigDecimal("0.9"), null, 2500L)), null, null, null));
    }

    @Test
    void rulesNamingOtherRulesOrWithoutOccupancyAreRefused() {
        given().header("Authorization", staffOf(245)).contentType(ContentType.JSON)
                .body("{\"hotelID\":\"7\",\"roomTypeID\":\"13\",\"thresholds\":[{\"multiplier\":1.2}]}")
                .queryParam("roomTypeID", "12")
                .when().put("/v1/hotels/245/pricing-rules")
                .then().statusCode(400)
                .body("errors", equalTo(List.of(
                        Map.of("field", "hotelID", "reason", "must be 245 (the hotel in the path) or left out"),
                        Map.of("field", "roomTypeID", "reason", "must be 12 (the roomTypeID of the query) or left out"),
                        Map.of("field", "thresholds[0].minOccupancy",
                                "reason", "is required (0.7 = from 70% of the rooms reserved)"))));
        given().header("Authorization", staffOf(7)).contentType(ContentType.JSON).body("{\"thresholds\":[]}")
                .when().put("/v1/hotels/245/pricing-rules").then().statusCode(403);
        verifyNoInteractions(rates);
    }

    // ---- quotes

    @Test
    void aGuestGetsAQuoteWithTheReservationIdToBookWith() {
        when(rates.createQuote(anyLong(), anyLong(), any(), anyInt(), anyString())).thenReturn(ok(QUOTE));

        String body = given().header("Authorization", guest1()).contentType(ContentType.JSON)
                .body("""
                        {"hotelID":"245","roomTypeID":12,"startDate":"2027-04-28","endDate":"2027-04-30","rooms":2}""")
                .when().post("/v1/quotes")
                .then().statusCode(201).header("Location", endsWith("/v1/quotes/" + QUOTE_ID))
                .extract().asString();

        assertEquals("""
                {"quoteID":"q_3J8m1yXo0c2kB9xQ7wVt4A","reservationID":"%s","hotelID":"245","roomTypeID":"12",\
                "startDate":"2027-04-28","endDate":"2027-04-30","rooms":2,"nights":[{"date":"2027-04-28",\
                "amount":12000,"currency":"EUR"},{"date":"2027-04-29","amount":13200,"currency":"EUR"}],\
                "totalAmount":50400,"currency":"EUR","expiresAt":"2026-12-01T10:15:00Z"}""".formatted(ID), body);
        verify(rates).createQuote(245L, 12L, TWO_NIGHTS, 2, "guest-1");
    }

    @Test
    void quotesAreForGuestsAndValidatedLikeBookings() {
        given().header("Authorization", staffOf(245)).contentType(ContentType.JSON)
                .body("{\"hotelID\":245,\"roomTypeID\":12,\"startDate\":\"2027-04-28\",\"endDate\":\"2027-04-30\"}")
                .when().post("/v1/quotes").then().statusCode(403);
        given().header("Authorization", guest1()).contentType(ContentType.JSON)
                .body("{\"hotelID\":0,\"startDate\":\"2027-04-28\",\"endDate\":\"2027-06-28\",\"rooms\":10}")
                .when().post("/v1/quotes")
                .then().statusCode(400)
                .body("errors", equalTo(List.of(
                        Map.of("field", "endDate", "reason", "must be at most 30 nights after startDate"),
                        Map.of("field", "hotelID", "reason", "must be a positive id"),
                        Map.of("field", "roomTypeID", "reason", "is required"),
                        Map.of("field", "rooms", "reason", "must be between 1 and 9"))));
        verifyNoInteractions(rates);
    }

    @Test
    void onlyItsGuestStaffOfItsHotelOrAnAdministratorSeeAQuote() {
        when(rates.quote(QUOTE_ID)).thenReturn(ok(Optional.of(new RateClient.GuestQuote("guest-1", QUOTE))));
        when(rates.quote("q_unknown")).thenReturn(ok(Optional.empty()));

        given().header("Authorization", guest1()).when().get("/v1/quotes/" + QUOTE_ID)
                .then().statusCode(200).body("totalAmount", equalTo(50400));
        given().header("Authorization", staffOf(245)).when().get("/v1/quotes/" + QUOTE_ID).then().statusCode(200);
        given().header("Authorization", admin()).when().get("/v1/quotes/" + QUOTE_ID).then().statusCode(200);
        // Someone else's quote reads exactly like one that does not exist.
        given().header("Authorization", guest2()).when().get("/v1/quotes/" + QUOTE_ID)
                .then().statusCode(404).body("detail", equalTo("Quote " + QUOTE_ID + " does not exist"));
        given().header("Authorization", staffOf(7)).when().get("/v1/quotes/" + QUOTE_ID).then().statusCode(404);
        given().header("Authorization", guest2()).when().get("/v1/quotes/q_unknown")
                .then().statusCode(404).body("detail", equalTo("Quote q_unknown does not exist"));
        given().when().get("/v1/quotes/" + QUOTE_ID).then().statusCode(401);
        given().header("Authorization", guest1()).when().get("/v1/quotes/not%20a%20quote")
                .then().statusCode(400);
    }

    // ---- booking with a quote

    @Test
    void aBookingCitingAQuotePassesItOn() {
        when(reservations.createReservation(any())).thenReturn(ok(pending(ID)));

        given().header("Authorization", guest1()).contentType(ContentType.JSON)
                .body("""
                        {"startDate":"2027-04-28","endDate":"2027-04-30","hotelID":"245","roomTypeID":12,\
                        "reservationID":"%s","rooms":2,"quoteID":"%s","paymentToken":"tok_visa"}\
                        """.formatted(ID, QUOTE_ID))
                .when().post("/v1/reservations")
                .then().statusCode(202);

        verify(reservations).createReservation(new NewReservation(ID, 245, 12, LocalDate.of(2027, 4, 28),
                LocalDate.of(2027, 4, 30), 2, "guest-1", QUOTE_ID, "tok_visa"));
    }

    @Test
    void aMalformedQuoteIdIsRefusedBeforeAnyCall() {
        given().header("Authorization", guest1()).contentType(ContentType.JSON)
                .body("""
                        {"startDate":"2027-04-28","endDate":"2027-04-30","hotelID":"245","roomTypeID":12,\
                        "reservationID":"%s","quoteID":"q 1; drop","paymentToken":"tok_visa"}""".formatted(ID))
                .when().post("/v1/reservations")
                .then().statusCode(400)
                .body("errors", equalTo(List.of(Map.of("field", "quoteID",
                        "reason", "must be a quote id as POST /v1/quotes issued it"))));
        verifyNoInteractions(reservations);
    }

    @Test
    void whenPricingIsUnavailableTheServicesOwnWordsReachTheGuest() {
        String words = "pricing is unavailable (rate-svc cannot be reached); no reservation was made; retry shortly";
        when(reservations.createReservation(any())).thenReturn(failed(DownstreamUnavailable.of(Downstream.RESERVATIONS.service(), DownstreamUnavailable.Reason.UNREACHABLE, "UNAVAILABLE", words)));

        given().header("Authorization", guest1()).contentType(ContentType.JSON)
                .body(ReservationFixtures.BOOKING_JSON)
                .when().post("/v1/reservations")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", equalTo(words));
    }
}
