package org.hotelmesh.edge.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hotelmesh.edge.Fixtures.found;
import static org.hotelmesh.edge.Fixtures.hotel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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

    @TestHTTPResource("/")
    URL url;

    public static class FiveRequestsPerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hotelmesh.rate-limit.requests", "5", "hotelmesh.rate-limit.write-requests", "2",
                    "hotelmesh.rate-limit.window", "1M");
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
        String key = "ratelimit:{sub:alice}:api:" + windowStart;

        assertEquals(List.of(key), redis.key().keys("ratelimit:{sub:alice}:api:*"));
        assertEquals("3", redis.value(String.class).get(key));
        long ttl = redis.key().ttl(key);
        assertTrue(ttl > 0 && ttl <= 60, "TTL " + ttl);
    }

    @Test
    void forwardedForIsIgnoredUnlessTrusted() {
        given().header("X-Forwarded-For", "203.0.113.9").when().get("/v1/hotels/1").then().statusCode(200);

        assertEquals(List.of(), redis.key().keys("ratelimit:{ip:203.0.113.9}:api:*"));
        assertEquals(1, redis.key().keys("ratelimit:{ip:127.0.0.1}:api:*").size());
    }

    @Test
    void healthEndpointsAreNotRateLimited() {
        for (int i = 0; i < 8; i++) {
            given().when().get(management + "health/live").then().statusCode(200);
        }
        assertEquals(List.of(), redis.key().keys("ratelimit:*"));
    }

    @Test
    void bookingsAndQuotesHaveABucketOfTheirOwnAndReadsGoOn() throws Exception {
        String alice = Fixtures.bearer("alice", List.of("guest"), List.of());
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", alice).contentType("application/json").body("{}")
                    .when().post(i == 0 ? "/v1/quotes" : "/v1/reservations")
                    .then().statusCode(400).header("RateLimit-Remaining", equalTo(String.valueOf(1 - i)));
        }
        assertEquals(429, raw("POST", "/v1//q/../reservations/", alice, "{}"), "however the path is written");
        // reads have their own budget: 3 of 5 used by the writes above
        given().header("Authorization", alice).when().get("/v1/hotels/1")
                .then().statusCode(200).header("RateLimit-Remaining", equalTo("1"));
    }

    @Test
    void aPathWithDotSegmentsIsCountedLikeThePathItReaches() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertEquals(200, raw("GET", "/q/../v1/hotels/1", null, null));
        }
        assertEquals(429, raw("GET", "/q/%2e%2e/v1/hotels/1", null, null));
        assertEquals(429, raw("GET", "/v1/hotels/1", null, null));
    }

    /** A request sent byte for byte, so no client library tidies its path first; the answer's status. */
    private int raw(String method, String path, String authorization, String json) throws Exception {
        try (Socket socket = new Socket("localhost", url.getPort())) {
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + (json == null ? "" : "Content-Type: application/json\r\nContent-Length: " + json.length()
                            + "\r\n");
            socket.getOutputStream().write((head + "\r\n" + (json == null ? "" : json))
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
