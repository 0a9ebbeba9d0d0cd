package org.hotelmesh.edge.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hotelmesh.edge.Fixtures.admin;
import static org.hotelmesh.edge.Fixtures.failed;
import static org.hotelmesh.edge.Fixtures.ok;
import static org.hotelmesh.edge.Fixtures.staffOf;
import static org.hotelmesh.edge.ReservationFixtures.BOOKING_JSON;
import static org.hotelmesh.edge.ReservationFixtures.ID;
import static org.hotelmesh.edge.ReservationFixtures.bookedByStaff;
import static org.hotelmesh.edge.ReservationFixtures.guest1;
import static org.hotelmesh.edge.ReservationFixtures.paid;
import static org.hotelmesh.edge.ReservationFixtures.pending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.edge.Fixtures;
import org.hotelmesh.edge.api.NewReservation;
import org.hotelmesh.edge.client.ReservationClient;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import io.grpc.Status;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** POST /v1/reservations: the guest's booking, its idempotency key and reservation-svc's answers. */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisDatabase", value = "2"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class ReservationBookingTest {

    static final NewReservation EXPECTED = new NewReservation(ID, 245, 12, LocalDate.of(2027, 4, 28),
            LocalDate.of(2027, 4, 30), 2, "guest-1", null, "tok_visa");

    @InjectMock
    ReservationClient reservations;

    private static ExtractableResponse<Response> book(String token, String body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .when().post("/v1/reservations").then().extract();
    }

    @Test
    void aPaidBookingAnswers201WithLocationAndTheContractShape() {
        when(reservations.createReservation(any())).thenReturn(ok(paid(ID)));

        ExtractableResponse<Response> response = book(guest1(), BOOKING_JSON);

        assertEquals(201, response.statusCode());
        assertEquals("http://localhost:18080/v1/reservations/" + ID, response.header("Location"));
        assertEquals("""
                {"reservationID":"%s","hotelID":"245","roomTypeID":"12","startDate":"2027-04-28",\
                "endDate":"2027-04-30","rooms":2,"guestID":"guest-1","status":"paid",\
                "total":{"amount":24000,"currency":"EUR"},"nights":[{"date":"2027-04-28","amount":12000,\
                "currency":"EUR"},{"date":"2027-04-29","amount":12000,"currency":"EUR"}],\
                "history":[{"status":"pending","at":"2026-11-22T10:00:00Z","by":"guest-1"},\
                {"status":"paid","at":"2026-11-22T10:00:01Z","by":"system:payment-saga"}],\
                "createdAt":"2026-11-22T10:00:00Z",\
                "quoteID":null,"payment":{"status":"captured","declineCode":null,"paymentID":"pay_1","refund":null,\
                "fee":null,"refundStatus":"none","holdExpiresAt":"2026-11-22T10:15:00Z",\
                "refundRequestedAt":null,"refundOverdue":null},\
                "cancellationPolicy":{"freeUntilDays":2,"fee":"first_night","feePercent":null,\
                "terms":"free cancellation until 2 days before arrival; after that, the first night is charged"},\
                "roomAssignments":[],"bookedBy":"guest-1","guestName":null,"changes":[],"releasedFrom":null}\
                """.formatted(ID), response.asString());
        ArgumentCaptor<NewReservation> booking = ArgumentCaptor.forClass(NewReservation.class);
        verify(reservations).createReservation(booking.capture());
        assertEquals(EXPECTED, booking.getValue());
    }

    @Test
    void replayOfTheSameBookingGivesTheSameStatusAndBody() {
        when(reservations.createReservation(any())).thenReturn(ok(paid(ID)));

        ExtractableResponse<Response> first = book(guest1(), BOOKING_JSON);
        ExtractableResponse<Response> second = book(guest1(), BOOKING_JSON);

        assertEquals(201, first.statusCode());
        assertEquals(first.statusCode(), second.statusCode());
        assertEquals(first.asString(), second.asString());
        assertEquals(first.header("Location"), second.header("Location"));
        verify(reservations, times(2)).createReservation(EXPECTED);
    }

    @Test
    void idempotencyKeyHeaderIsUsedWhenTheBodyHasNoId() {
        when(reservations.createReservation(any())).thenReturn(ok(pending("key-from-header_1")));
        String body = """
                {"startDate":"2027-04-28","endDate":"2027-04-30","hotelID":245,"roomTypeID":"12",\
                "paymentToken":"tok_mastercard"}""";

        given().header("Authorization", guest1()).header("Idempotency-Key", "key-from-header_1")
                .contentType(ContentType.JSON).body(body)
                .when().post("/v1/reservations")
                .then().statusCode(202) // the payment is still processing: poll the Location
                .header("Location", equalTo("http://localhost:18080/v1/reservations/key-from-header_1"))
                .header("Retry-After", equalTo("2"))
                .body("status", equalTo("pending"))
                .body("payment.status", equalTo("charging"));

        // rooms defaults to 1
        verify(reservations).createReservation(new NewReservation("key-from-header_1", 245, 12,
                LocalDate.of(2027, 4, 28), LocalDate.of(2027, 4, 30), 1, "guest-1", null, "tok_mastercard"));
    }

    @Test
    void sameIdInBodyAndHeaderIsAccepted() {
        when(reservations.createReservation(any())).thenReturn(ok(paid(ID)));

        given().header("Authorization", guest1()).header("Idempotency-Key", ID)
                .contentType(ContentType.JSON).body(BOOKING_JSON)
                .when().post("/v1/reservations")
                .then().statusCode(201);
        verify(reservations).createReservation(EXPECTED);
    }

    @Test
    void differentIdsInBodyAndHeaderAre400() {
        given().header("Authorization", guest1()).header("Idempotency-Key", "another-id")
                .contentType(ContentType.JSON).body(BOOKING_JSON)
                .when().post("/v1/reservations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("reservationID differs from the Idempotency-Key header; "
                        + "send the id once, or the same id in both"))
                .body("errors", equalTo(List.of(Map.of("field", "reservationID", "reason",
                        "differs from the Idempotency-Key header; send the id once, or the same id in both"))));
        verifyNoInteractions(reservations);
    }

    @Test
    void neitherBodyIdNorHeaderIs400NamingReservationId() {
        String body = """
                {"startDate":"2027-04-28","endDate":"2027-04-30","hotelID":"245","roomTypeID":"12","rooms":1,\
                "paymentToken":"tok_visa"}""";

        given().header("Authorization", guest1()).contentType(ContentType.JSON).body(body)
                .when().post("/v1/reservations")
                .then().statusCode(400)
                .body("errors", equalTo(List.of(Map.of("field", "reservationID", "reason",
                        "is required, in the body or as the Idempotency-Key header"))));
        verifyNoInteractions(reservations);
    }

    @Test
    void malformedIdempotencyKeyIs400() {
        String body = """
                {"startDate":"2027-04-28","endDate":"2027-04-30","hotelID":"245","roomTypeID":"12",\
                "paymentToken":"tok_visa"}""";

        given().header("Authorization", guest1()).header("Idempotency-Key", "has space")
                .contentType(ContentType.JSON).body(body)
                .when().post("/v1/reservations")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("reservationID"))
                .body("errors[0].reason", equalTo(
                        "the Idempotency-Key header must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -"));
        verifyNoInteractions(reservations);
    }

    @Test
    void invalidBookingNamesEveryBadFieldAndNeverCallsTheService() {
        String body = """
                {"startDate":"2027-02-30","endDate":"tomorrow","hotelID":0,"rooms":10,\
                "reservationID":"%s"}""".formatted("x".repeat(65));

        given().header("Authorization", guest1()).contentType(ContentType.JSON).body(body)
                .when().post("/v1/reservations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("endDate must be a valid date in the form YYYY-MM-DD (and 6 more)"))
                .body("errors", equalTo(List.of(
                        Map.of("field", "endDate", "reason", "must be a valid date in the form YYYY-MM-DD"),
                        Map.of("field", "hotelID", "reason", "must be a positive id"),
                        Map.of("field", "paymentToken", "reason",
                                "is required: the card token to charge (e.g. tok_visa when testing)"),
                        Map.of("field", "reservationID", "reason",
                                "must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -"),
                        Map.of("field", "roomTypeID", "reason", "is required"),
                        Map.of("field", "rooms", "reason", "must be between 1 and 9"),
                        Map.of("field", "startDate", "reason", "must be a valid date in the form YYYY-MM-DD"))));
        verifyNoInteractions(reservations);
    }

    @Test
    void endDateMustBeAfterStartDateAndAtMost30NightsLater() {
        String reversed = BOOKING_JSON.replace("\"endDate\":\"2027-04-30\"", "\"endDate\":\"2027-04-28\"");
        String tooLong = BOOKING_JSON.replace("\"endDate\":\"2027-04-30\"", "\"endDate\":\"2027-05-29\"");
        String longest = BOOKING_JSON.replace("\"endDate\":\"2027-04-30\"", "\"endDate\":\"2027-05-28\"");
        String noRooms = BOOKING_JSON.replace("\"rooms\":2", "\"rooms\":0");
        when(reservations.createReservation(any())).thenReturn(ok(paid(ID)));

        given().header("Authorization", guest1()).contentType(ContentType.JSON).body(reversed)
                .when().post("/v1/reservations")
                .then().statusCode(400)
                .body("errors", equalTo(List.of(Map.of("field", "endDate", "reason", "must be after startDate"))));
        given().header("Authorization", guest1()).contentType(ContentType.JSON).body(tooLong)
                .when().post("/v1/reservations")
                .then().statusCode(400)
                .body("errors", equalTo(List.of(Map.of("field", "endDate", "reason",
                        "must be at most 30 nights after startDate"))));
        given().header("Authorization", guest1()).contentType(ContentType.JSON).body(noRooms)
                .when().post("/v1/reservations")
                .then().statusCode(400)
                .body("errors", equalTo(List.of(Map.of("field", "rooms", "reason", "must be between 1 and 9"))));
        // 30 nights exactly is allowed
        given().header("Authorization", guest1()).contentType(ContentType.JSON).body(longest)
                .when().post("/v1/reservations")
                .then().statusCode(201);
        verify(reservations).createReservation(new NewReservation(ID, 245, 12, LocalDate.of(2027, 4, 28),
                LocalDate.of(2027, 5, 28), 2, "guest-1", null, "tok_visa"));
    }

    @Test
    void missingBodyAndUnknownFieldsAre400() {
        given().header("Authorization", guest1()).contentType(ContentType.JSON)
                .when().post("/v1/reservations")
                .then().statusCode(400).body("detail", equalTo("A JSON request body is required"));
        given().header("Authorization", guest1()).contentType(ContentType.JSON)
                .body(BOOKING_JSON.replace("\"rooms\":2", "\"rooms\":2,\"guestId\":\"someone-else\""))
                .when().post("/v1/reservations")
                .then().statusCode(400).body("detail", equalTo("Unknown field 'guestId'"));
        verifyNoInteractions(reservations);
    }

    @Test
    void soldOutIs409NamingTheNight() {
        when(reservations.createReservation(any())).thenReturn(failed(Status.FAILED_PRECONDITION
                .withDescription("sold out: no room of this type is left on the night of 2027-04-29")
                .asRuntimeException()));

        given().header("Authorization", guest1()).contentType(ContentType.JSON).body(BOOKING_JSON)
                .when().post("/v1/reservations")
                .then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Conflict"))
                .body("detail", equalTo("sold out: no room of this type is left on the night of 2027-04-29"))
                .body("instance", equalTo("/v1/reservations"));
    }

    @Test
    void reusedIdWithAnotherPayloadIs409() {
        String message = "reservationID " + ID + " is already used by a different booking (differs in rooms); "
                + "use a new reservationID for a new booking";
        when(reservations.createReservation(any())).thenReturn(failed(
                Status.ALREADY_EXISTS.withDescription(message).asRuntimeException()));

        given().header("Authorization", guest1()).contentType(ContentType.JSON).body(BOOKING_JSON)
                .when().post("/v1/reservations")
                .then().statusCode(409).body("detail", equalTo(message));
    }

    @Test
    void busyInventoryIs409() {
        when(reservations.createReservation(any())).thenReturn(failed(Status.ABORTED
                .withDescription("the inventory is busy (5 attempts lost to concurrent bookings); retry")
                .asRuntimeException()));

        given().header("Authorization", guest1()).contentType(ContentType.JSON).body(BOOKING_JSON)
                .when().post("/v1/reservations")
                .then().statusCode(409)
                .body("detail", equalTo("the inventory is busy (5 attempts lost to concurrent bookings); retry"));
    }

    @Test
    void anonymousCallersAndGuestsNamingAGuestCannotBook() {
        given().contentType(ContentType.JSON).body(BOOKING_JSON)
                .when().post("/v1/reservations")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("detail", equalTo("A bearer token is required"));
        // a guest books only for themselves: naming anyone (even under their own name or account) is refused
        for (String extra : List.of("\"guestID\":\"someone-else\"", "\"guestID\":\"guest-3\"",
                "\"guestName\":\"Ada Lovelace\"")) {
            given().header("Authorization", Fixtures.bearer("guest-3", List.of("guest"), List.of()))
                    .contentType(ContentType.JSON)
                    .body(BOOKING_JSON.replace("\"rooms\":2", "\"rooms\":2," + extra))
                    .when().post("/v1/reservations")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("detail", equalTo("A guest books only for themselves: guestName and guestID are for staff"
                            + " of the hotel booking for a guest"));
        }
        verifyNoInteractions(reservations);
    }

    @Test
    void staffOfTheHotelBookForAGuestByName() {
        when(reservations.createReservation(any())).thenReturn(ok(bookedByStaff(ID)));
        String forAda = BOOKING_JSON.replace("\"rooms\":2", "\"rooms\":2,\"guestName\":\"Ada Lovelace\"");

        given().header("Authorization", staffOf(245)).contentType(ContentType.JSON).body(forAda)
                .when().post("/v1/reservations")
                .then().statusCode(201)
                .body("bookedBy", equalTo("staff-245"))
                .body("guestName", equalTo("Ada Lovelace"))
                .body("history[0].by", equalTo("staff-245"));

        verify(reservations).createReservation(new NewReservation(ID, 245, 12, LocalDate.of(2027, 4, 28),
                LocalDate.of(2027, 4, 30), 2, null, null, "tok_visa", "Ada Lovelace"));
    }

    @Test
    void anAdministratorBooksForAGuestAccount() {
        when(reservations.createReservation(any())).thenReturn(ok(paid(ID)));
        String forGuest42 = BOOKING_JSON.replace("\"rooms\":2",
                "\"rooms\":2,\"guestName\":\"Grace Hopper\",\"guestID\":\"guest-42\"");

        given().header("Authorization", admin()).contentType(ContentType.JSON).body(forGuest42)
                .when().post("/v1/reservations")
                .then().statusCode(201);

        verify(reservations).createReservation(new NewReservation(ID, 245, 12, LocalDate.of(2027, 4, 28),
                LocalDate.of(2027, 4, 30), 2, "guest-42", null, "tok_visa", "Grace Hopper"));
    }

    @Test
    void staffBookOnlyAtTheirHotelAndOnlyUnderAGuestsName() {
        String forAda = BOOKING_JSON.replace("\"rooms\":2", "\"rooms\":2,\"guestName\":\"Ada Lovelace\"");

        // another hotel's staff: refused before anything else about the body is judged
        given().header("Authorization", staffOf(7)).contentType(ContentType.JSON)
                .body(forAda.replace("\"rooms\":2", "\"rooms\":12"))
                .when().post("/v1/reservations")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Only staff of hotel 245 or an administrator may book for a guest there"));
        // staff and administrators do not book for themselves: the guest's name is required
        for (String token : List.of(staffOf(245), admin())) {
            given().header("Authorization", token).contentType(ContentType.JSON).body(BOOKING_JSON)
                    .when().post("/v1/reservations")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors", equalTo(List.of(Map.of("field", "guestName", "reason",
                            "is required when staff book for a guest: the name the stay is booked under"))));
        }
        for (String name : List.of("\"\"", "\"   \"", "\"" + "x".repeat(101) + "\"", "5")) {
            given().header("Authorization", staffOf(245)).contentType(ContentType.JSON)
                    .body(BOOKING_JSON.replace("\"rooms\":2", "\"rooms\":2,\"guestName\":" + name))
                    .when().post("/v1/reservations")
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("guestName"));
        }
        given().header("Authorization", staffOf(245)).contentType(ContentType.JSON)
                .body(forAda.replace("\"rooms\":2", "\"rooms\":2,\"guestID\":\"" + "g".repeat(129) + "\""))
                .when().post("/v1/reservations")
                .then().statusCode(400)
                .body("errors", equalTo(List.of(Map.of("field", "guestID", "reason",
                        "must be 1 to 128 characters: the guest's account id"))));
        verifyNoInteractions(reservations);
    }
}
