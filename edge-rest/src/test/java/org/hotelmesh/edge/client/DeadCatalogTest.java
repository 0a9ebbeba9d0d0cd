package org.hotelmesh.edge.client;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.edge.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** No mock: the real HotelClient talks to a port where nothing listens. */
@QuarkusTest
@TestProfile(DeadCatalogTest.CatalogOnClosedPort.class)
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisDatabase", value = "2"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class DeadCatalogTest {

    static final String UNREACHABLE = "The hotel catalog could not be reached; retry later";
    static final String OPEN = "The hotel catalog is temporarily unavailable; retry in a few seconds";

    public static class CatalogOnClosedPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.grpc.clients.hotel.host", "localhost",
                    "quarkus.grpc.clients.hotel.port", "1",
                    "quarkus.grpc.clients.hotel.test-port", "1",
                    "hotelmesh.hotel-client.deadline", "1S",
                    "hotelmesh.rate-limit.enabled", "false");
        }
    }

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void closeAllCircuits() {
        circuitBreakers.resetAll();
    }

    @Test
    void readAgainstDeadCatalogIs503Quickly() {
        long start = System.nanoTime();
        given().when().get("/v1/hotels/1")
                .then().statusCode(503).contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("detail", equalTo(UNREACHABLE));
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Deadline 1 s x 3 attempts would be 3 s; a refused connection fails at once, plus two short retry delays.
        assertTrue(millis < 1500, "took " + millis + " ms");
    }

    @Test
    void circuitOpensAfterRepeatedFailuresAndThenFailsFast() {
        List<String> details = new ArrayList<>();
        for (int i = 0; i < 6 && !details.contains(OPEN); i++) {
            details.add(given().when().get("/v1/hotels/2/rooms")
                    .then().statusCode(503).contentType("application/problem+json")
                    .extract().path("detail"));
        }
        assertEquals(UNREACHABLE, details.get(0));
        // 3 attempts per request, the breaker opens after 10 failed calls: during the 4th request.
        assertEquals(List.of(UNREACHABLE, UNREACHABLE, UNREACHABLE, OPEN), details);

        long start = System.nanoTime();
        ExtractableResponse<Response> open = given().when().get("/v1/hotels/2/rooms")
                .then().statusCode(503).body("detail", equalTo(OPEN)).extract();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("5", open.header("Retry-After"));
        assertTrue(millis < 500, "an open circuit should answer at once, took " + millis + " ms");
    }

    @Test
    void writeAgainstDeadCatalogIs503WithoutRetry() {
        given().header("Authorization", Fixtures.admin()).contentType("application/json").body(Fixtures.HOTEL_JSON)
                .when().post("/v1/hotels")
                .then().statusCode(503)
                .body("detail", equalTo(UNREACHABLE));
    }
}
