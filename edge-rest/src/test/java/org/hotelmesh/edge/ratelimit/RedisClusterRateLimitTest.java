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

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hotelmesh.devtools.RedisCluster;
import org.hotelmesh.devtools.Stores.Endpoint;
import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.edge.Fixtures;
import org.hotelmesh.edge.client.HotelClient;
import org.hotelmesh.edge.ratelimit.RateLimiter.Bucket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The rate limits against a Redis Cluster of three masters: each client's counters carry its identity as their hash
 * tag, so the one script that counts a booking in two buckets runs in one slot, and clients whose tags hash to
 * different nodes are each counted there. Every assertion reads the counters back from the node that should hold them:
 * a command the cluster refused would leave them missing (the edge then counts in its own memory and still answers
 * 429, which alone proves nothing).
 */
@QuarkusTest
@TestProfile(RateLimitTest.FiveRequestsPerMinute.class)
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisCluster", value = "true"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class RedisClusterRateLimitTest {

    @TestHTTPResource(value = "", management = true)
    String management;

    @InjectMock
    HotelClient hotels;

    @Inject
    RateLimiter limiter;

    @Inject
    RedisDataSource redis;

    private RedisCluster cluster;

    @BeforeEach
    void freshCountersInAFreshWindow() throws InterruptedException {
        cluster = RedisCluster.at(ConfigProvider.getConfig().getValue("quarkus.redis.hosts", String.class));
        cluster.flush();
        // Do not start a test in the last seconds of a window: the counter would roll over mid-test.
        long intoWindow = System.currentTimeMillis() % 60_000;
        if (intoWindow > 55_000) {
            Thread.sleep(60_000 - intoWindow + 100);
        }
        when(hotels.getHotel(anyLong())).thenReturn(found(hotel(1)));
    }

    @Test
    void clientsOnDifferentNodesAreEachCountedOnTheirOwnNodeAndRefusedAfterTheLimit() {
        List<String> guests = guestsOnTwoNodes();
        for (String guest : guests) {
            String bearer = Fixtures.bearer(guest, List.of("guest"), List.of());
            for (int i = 1; i <= 5; i++) {
                given().header("Authorization", bearer).when().get("/v1/hotels/1")
                        .then().statusCode(200).header("RateLimit-Remaining", equalTo(String.valueOf(5 - i)));
            }
            given().header("Authorization", bearer).when().get("/v1/hotels/1").then().statusCode(429);
        }
        for (String guest : guests) {
            String key = limiter.key(Bucket.API, "sub:" + guest, System.currentTimeMillis());
            assertTrue(cluster.holds(cluster.nodeServing(key), key), key + " lives on the node of its slot");
            assertEquals("6", redis.value(String.class).get(key), key);
        }
        given().when().get(management + "health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Redis connection health check' }.status", equalTo("UP"));
    }

    @Test
    void aBookingIsCountedInBothItsBucketsByOneScriptInOneSlot() {
        String alice = Fixtures.bearer("alice", List.of("guest"), List.of());
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", alice).contentType("application/json").body("{}")
                    .when().post("/v1/reservations")
                    .then().statusCode(400).header("RateLimit-Remaining", equalTo(String.valueOf(1 - i)));
        }
        given().header("Authorization", alice).contentType("application/json").body("{}")
                .when().post("/v1/reservations").then().statusCode(429);

        long now = System.currentTimeMillis();
        String api = limiter.key(Bucket.API, "sub:alice", now);
        String writes = limiter.key(Bucket.WRITES, "sub:alice", now);
        assertEquals(cluster.slotOf(api), cluster.slotOf(writes));
        Endpoint node = cluster.nodeServing(api);
        assertTrue(cluster.holds(node, api) && cluster.holds(node, writes), "both counters on " + node);
        assertEquals("3", redis.value(String.class).get(api));
        assertEquals("3", redis.value(String.class).get(writes));
    }

    /** Two guests whose counters hash to different nodes. */
    private List<String> guestsOnTwoNodes() {
        long now = System.currentTimeMillis();
        String first = "guest-1";
        Endpoint firstNode = cluster.nodeServing(limiter.key(Bucket.API, "sub:" + first, now));
        for (int i = 2; i < 50; i++) {
            String guest = "guest-" + i;
            Endpoint node = cluster.nodeServing(limiter.key(Bucket.API, "sub:" + guest, now));
            if (!node.equals(firstNode)) {
                return List.of(first, guest);
            }
        }
        throw new AssertionError("49 guests' counters all hash to " + firstNode + ": keys are not spread by identity");
    }
}
