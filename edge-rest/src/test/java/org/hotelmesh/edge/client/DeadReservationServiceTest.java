package org.hotelmesh.edge.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hotelmesh.edge.ReservationFixtures.BOOKING_JSON;
import static org.hotelmesh.edge.ReservationFixtures.guest1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** No mock: the real ReservationClient talks to a port where nothing listens. */
@QuarkusTest
@TestProfile(DeadReservationServiceTest.ReservationsOnClosedPort.class)
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisDatabase", value = "2"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class DeadReservationServiceTest {

    static final String UNREACHABLE =
            "Reservations are temporarily unavailable; the reservation service could not be reached, retry later";
    static final String OPEN = "Reservations are temporarily unavailable; retry in a few seconds";

    public static class ReservationsOnClosedPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.grpc.clients.reservation.host", "localhost",
                    "quarkus.grpc.clients.reservation.port", "1",
                    "quarkus.grpc.clients.reservation.test-port", "1",
                    // Long enough that waiting for even one deadline fails the timing assertions below.
                    "hotelmesh.reservation-client.deadline", "5S",
                    "hotelmesh.rate-limit.enabled", "false");
        }
    }

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void warmUpAndCloseAllCircuits() {
        // The first verified token and the first gRPC call pay for key loading, channel creation and class
        // initialisation; what is measured here is that no request waits for deadlines.
        given().header("Authorization", guest1()).when().get("/v1/reservations/warm-up").then().statusCode(503);
        circuitBreakers.resetAll();
    }

    @Test
    void readAgainstDeadReservationServiceIs503Quickly() {
        long start = System.nanoTime();
        given().header("Authorization", guest1()).when().get("/v1/reservations/abc")
                .then().statusCode(503).contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("title", equalTo("Service Unavailable"))
                .body("detail", equalTo(UNREACHABLE));
        long millis = (System.nanoTime() - start) / 1_000_000;
        // A refused connection fails at once: 3 attempts with short retry delays, far below one 5 s deadline.
        assertTrue(millis < 2500, "took " + millis + " ms");
    }

    @Test
    void bookingAgainstDeadReservationServiceIs503Quickly() {
        long start = System.nanoTime();
        given().header("Authorization", guest1()).contentType(ContentType.JSON).body(BOOKING_JSON)
                .when().post("/v1/reservations")
                .then().statusCode(503).body("detail", equalTo(UNREACHABLE));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2500, "took " + millis + " ms");
    }

    @Test
    void circuitOpensAfterRepeatedFailuresAndNamesReservations() {
        List<String> details = new ArrayList<>();
        for (int i = 0; i < 6 && !details.contains(OPEN); i++) {
            details.add(given().queryParam("startDate", "2027-04-28").queryParam("endDate", "2027-04-30")
                    .when().get("/v1/hotels/1/availability")
                    .then().statusCode(503).contentType("application/problem+json")
                    .extract().path("detail"));
        }
        // 3 attempts per request, the breaker opens after 10 failed calls: during the 4th request.
        assertEquals(List.of(UNREACHABLE, UNREACHABLE, UNREACHABLE, OPEN), details);
    }

    @Test
    void bookingIsRetriedBecauseItsIdMakesItIdempotent() {
        List<String> details = new ArrayList<>();
        for (int i = 0; i < 6 && !details.contains(OPEN); i++) {
            details.add(given().header("Authorization", guest1()).contentType(ContentType.JSON).body(BOOKING_JSON)
                    .when().post("/v1/reservations")
                    .then().statusCode(503).extract().path("detail"));
        }
        // Opening during the 4th booking means every booking made 3 attempts; without retries it would be the 11th.
        assertEquals(List.of(UNREACHABLE, UNREACHABLE, UNREACHABLE, OPEN), details);
    }

    @Test
    void validationStillAnswersWithoutTheService() {
        given().queryParam("startDate", "2027-04-28").queryParam("endDate", "2026-04-30")
                .when().get("/v1/hotels/1/availability")
                .then().statusCode(400);
    }
}
