package org.hotelmesh.edge.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hotelmesh.edge.Fixtures.found;
import static org.hotelmesh.edge.Fixtures.hotel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.edge.Fixtures;
import org.hotelmesh.edge.client.HotelClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RateLimitTest.FiveRequestsPerMinute.class)
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisDatabase", value = "2"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class RateLimitTest {

    /** The management interface (its root, .../q/), where health and metrics are served, not on the service's port. */
    @TestHTTPResource(value = "", management = true)
    String management;

    public static class FiveRequestsPerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hotelmesh.rate-limit.requests", "5", "hotelmesh.rate-limit.window", "1M");
        }
    }

    @InjectMock
    HotelClient hotels;

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void freshCountersInAFreshWindow() throws InterruptedException {
        redis.execute("FLUSHDB");
        // Do not start a test in the last seconds of a window: the counter would roll over mid-test.
        long intoWindow = System.currentTimeMillis() % 60_000;
        if (intoWindow > 55_000) {
            Thread.sleep(60_000 - intoWindow + 100);
        }
        when(hotels.getHotel(anyLong())).thenReturn(found(hotel(1)));
    }

    @Test
    void sixthRequestInTheWindowIs429WithRetryAfter() {
        for (int i = 1; i <= 5; i++) {
            given().when().get("/v1/hotels/1")
                    .then().statusCode(200)
                    .header("RateLimit-Limit", equalTo("5"))
                    .header("RateLimit-Remaining", equalTo(String.valueOf(5 - i)));
        }
        var sixth = given().when().get("/v1/hotels/1")
                .then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("title", equalTo("Too Many Requests"))
                .header("RateLimit-Remaining", equalTo("0"))
                .extract();
        int retryAfter = Integer.parseInt(sixth.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }

    @Test
    void anotherIdentityHasItsOwnBudget() {
        for (int i = 0; i < 6; i++) {
            given().when().get("/v1/hotels/1");
        }
        given().when().get("/v1/hotels/1").then().statusCode(429);

        String alice = Fixtures.bearer("alice", List.of("guest"), List.of());
        given().header("Authorization", alice).when().get("/v1/hotels/1")
                .then().statusCode(200)
                .header("RateLimit-Remaining", equalTo("4"));
    }

    @Test
    void counterLivesInRedisUnderTheIdentityAndWindowKey() {
        String alice = Fixtures.bearer("alice", List.of("guest"), List.of());
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", alice).when().get("/v1/hotels/1").then().statusCode(200);
        }
        long windowStart = System.currentTimeMillis() / 60_000 * 60;
        String key = "ratelimit:sub:alice:" + windowStart;

        assertEquals(List.of(key), redis.key().keys("ratelimit:sub:alice:*"));
        assertEquals("3", redis.value(String.class).get(key));
        long ttl = redis.key().ttl(key);
        assertTrue(ttl > 0 && ttl <= 60, "TTL " + ttl);
    }

    @Test
    void forwardedForIsIgnoredUnlessTrusted() {
        given().header("X-Forwarded-For", "203.0.113.9").when().get("/v1/hotels/1").then().statusCode(200);

        assertEquals(List.of(), redis.key().keys("ratelimit:ip:203.0.113.9:*"));
        assertEquals(1, redis.key().keys("ratelimit:ip:127.0.0.1:*").size());
    }

    @Test
    void healthEndpointsAreNotRateLimited() {
        for (int i = 0; i < 8; i++) {
            given().when().get(management + "health/live").then().statusCode(200);
        }
        assertEquals(List.of(), redis.key().keys("ratelimit:*"));
    }
}
