package org.hotelmesh.edge.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hotelmesh.edge.Fixtures.admin;
import static org.hotelmesh.edge.Fixtures.failed;
import static org.hotelmesh.edge.Fixtures.ok;
import static org.hotelmesh.edge.Fixtures.staffOf;
import static org.hotelmesh.edge.ReservationFixtures.ID;
import static org.hotelmesh.edge.ReservationFixtures.canceled;
import static org.hotelmesh.edge.ReservationFixtures.guest1;
import static org.hotelmesh.edge.ReservationFixtures.guest2;
import static org.hotelmesh.edge.ReservationFixtures.paid;
import static org.hotelmesh.edge.ReservationFixtures.pending;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.edge.Fixtures;
import org.hotelmesh.edge.api.CancellationDto;
import org.hotelmesh.edge.api.MoneyDto;
import org.hotelmesh.edge.api.PageDto;
import org.hotelmesh.edge.api.PageQuery;
import org.hotelmesh.edge.api.When;
import org.hotelmesh.edge.client.Downstream;
import org.hotelmesh.edge.client.DownstreamFailedException;
import org.hotelmesh.edge.client.ReservationClient;
import org.hotelmesh.support.client.DownstreamUnavailable;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Who may read, list and cancel which reservation; a reservation one may not see does not exist. */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisDatabase", value = "2"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class ReservationAccessTest {

    static final String NOT_FOUND = "Reservation " + ID + " does not exist";

    @InjectMock
    ReservationClient reservations;

    @Test
    void ownerStaffOfTheHotelAndAdminSeeTheReservation() {
        when(reservations.getReservation(ID)).thenReturn(ok(Optional.of(canceled(ID))));

        for (String token : List.of(guest1(), staffOf(7, 245), admin())) {
            given().header("Authorization", token).when().get("/v1/reservations/" + ID)
                    .then().statusCode(200)
                    .body("reservationID", equalTo(ID))
                    .body("status", equalTo("canceled"))
                    .body("total.amount", equalTo(24000))
                    .body("total.currency", equalTo("EUR"))
                    .body("nights[1].date", equalTo("2027-04-29"))
                    .body("history[1].status", equalTo("canceled"))
                    .body("quoteID", equalTo("q-77"));
        }
    }

    @Test
    void anotherGuestAndOtherHotelsStaffGetTheSame404AsForAMissingOne() {
        when(reservations.getReservation(ID)).thenReturn(ok(Optional.of(pending(ID))));
        when(reservations.getReservation("missing")).thenReturn(ok(Optional.empty()));

        given().header("Authorization", guest2()).when().get("/v1/reservations/" + ID)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo(NOT_FOUND));
        given().header("Authorization", staffOf(246)).when().get("/v1/reservations/" + ID)
                .then().statusCode(404).body("detail", equalTo(NOT_FOUND));
        // staff whose subject happens to equal the guest id is not the owner
        given().header("Authorization", Fixtures.bearer("guest-1", List.of("staff"), List.of(246L)))
                .when().get("/v1/reservations/" + ID)
                .then().statusCode(404);
        given().header("Authorization", guest1()).when().get("/v1/reservations/missing")
                .then().statusCode(404).body("detail", equalTo("Reservation missing does not exist"));
    }

    @Test
    void readingAReservationNeedsAToken() {
        given().when().get("/v1/reservations/" + ID).then().statusCode(401);
        given().header("Authorization", guest1()).when().get("/v1/reservations/bad%20id")
                .then().statusCode(400)
                .body("detail", equalTo("reservation id must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -"));
        verifyNoInteractions(reservations);
    }

    @Test
    void listOwnPassesSubjectFilterAndPagingToTheClient() {
        PageDto<org.hotelmesh.edge.api.ReservationDto> page = new PageDto<>(List.of(pending(ID)), "next-1", 3);
        when(reservations.listReservations(anyString(), any(), any())).thenReturn(ok(page));

        given().header("Authorization", guest1())
                .queryParam("when", "upcoming").queryParam("pageSize", "2").queryParam("pageToken", "tok-A")
                .when().get("/v1/reservations")
                .then().statusCode(200)
                .body("items[0].reservationID", equalTo(ID))
                .body("nextPageToken", equalTo("next-1"))
                .body("totalSize", equalTo(3));
        given().header("Authorization", guest1())
                .when().get("/v1/reservations")
                .then().statusCode(200);
        given().header("Authorization", guest1()).queryParam("when", "past")
                .when().get("/v1/reservations")
                .then().statusCode(200);

        verify(reservations).listReservations("guest-1", When.UPCOMING, new PageQuery(2, "tok-A"));
        verify(reservations).listReservations("guest-1", When.ALL, new PageQuery(20, ""));
        verify(reservations).listReservations("guest-1", When.PAST, new PageQuery(20, ""));
    }

    @Test
    void listOwnRejectsBadParametersAndNonGuests() {
        given().header("Authorization", guest1()).queryParam("when", "soon")
                .when().get("/v1/reservations")
                .then().statusCode(400).body("detail", equalTo("when must be upcoming, past or all"));
        given().header("Authorization", guest1()).queryParam("pageSize", "101")
                .when().get("/v1/reservations")
                .then().statusCode(400);
        given().when().get("/v1/reservations").then().statusCode(401);
        given().header("Authorization", staffOf(245)).when().get("/v1/reservations").then().statusCode(403);
        verifyNoInteractions(reservations);
    }

    @Test
    void ownerCancelsAndGetsTheCanceledReservation() {
        when(reservations.getReservation(ID)).thenReturn(ok(Optional.of(pending(ID))));
        when(reservations.cancelReservation(ID, "guest-1", false)).thenReturn(ok(canceled(ID)));

        given().header("Authorization", guest1()).when().delete("/v1/reservations/" + ID)
                .then().statusCode(200)
                .body("status", equalTo("canceled"))
                .body("reservationID", equalTo(ID));
        verify(reservations).cancelReservation(ID, "guest-1", false);
    }

    @Test
    void cancellingAgainAnswersTheSameCanceledReservation() {
        when(reservations.getReservation(ID)).thenReturn(ok(Optional.of(canceled(ID))));
        when(reservations.cancelReservation(ID, "staff-245", false)).thenReturn(ok(canceled(ID)));

        String first = given().header("Authorization", staffOf(245)).when().delete("/v1/reservations/" + ID)
                .then().statusCode(200).extract().asString();
        String second = given().header("Authorization", staffOf(245)).when().delete("/v1/reservations/" + ID)
                .then().statusCode(200).extract().asString();
        assertEquals(first, second);
    }

    @Test
    void strangerCannotCancel() {
        when(reservations.getReservation(ID)).thenReturn(ok(Optional.of(pending(ID))));

        given().header("Authorization", guest2()).when().delete("/v1/reservations/" + ID)
                .then().statusCode(404).body("detail", equalTo(NOT_FOUND));
        given().header("Authorization", staffOf(1)).when().delete("/v1/reservations/" + ID)
                .then().statusCode(404);
        verify(reservations, never()).cancelReservation(anyString(), anyString(), anyBoolean());
    }

    @Test
    void cancellingARejectedReservationIs409() {
        String message = "reservation " + ID + " is rejected and cannot become canceled";
        when(reservations.getReservation(ID)).thenReturn(ok(Optional.of(pending(ID))));
        when(reservations.cancelReservation(ID, "admin-1", false)).thenReturn(failed(
                Status.FAILED_PRECONDITION.withDescription(message).asRuntimeException()));

        given().header("Authorization", admin()).when().delete("/v1/reservations/" + ID)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo(message));
    }

    @Test
    void onlyStaffOfTheHotelMayWaiveTheFee() {
        when(reservations.getReservation(ID)).thenReturn(ok(Optional.of(paid(ID))));
        when(reservations.cancelReservation(ID, "staff-245", true)).thenReturn(ok(canceled(ID)));
        when(reservations.previewCancellation(ID, true)).thenReturn(ok(new CancellationDto(
                new MoneyDto(24000, "EUR"), new MoneyDto(0, "EUR"), "fee waived by staff: refunded in full")));

        given().header("Authorization", guest1()).when().delete("/v1/reservations/" + ID + "?waiveFee=true")
                .then().statusCode(403).body("detail", equalTo("Only staff of hotel 245 may waive a cancellation fee"));
        given().header("Authorization", guest1())
                .when().get("/v1/reservations/" + ID + "/cancellation?waiveFee=true")
                .then().statusCode(403);
        given().header("Authorization", guest1()).when().delete("/v1/reservations/" + ID + "?waiveFee=maybe")
                .then().statusCode(400).body("detail", equalTo("waiveFee must be true or false"));
        verify(reservations, never()).cancelReservation(anyString(), anyString(), anyBoolean());

        given().header("Authorization", staffOf(245))
                .when().get("/v1/reservations/" + ID + "/cancellation?waiveFee=true")
                .then().statusCode(200).body("refund.amount", equalTo(24000));
        given().header("Authorization", staffOf(245)).when().delete("/v1/reservations/" + ID + "?waiveFee=true")
                .then().statusCode(200);
        verify(reservations).cancelReservation(ID, "staff-245", true);
    }

    @Test
    void cancellationPreviewHasTheSameVisibility() {
        when(reservations.getReservation(ID)).thenReturn(ok(Optional.of(pending(ID))));
        when(reservations.previewCancellation(ID, false)).thenReturn(ok(new CancellationDto(
                new MoneyDto(0, "EUR"), null, "free: nothing has been paid")));

        String body = given().header("Authorization", guest1()).when().get("/v1/reservations/" + ID + "/cancellation")
                .then().statusCode(200).extract().asString();
        assertEquals("""
                {"refund":{"amount":0,"currency":"EUR"},"fee":null,"policy":"free: nothing has been paid"}""", body);

        given().header("Authorization", guest2()).when().get("/v1/reservations/" + ID + "/cancellation")
                .then().statusCode(404).body("detail", equalTo(NOT_FOUND));
        verify(reservations).previewCancellation(ID, false);
    }

    @Test
    void reservationIdsAreFreshUuidsForAnyAuthenticatedCaller() {
        String first = given().header("Authorization", guest1()).when().post("/v1/reservation-ids")
                .then().statusCode(201).contentType("application/json")
                .body("reservationID", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"))
                .extract().path("reservationID");
        String second = given().header("Authorization", staffOf(1)).when().post("/v1/reservation-ids")
                .then().statusCode(201).extract().path("reservationID");
        assertEquals(first, UUID.fromString(first).toString());
        org.junit.jupiter.api.Assertions.assertNotEquals(first, second);

        given().when().post("/v1/reservation-ids").then().statusCode(401);
    }

    @Test
    void reservationServiceOutagesNameTheReservationService() {
        when(reservations.getReservation("down")).thenReturn(failed(DownstreamUnavailable.of(Downstream.RESERVATIONS.service(), DownstreamUnavailable.Reason.UNREACHABLE, "UNAVAILABLE", null)));
        when(reservations.getReservation("slow")).thenReturn(failed(DownstreamUnavailable.of(Downstream.RESERVATIONS.service(), DownstreamUnavailable.Reason.TOO_SLOW, "DEADLINE_EXCEEDED", null)));
        when(reservations.getReservation("broken")).thenReturn(failed(new DownstreamFailedException(
                Downstream.RESERVATIONS, Status.INTERNAL.withDescription("NPE at Repo:1").asRuntimeException())));

        given().header("Authorization", guest1()).when().get("/v1/reservations/down")
                .then().statusCode(503).body("detail", equalTo(Downstream.RESERVATIONS.unreachable()));
        given().header("Authorization", guest1()).when().get("/v1/reservations/slow")
                .then().statusCode(504).body("detail", equalTo(Downstream.RESERVATIONS.tooSlow()));
        given().header("Authorization", guest1()).when().get("/v1/reservations/broken")
                .then().statusCode(502).body("detail", equalTo("The reservation service failed to process the request"));
    }

    @Test
    void openApiDocumentsTheReservationAndInventoryOperations() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/v1/reservations'.post.security[0].bearer", equalTo(List.of()))
                .body("paths.'/v1/reservations/{reservationId}'.delete.security[0].bearer", equalTo(List.of()))
                .body("paths.'/v1/reservation-ids'.post.security[0].bearer", equalTo(List.of()))
                .body("paths.'/v1/hotels/{id}/room-types/{rtId}/overbooking'.put.security[0].bearer",
                        equalTo(List.of()))
                .body("paths.'/v1/hotels/{id}/availability'.get.security", equalTo(null))
                .body("paths.'/v1/hotels/{id}/availability'.get.summary", equalTo("Rooms left per night over "
                        + "[startDate, endDate) (1 to 366 days), for every room type or one (roomTypeID)"))
                .body("paths.'/v1/reservations/{reservationId}/cancellation'.get.summary",
                        equalTo("What cancelling the reservation now would refund and keep as a fee, and the policy"
                                + " in words, without cancelling it (waiveFee=true: as staff would cancel it)"))
                .body("paths.'/v1/reservations'.post.responses.'202'.description",
                        equalTo("Booked, rooms held; the payment's outcome is not known yet"))
                .body("paths.'/v1/hotels/{id}/cancellation-policy'.get.security", equalTo(null))
                .body("paths.'/v1/hotels/{id}/cancellation-policy'.put.security[0].bearer", equalTo(List.of()));
    }
}
