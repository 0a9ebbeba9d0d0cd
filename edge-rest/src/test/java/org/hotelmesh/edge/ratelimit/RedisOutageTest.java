package org.hotelmesh.edge.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hotelmesh.edge.Fixtures.found;
import static org.hotelmesh.edge.Fixtures.hotel;
import static org.mockito.Mockito.when;

import java.util.Map;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.edge.client.HotelClient;
import org.junit.jupiter.api.Test;

import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Redis points at a closed port: rate limiting fails open instead of failing the API. */
@QuarkusTest
@TestProfile(RedisOutageTest.RedisOnClosedPort.class)
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisDatabase", value = "2"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class RedisOutageTest {

    /** The management interface (its root, .../q/), where health and metrics are served, not on the service's port. */
    @TestHTTPResource(value = "", management = true)
    String management;

    public static class RedisOnClosedPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1/2", "hotelmesh.rate-limit.requests", "2");
        }
    }

    @InjectMock
    HotelClient hotels;

    @Test
    void requestsAreStillLimitedByThisReplicasOwnCountersWhileRedisIsDown() {
        when(hotels.getHotel(1L)).thenReturn(found(hotel(1)));

        for (int i = 1; i <= 2; i++) {
            given().header("X-Forwarded-For", "198.51.100.7").when().get("/v1/hotels/1")
                    .then().statusCode(200)
                    .header("RateLimit-Limit", equalTo("2"))
                    .header("RateLimit-Remaining", equalTo(String.valueOf(2 - i)));
        }
        given().when().get("/v1/hotels/1")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
    }

    @Test
    void healthReportsRedisDown() {
        given().when().get(management + "health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
    }
}
