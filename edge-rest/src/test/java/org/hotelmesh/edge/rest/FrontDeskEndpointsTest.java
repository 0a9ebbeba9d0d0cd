package org.hotelmesh.edge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hotelmesh.edge.Fixtures.admin;
import static org.hotelmesh.edge.Fixtures.failed;
import static org.hotelmesh.edge.Fixtures.ok;
import static org.hotelmesh.edge.Fixtures.staffOf;
import static org.hotelmesh.edge.ReservationFixtures.ID;
import static org.hotelmesh.edge.ReservationFixtures.checkedIn;
import static org.hotelmesh.edge.ReservationFixtures.guest1;
import static org.hotelmesh.edge.ReservationFixtures.paid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.FreeRoomsDto;
import org.hotelmesh.edge.api.FrontDeskDto;
import org.hotelmesh.edge.api.ReservationDto;
import org.hotelmesh.edge.api.RoomAssignmentDto;
import org.hotelmesh.edge.client.ReservationClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.grpc.Status;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** GET /v1/hotels/{id}/front-desk and /free-rooms: the front desk's day and its room picker, for the hotel's staff. */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisDatabase", value = "2"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class FrontDeskEndpointsTest {

    static final LocalDate ARRIVAL = LocalDate.of(2027, 4, 28);

    @InjectMock
    ReservationClient reservations;

    /** The checked-in stay with its second room taken out of service since it was given. */
    static ReservationDto inARoomOutOfService() {
        ReservationDto r = checkedIn(ID);
        return new ReservationDto(r.reservationID(), r.hotelID(), r.roomTypeID(), r.startDate(), r.endDate(),
                r.rooms(), r.guestID(), r.status(), r.total(), r.nights(), r.history(), r.createdAt(), r.quoteID(),
                r.payment(), r.cancellationPolicy(),
                List.of(r.roomAssignments().get(0), new RoomAssignmentDto("32", "1206", "2027-04-28", "2027-04-30",
                        true)),
                r.bookedBy(), r.guestName(), r.changes(), r.releasedFrom());
    }

    @Test
    void staffOfTheHotelSeeTheDayWithItsListsAndRooms() {
        when(reservations.frontDesk(245L, Optional.of(ARRIVAL))).thenReturn(ok(new FrontDeskDto("2027-04-28",
                List.of(paid("arriving-1")), List.of(checkedIn(ID)), List.of(inARoomOutOfService()), List.of())));

        given().header("Authorization", staffOf(245)).queryParam("date", "2027-04-28")
                .when().get("/v1/hotels/245/front-desk")
                .then().statusCode(200).contentType("application/json")
                .body("date", equalTo("2027-04-28"))
                .body("arrivals[0].reservationID", equalTo("arriving-1"))
                .body("arrivals[0].status", equalTo("paid"))
                .body("checkedInToday[0].status", equalTo("checked_in"))
                .body("checkedInToday[0].history[2].by", equalTo("staff-245"))
                .body("inHouse[0].roomAssignments", equalTo(List.of(
                        Map.of("roomID", "31", "roomNumber", "1205", "startDate", "2027-04-28",
                                "endDate", "2027-04-30", "outOfService", false),
                        Map.of("roomID", "32", "roomNumber", "1206", "startDate", "2027-04-28",
                                "endDate", "2027-04-30", "outOfService", true))))
                .body("departures", equalTo(List.of()));
    }

    @Test
    void withoutADateItIsTodayInTheHotelsCalendarAndAdministratorsMayLook() {
        when(reservations.frontDesk(245L, Optional.empty())).thenReturn(ok(new FrontDeskDto("2027-04-28",
                List.of(), List.of(), List.of(), List.of())));

        String body = given().header("Authorization", admin())
                .when().get("/v1/hotels/245/front-desk")
                .then().statusCode(200).extract().asString();

        assertEquals("""
                {"date":"2027-04-28","arrivals":[],"checkedInToday":[],"inHouse":[],"departures":[]}""", body);
        verify(reservations).frontDesk(245L, Optional.empty());
    }

    @Test
    void onlyStaffOfTheHotelAndAdministratorsSeeTheFrontDesk() {
        given().when().get("/v1/hotels/245/front-desk")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", guest1()).when().get("/v1/hotels/245/front-desk")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Only staff of hotel 245 may do this"));
        given().header("Authorization", staffOf(7)).when().get("/v1/hotels/245/front-desk")
                .then().statusCode(403).body("detail", equalTo("Only staff of hotel 245 may do this"));
        given().header("Authorization", staffOf(7)).queryParam("roomTypeID", "12")
                .queryParam("startDate", "2027-04-28").queryParam("endDate", "2027-04-30")
                .when().get("/v1/hotels/245/free-rooms")
                .then().statusCode(403);
        given().header("Authorization", guest1()).when().get("/v1/hotels/245/free-rooms")
                .then().statusCode(403); // the right first, then what was asked
        verifyNoInteractions(reservations);
    }

    @ParameterizedTest
    @CsvSource({"28-04-2027", "2027-02-30", "today", "2027-4-28"})
    void aBadDateIs400NamingIt(String date) {
        given().header("Authorization", staffOf(245)).queryParam("date", date)
                .when().get("/v1/hotels/245/front-desk")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", equalTo(List.of(Map.of("field", "date",
                        "reason", "must be a valid date in the form YYYY-MM-DD"))));
        verifyNoInteractions(reservations);
    }

    @Test
    void aNonNumericHotelIs400() {
        given().header("Authorization", staffOf(245)).when().get("/v1/hotels/two/front-desk")
                .then().statusCode(400).body("detail", equalTo("hotel id must be a positive integer"));
        verifyNoInteractions(reservations);
    }

    @Test
    void freeRoomsOfATypeOverTheNightsAsked() {
        DateSpan stay = new DateSpan(ARRIVAL, LocalDate.of(2027, 4, 30));
        when(reservations.freeRooms(245L, 12L, stay)).thenReturn(ok(new FreeRoomsDto(List.of(
                new FreeRoomsDto.FreeRoom("31", "1205", 12), new FreeRoomsDto.FreeRoom("40", "1401", 14)))));

        String body = given().header("Authorization", staffOf(245)).queryParam("roomTypeID", "12")
                .queryParam("startDate", "2027-04-28").queryParam("endDate", "2027-04-30")
                .when().get("/v1/hotels/245/free-rooms")
                .then().statusCode(200).extract().asString();

        assertEquals("""
                {"rooms":[{"roomID":"31","number":"1205","floor":12},{"roomID":"40","number":"1401","floor":14}]}""",
                body);
    }

    @Test
    void freeRoomsNameEveryBadParameter() {
        given().header("Authorization", staffOf(245))
                .when().get("/v1/hotels/245/free-rooms")
                .then().statusCode(400)
                .body("errors", equalTo(List.of(
                        Map.of("field", "endDate", "reason", "is required (YYYY-MM-DD)"),
                        Map.of("field", "roomTypeID", "reason", "is required"),
                        Map.of("field", "startDate", "reason", "is required (YYYY-MM-DD)"))));
        given().header("Authorization", admin()).queryParam("roomTypeID", "twelve")
                .queryParam("startDate", "2027-04-30").queryParam("endDate", "2027-04-28")
                .when().get("/v1/hotels/245/free-rooms")
                .then().statusCode(400)
                .body("errors", equalTo(List.of(
                        Map.of("field", "endDate", "reason", "must be after startDate"),
                        Map.of("field", "roomTypeID", "reason", "must be a positive id"))));
        given().header("Authorization", admin()).queryParam("roomTypeID", "１２")
                .queryParam("startDate", "2027-04-28").queryParam("endDate", "2027-04-30")
                .when().get("/v1/hotels/245/free-rooms")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("roomTypeID"));
        verifyNoInteractions(reservations);
    }

    @Test
    void aRoomTypeOfAnotherHotelIs404AndAnOutageNamesTheReservationService() {
        DateSpan stay = new DateSpan(ARRIVAL, LocalDate.of(2027, 4, 30));
        when(reservations.freeRooms(245L, 99L, stay)).thenReturn(failed(Status.NOT_FOUND
                .withDescription("room type 99 is not one of hotel 245's").asRuntimeException()));
        when(reservations.frontDesk(245L, Optional.empty())).thenReturn(failed(
                org.hotelmesh.support.client.DownstreamUnavailable.of("reservation-svc",
                        org.hotelmesh.support.client.DownstreamUnavailable.Reason.UNREACHABLE, "UNAVAILABLE", null)));

        given().header("Authorization", staffOf(245)).queryParam("roomTypeID", "99")
                .queryParam("startDate", "2027-04-28").queryParam("endDate", "2027-04-30")
                .when().get("/v1/hotels/245/free-rooms")
                .then().statusCode(404).body("detail", equalTo("room type 99 is not one of hotel 245's"));
        given().header("Authorization", staffOf(245)).when().get("/v1/hotels/245/front-desk")
                .then().statusCode(503).body("detail", startsWith("Reservations are temporarily unavailable"));
    }
}
