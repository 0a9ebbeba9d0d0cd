package org.hotelmesh.edge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hotelmesh.edge.Fixtures.admin;
import static org.hotelmesh.edge.Fixtures.failed;
import static org.hotelmesh.edge.Fixtures.ok;
import static org.hotelmesh.edge.Fixtures.staffOf;
import static org.hotelmesh.edge.ReservationFixtures.ID;
import static org.hotelmesh.edge.ReservationFixtures.ONE_NIGHT_LATER;
import static org.hotelmesh.edge.ReservationFixtures.changed;
import static org.hotelmesh.edge.ReservationFixtures.checkedIn;
import static org.hotelmesh.edge.ReservationFixtures.checkedOutEarly;
import static org.hotelmesh.edge.ReservationFixtures.guest2;
import static org.hotelmesh.edge.ReservationFixtures.ownedBy;
import static org.hotelmesh.edge.ReservationFixtures.paid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.edge.Fixtures;
import org.hotelmesh.edge.api.CheckOutDto;
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.MoneyDto;
import org.hotelmesh.edge.api.NewStayChange;
import org.hotelmesh.edge.api.StayChangeDto;
import org.hotelmesh.edge.api.StayChangePreviewDto;
import org.hotelmesh.edge.api.StayChangeResultDto;
import org.hotelmesh.edge.client.ReservationClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.grpc.Status;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What happens to a booked stay through the edge: check-in, room moves, check-out (the hotel's staff) and changes of
 * dates (its guest or the staff): who may, what they may send, and how reservation-svc's answers come back.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisDatabase", value = "2"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class StayEndpointsTest {

    static final String BASE = "/v1/reservations/" + ID;
    static final String NOT_FOUND = "Reservation " + ID + " does not exist";
    static final String FRONT_DESK_ONLY = "Only staff of the reservation's hotel or an administrator may check"
            + " guests in, move them or check them out";
    static final DateSpan ONE_LATER = new DateSpan(LocalDate.of(2027, 4, 29), LocalDate.of(2027, 5, 1));
    static final String CHANGE_JSON = """
            {"changeID":"chg-1","startDate":"2027-04-29","endDate":"2027-05-01","paymentToken":"tok_visa"}""";

    @InjectMock
    ReservationClient reservations;

    /**
     * The reservation's guest: a subject of this class's own, since changes of stay count in the bucket of bookings
     * (30 a minute), which the other test classes' guests use up.
     */
    static String traveller() {
        return Fixtures.bearer("traveller-1", List.of("guest"), List.of());
    }

    /** A desk clerk of hotel 245, with a write bucket of their own too. */
    static String clerk() {
        return Fixtures.bearer("clerk-" + UUID.randomUUID(), List.of("staff"), List.of(245L));
    }

    @BeforeEach
    void theReservationOfTheTravellerAtHotel245() {
        when(reservations.getReservation(ID)).thenReturn(ok(Optional.of(ownedBy(paid(ID), "traveller-1"))));
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().header("Authorization", token);
    }

    // ---- check-in

    @Test
    void staffCheckTheGuestInToRoomsPickedForThem() {
        when(reservations.checkIn(ID, List.of())).thenReturn(ok(checkedIn(ID)));

        as(staffOf(245)).when().post(BASE + "/check-in")
                .then().statusCode(200).contentType("application/json")
                .body("status", equalTo("checked_in"))
                .body("roomAssignments.roomNumber", equalTo(List.of("1205", "1206")))
                .body("history[2].by", equalTo("staff-245"));
        as(admin()).contentType(ContentType.JSON).body("{}").when().post(BASE + "/check-in")
                .then().statusCode(200);
        as(admin()).contentType(ContentType.JSON).body("{\"roomIDs\":[]}").when().post(BASE + "/check-in")
                .then().statusCode(200);
        verify(reservations, org.mockito.Mockito.times(3)).checkIn(ID, List.of());
    }

    @Test
    void staffCheckTheGuestInToTheRoomsTheyChose() {
        when(reservations.checkIn(ID, List.of(31L, 32L))).thenReturn(ok(checkedIn(ID)));

        as(staffOf(245)).contentType(ContentType.JSON).body("{\"roomIDs\":[\"31\",32]}")
                .when().post(BASE + "/check-in")
                .then().statusCode(200).body("roomAssignments[1].roomID", equalTo("32"));
        verify(reservations).checkIn(ID, List.of(31L, 32L));
        // the write gate's look at the reservation serves the resource's check too: one read per request
        verify(reservations).getReservation(ID);
    }

    @Test
    void aRoomJustTakenOrNoneFreeIs409NamingIt() {
        when(reservations.checkIn(ID, List.of(31L, 32L))).thenReturn(failed(Status.ABORTED
                .withDescription("room 1205 was just given to another stay; pick another room").asRuntimeException()));
        when(reservations.checkIn(ID, List.of())).thenReturn(failed(Status.FAILED_PRECONDITION
                .withDescription("no room of this type is free for the stay; move a guest or take one back in service")
                .asRuntimeException()));

        as(staffOf(245)).contentType(ContentType.JSON).body("{\"roomIDs\":[31,32]}").when().post(BASE + "/check-in")
                .then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Conflict"))
                .body("detail", equalTo("room 1205 was just given to another stay; pick another room"))
                .body("instance", equalTo(BASE + "/check-in"));
        as(staffOf(245)).when().post(BASE + "/check-in")
                .then().statusCode(409)
                .body("detail", equalTo("no room of this type is free for the stay; move a guest or take one back in"
                        + " service"));
    }

    @Test
    void reservationServiceRefusalsKeepTheirMeaning() {
        when(reservations.checkIn(ID, List.of())).thenReturn(failed(Status.PERMISSION_DENIED
                .withDescription("only staff of hotel 245 may check guests in").asRuntimeException()));
        when(reservations.checkOut(ID)).thenReturn(failed(Status.FAILED_PRECONDITION
                .withDescription("reservation " + ID + " is paid, not checked in").asRuntimeException()));

        as(staffOf(245)).when().post(BASE + "/check-in")
                .then().statusCode(403).body("detail", equalTo("only staff of hotel 245 may check guests in"));
        as(staffOf(245)).when().post(BASE + "/check-out")
                .then().statusCode(409).body("detail", equalTo("reservation " + ID + " is paid, not checked in"));
    }

    @Test
    void frontDeskWorkIsRefusedBeforeTheBodyIsRead() {
        String garbage = "{\"roomIDs\":[31,";
        // no token
        given().contentType(ContentType.JSON).body(garbage).when().post(BASE + "/check-in")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        // a guest, even the reservation's own: neither the body nor the reservation is looked at
        for (String path : List.of("/check-in", "/room-moves", "/check-out")) {
            as(traveller()).contentType(ContentType.JSON).body(garbage).when().post(BASE + path)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("detail", equalTo(FRONT_DESK_ONLY));
            as(traveller()).contentType(ContentType.JSON).body(garbage).when().post("/v1/reservations/bad%20id" + path)
                    .then().statusCode(403);
        }
        verifyNoInteractions(reservations);
    }

    @Test
    void anotherHotelsStaffGetTheSame404AsForAMissingReservation() {
        when(reservations.getReservation("missing")).thenReturn(ok(Optional.empty()));

        for (String path : List.of("/check-in", "/room-moves", "/check-out")) {
            as(staffOf(7)).contentType(ContentType.JSON).body("not json").when().post(BASE + path)
                    .then().statusCode(404).body("detail", equalTo(NOT_FOUND));
        }
        as(staffOf(245)).contentType(ContentType.JSON).body("{}").when().post("/v1/reservations/missing/check-in")
                .then().statusCode(404).body("detail", equalTo("Reservation missing does not exist"));
        verify(reservations, never()).checkIn(anyString(), anyList());
        verify(reservations, never()).moveRoom(anyString(), anyLong(), anyLong());
        verify(reservations, never()).checkOut(anyString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"roomIDs\":[0]}|roomIDs[0]|must be a positive id",
        "{\"roomIDs\":[null]}|roomIDs[0]|must be a room id",
        "{\"roomIDs\":[\"a\"]}|roomIDs[0]|has the wrong type",
        "{\"roomIDs\":\"31\"}|roomIDs|has the wrong type",
        "{\"roomIDs\":[31,31]}|roomIDs|must not name a room twice",
        "{\"roomIDs\":[1,2,3,4,5,6,7,8,9,10]}|roomIDs|must name at most 9 rooms, one per booked room",
        "{\"rooms\":[31]}|rooms|is not a known field"})
    void aBadCheckInBodyIs400NamingTheField(String testCase) {
        String[] parts = testCase.split("\\|");

        as(staffOf(245)).contentType(ContentType.JSON).body(parts[0]).when().post(BASE + "/check-in")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", equalTo(List.of(Map.of("field", parts[1], "reason", parts[2]))));
        verify(reservations, never()).checkIn(anyString(), anyList());
    }

    @Test
    void malformedJsonAndAMalformedIdAre400() {
        as(staffOf(245)).contentType(ContentType.JSON).body("{\"roomIDs\":[31,").when().post(BASE + "/check-in")
                .then().statusCode(400).body("detail", equalTo("The request body is not valid JSON"));
        as(staffOf(245)).contentType(ContentType.JSON).body("{}").when().post("/v1/reservations/bad%20id/check-in")
                .then().statusCode(400)
                .body("detail", equalTo("reservation id must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -"));
        // no body needs no Content-Type; a body of another type is refused, not ignored
        as(staffOf(245)).contentType("text/plain").body("31").when().post(BASE + "/check-in")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", equalTo("The request body must be application/json"));
        verify(reservations, never()).checkIn(anyString(), anyList());
    }

    // ---- room moves

    @Test
    void staffMoveAGuestToAChosenOrAPickedRoom() {
        when(reservations.moveRoom(anyString(), anyLong(), anyLong())).thenReturn(ok(checkedIn(ID)));

        as(staffOf(245)).contentType(ContentType.JSON).body("{\"fromRoomID\":\"32\",\"toRoomID\":40}")
                .when().post(BASE + "/room-moves")
                .then().statusCode(200).body("status", equalTo("checked_in"));
        as(admin()).contentType(ContentType.JSON).body("{\"fromRoomID\":32}")
                .when().post(BASE + "/room-moves")
                .then().statusCode(200);
        verify(reservations).moveRoom(ID, 32, 40);
        verify(reservations).moveRoom(ID, 32, 0);
    }

    @Test
    void aRoomMoveNamesWhatIsWrongWithIt() {
        when(reservations.moveRoom(ID, 32, 40)).thenReturn(failed(Status.ABORTED
                .withDescription("room 1401 was just given to another stay").asRuntimeException()));

        as(staffOf(245)).contentType(ContentType.JSON).body("{\"toRoomID\":40}").when().post(BASE + "/room-moves")
                .then().statusCode(400).body("errors", equalTo(List.of(Map.of("field", "fromRoomID",
                        "reason", "is required: the room the guest leaves"))));
        as(staffOf(245)).contentType(ContentType.JSON).body("{\"fromRoomID\":32,\"toRoomID\":32}")
                .when().post(BASE + "/room-moves")
                .then().statusCode(400).body("errors", equalTo(List.of(Map.of("field", "toRoomID",
                        "reason", "must differ from fromRoomID"))));
        as(staffOf(245)).contentType(ContentType.JSON).body("{\"fromRoomID\":32,\"toRoomID\":-1}")
                .when().post(BASE + "/room-moves")
                .then().statusCode(400).body("errors[0].field", equalTo("toRoomID"));
        as(staffOf(245)).contentType(ContentType.JSON).body("{\"fromRoomID\":\"１\"}")
                .when().post(BASE + "/room-moves")
                .then().statusCode(400).body("errors[0].field", equalTo("fromRoomID"));
        as(staffOf(245)).contentType(ContentType.JSON).when().post(BASE + "/room-moves")
                .then().statusCode(400).body("detail", equalTo("A JSON request body is required"));
        as(staffOf(245)).contentType(ContentType.JSON).body("{\"fromRoomID\":32,\"toRoomID\":40}")
                .when().post(BASE + "/room-moves")
                .then().statusCode(409).body("detail", equalTo("room 1401 was just given to another stay"));
        verify(reservations).moveRoom(ID, 32, 40);
    }

    // ---- check-out

    @Test
    void anEarlyCheckOutAnswersWhatIsRefunded() {
        when(reservations.checkOut(ID)).thenReturn(ok(new CheckOutDto(checkedOutEarly(ID),
                new MoneyDto(12000, "EUR"))));

        as(staffOf(245)).when().post(BASE + "/check-out")
                .then().statusCode(200)
                .body("reservation.status", equalTo("checked_out"))
                .body("reservation.releasedFrom", equalTo("2027-04-29"))
                .body("reservation.history[3].by", equalTo("staff-245"))
                .body("refund", equalTo(Map.of("amount", 12000, "currency", "EUR")));
    }

    @Test
    void aCheckOutOnTheDepartureDayRefundsNothing() {
        when(reservations.checkOut(ID)).thenReturn(ok(new CheckOutDto(checkedOutEarly(ID), null)));

        String body = as(admin()).when().post(BASE + "/check-out").then().statusCode(200).extract().asString();
        assertEquals(true, body.endsWith(",\"refund\":null}"));
    }

    // ---- changes of stay

    @Test
    void theGuestMovesTheirStayAndSeesTheChange() {
        when(reservations.changeStay(any())).thenReturn(ok(new StayChangeResultDto(changed(ID), ONE_NIGHT_LATER)));

        as(traveller()).contentType(ContentType.JSON).body(CHANGE_JSON).when().post(BASE + "/changes")
                .then().statusCode(200).contentType("application/json")
                .body("reservation.startDate", equalTo("2027-04-29"))
                .body("reservation.changes[0].changeID", equalTo("chg-1"))
                .body("change", equalTo(theChangeAsJson()));
        verify(reservations).changeStay(new NewStayChange(ID, "chg-1", 0, ONE_LATER, 0, "tok_visa", null));
    }

    static Map<String, Object> theChangeAsJson() {
        Map<String, Object> change = new HashMap<>(Map.of("changeID", "chg-1", "by", "guest-1",
                "at", "2026-12-01T09:00:00Z",
                "before", Map.of("roomTypeID", "12", "startDate", "2027-04-28", "endDate", "2027-04-30",
                        "rooms", 2, "total", Map.of("amount", 24000, "currency", "EUR")),
                "after", Map.of("roomTypeID", "12", "startDate", "2027-04-29", "endDate", "2027-05-01",
                        "rooms", 2, "total", Map.of("amount", 27000, "currency", "EUR")),
                "difference", Map.of("amount", 3000, "currency", "EUR"),
                "state", "applied"));
        change.put("declineCode", null);
        change.put("refundState", null);
        return change;
    }

    @Test
    void staffChangeTheRoomTypeAndRoomsOfAStay() {
        when(reservations.changeStay(any())).thenReturn(ok(new StayChangeResultDto(changed(ID), ONE_NIGHT_LATER)));

        for (String token : List.of(clerk(), admin())) {
            as(token).contentType(ContentType.JSON)
                    .body("{\"changeID\":\"chg-2\",\"roomTypeID\":\"13\",\"rooms\":1,\"quoteID\":\"q_9\"}")
                    .when().post(BASE + "/changes")
                    .then().statusCode(200);
        }
        verify(reservations, org.mockito.Mockito.times(2))
                .changeStay(new NewStayChange(ID, "chg-2", 13, null, 1, null, "q_9"));
    }

    @Test
    void aChangeStillBeingChargedIs202ToPoll() {
        StayChangeDto charging = new StayChangeDto("chg-1", "guest-1", "2026-12-01T09:00:00Z", ONE_NIGHT_LATER.before(),
                ONE_NIGHT_LATER.after(), ONE_NIGHT_LATER.difference(), "charging", null, null);
        when(reservations.changeStay(any())).thenReturn(ok(new StayChangeResultDto(paid(ID), charging)));

        as(traveller()).contentType(ContentType.JSON).body(CHANGE_JSON).when().post(BASE + "/changes")
                .then().statusCode(202)
                .header("Location", equalTo("http://localhost:18080" + BASE))
                .header("Retry-After", equalTo("2"))
                .body("change.state", equalTo("charging"));
    }

    @Test
    void aSoldOutNightIs409AndTheStayIsUntouched() {
        when(reservations.changeStay(any())).thenReturn(failed(Status.FAILED_PRECONDITION
                .withDescription("sold out: no room of this type is left on the night of 2027-04-30")
                .asRuntimeException()));

        as(traveller()).contentType(ContentType.JSON).body(CHANGE_JSON).when().post(BASE + "/changes")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("sold out: no room of this type is left on the night of 2027-04-30"));
    }

    @Test
    void aGuestMayNotChangeAStayThatBegan() {
        when(reservations.changeStay(any())).thenReturn(failed(Status.PERMISSION_DENIED
                .withDescription("a guest changes a stay only before arrival; the front desk can change it")
                .asRuntimeException()));

        as(traveller()).contentType(ContentType.JSON).body(CHANGE_JSON).when().post(BASE + "/changes")
                .then().statusCode(403)
                .body("detail", equalTo("a guest changes a stay only before arrival; the front desk can change it"));
    }

    @Test
    void someoneElsesStayIs404BeforeTheBodyIsRead() {
        as(guest2()).contentType(ContentType.JSON).body("{\"changeID\":").when().post(BASE + "/changes")
                .then().statusCode(404).body("detail", equalTo(NOT_FOUND));
        as(staffOf(7)).contentType(ContentType.JSON).body(CHANGE_JSON).when().post(BASE + "/changes")
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body(CHANGE_JSON).when().post(BASE + "/changes")
                .then().statusCode(401);
        verify(reservations, never()).changeStay(any());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"changeID\":\"c1\",\"startDate\":\"2027-04-29\"}|endDate|is required with startDate (YYYY-MM-DD): give"
                + " both dates or neither",
        "{\"changeID\":\"c1\",\"endDate\":\"2027-05-01\"}|startDate|is required with endDate (YYYY-MM-DD): give"
                + " both dates or neither",
        "{\"changeID\":\"c1\",\"startDate\":\"2027-04-29\",\"endDate\":\"2027-04-29\"}|endDate|must be after"
                + " startDate",
        "{\"changeID\":\"c1\",\"startDate\":\"2027-04-29\",\"endDate\":\"2027-05-30\"}|endDate|must be at most 30"
                + " nights after startDate",
        "{\"changeID\":\"c1\",\"startDate\":\"29/04/2027\",\"endDate\":\"2027-05-01\"}|startDate|must be a valid"
                + " date in the form YYYY-MM-DD",
        "{\"startDate\":\"2027-04-29\",\"endDate\":\"2027-05-01\"}|changeID|is required: an idempotency key, e.g. a"
                + " fresh UUID",
        "{\"changeID\":\"has space\",\"rooms\":2}|changeID|must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -",
        "{\"changeID\":\"c1\",\"roomTypeID\":\"abc\"}|roomTypeID|has the wrong type",
        "{\"changeID\":\"c1\",\"roomTypeID\":0}|roomTypeID|must be a positive id",
        "{\"changeID\":\"c1\",\"rooms\":10}|rooms|must be between 1 and 9",
        "{\"changeID\":\"c1\",\"rooms\":2,\"paymentToken\":\"tok visa\"}|paymentToken|must be 1 to 255 printable"
                + " characters without spaces",
        "{\"changeID\":\"c1\",\"rooms\":2,\"guestID\":\"someone\"}|guestID|is not a known field"})
    void aBadChangeIs400NamingTheField(String testCase) {
        String[] parts = testCase.split("\\|");

        as(clerk()).contentType(ContentType.JSON).body(parts[0]).when().post(BASE + "/changes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", equalTo(List.of(Map.of("field", parts[1], "reason", parts[2]))));
        verify(reservations, never()).changeStay(any());
    }

    @Test
    void aChangeThatChangesNothingIs400() {
        as(traveller()).contentType(ContentType.JSON).body("{\"changeID\":\"c1\",\"paymentToken\":\"tok_visa\"}")
                .when().post(BASE + "/changes")
                .then().statusCode(400)
                .body("detail", equalTo("The change changes nothing: give new dates (startDate and endDate), a"
                        + " roomTypeID or rooms"));
        as(traveller()).contentType(ContentType.JSON).when().post(BASE + "/changes")
                .then().statusCode(400).body("detail", equalTo("A JSON request body is required"));
        verify(reservations, never()).changeStay(any());
    }

    // ---- previews of a change

    @Test
    void thePreviewShowsBothTotalsAndTheDifference() {
        when(reservations.previewStayChange(any())).thenReturn(ok(new StayChangePreviewDto(ONE_NIGHT_LATER.before(),
                ONE_NIGHT_LATER.after(), new MoneyDto(3000, "EUR"))));

        String body = as(traveller()).queryParam("startDate", "2027-04-29").queryParam("endDate", "2027-05-01")
                .when().get(BASE + "/change-preview")
                .then().statusCode(200).extract().asString();

        assertEquals("""
                {"before":{"roomTypeID":"12","startDate":"2027-04-28","endDate":"2027-04-30","rooms":2,\
                "total":{"amount":24000,"currency":"EUR"}},"after":{"roomTypeID":"12","startDate":"2027-04-29",\
                "endDate":"2027-05-01","rooms":2,"total":{"amount":27000,"currency":"EUR"}},\
                "difference":{"amount":3000,"currency":"EUR"}}""", body);
        verify(reservations).previewStayChange(new NewStayChange(ID, null, 0, ONE_LATER, 0, null, null));

        as(staffOf(245)).queryParam("roomTypeID", "13").queryParam("rooms", "3").queryParam("changeID", "chg-9")
                .when().get(BASE + "/change-preview")
                .then().statusCode(200);
        verify(reservations).previewStayChange(new NewStayChange(ID, "chg-9", 13, null, 3, null, null));
    }

    @Test
    void aBadPreviewNamesEveryBadParameter() {
        as(traveller()).queryParam("startDate", "2027-04-29").queryParam("roomTypeID", "x").queryParam("rooms", "0")
                .queryParam("changeID", "no spaces please")
                .when().get(BASE + "/change-preview")
                .then().statusCode(400)
                .body("errors", equalTo(List.of(
                        Map.of("field", "changeID", "reason", "must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -"),
                        Map.of("field", "endDate", "reason",
                                "is required with startDate (YYYY-MM-DD): give both dates or neither"),
                        Map.of("field", "roomTypeID", "reason", "must be a positive id"),
                        Map.of("field", "rooms", "reason", "must be between 1 and 9"))));
        as(traveller()).when().get(BASE + "/change-preview")
                .then().statusCode(400).body("detail", startsWith("The change changes nothing"));
        as(traveller()).queryParam("rooms", "10").when().get(BASE + "/change-preview")
                .then().statusCode(400).body("errors[0].field", equalTo("rooms"));
        verify(reservations, never()).previewStayChange(any());
    }

    @Test
    void someoneElsesPreviewIs404() {
        as(guest2()).queryParam("rooms", "1").when().get(BASE + "/change-preview")
                .then().statusCode(404).body("detail", equalTo(NOT_FOUND));
        given().queryParam("rooms", "1").when().get(BASE + "/change-preview").then().statusCode(401);
        verify(reservations, never()).previewStayChange(any());
    }

    @Test
    void openApiDocumentsTheFrontDeskAndChanges() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/v1/hotels/{id}/front-desk'.get.security[0].bearer", equalTo(List.of()))
                .body("paths.'/v1/hotels/{id}/free-rooms'.get.security[0].bearer", equalTo(List.of()))
                .body("paths.'/v1/reservations/{reservationId}/check-in'.post.security[0].bearer", equalTo(List.of()))
                .body("paths.'/v1/reservations/{reservationId}/room-moves'.post.tags", equalTo(List.of("Front desk")))
                .body("paths.'/v1/reservations/{reservationId}/check-out'.post.security[0].bearer",
                        equalTo(List.of()))
                .body("paths.'/v1/reservations/{reservationId}/changes'.post.responses.'202'.description",
                        equalTo("The difference is being charged; the stay changes once it is captured"))
                .body("paths.'/v1/reservations/{reservationId}/changes'.post.tags", equalTo(List.of("Reservations")))
                .body("paths.'/v1/reservations/{reservationId}/change-preview'.get.security[0].bearer",
                        equalTo(List.of()));
    }
}
