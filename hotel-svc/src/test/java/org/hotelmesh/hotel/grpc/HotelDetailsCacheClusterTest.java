package org.hotelmesh.hotel.grpc;

import static org.hotelmesh.hotel.grpc.Fixtures.createHotel;
import static org.hotelmesh.hotel.grpc.Fixtures.hotelInput;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hotelmesh.devtools.RedisCluster;
import org.hotelmesh.devtools.Stores.Endpoint;
import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.hotel.cache.HotelDetailsCache;
import org.hotelmesh.proto.hotel.v1.GetHotelRequest;
import org.hotelmesh.proto.hotel.v1.GetHotelResponse;
import org.hotelmesh.proto.hotel.v1.Hotel;
import org.hotelmesh.proto.hotel.v1.HotelServiceGrpc.HotelServiceBlockingStub;
import org.hotelmesh.proto.hotel.v1.UpdateHotelRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The details cache against a Redis Cluster of three masters: a hotel's generation and details share the hotel's hash
 * tag, so they live on one node, the script that bumps the generation and deletes the details it derives from it runs
 * there, and different hotels spread over the nodes. Each assertion reads the keys from the node that should hold them.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "hotel_test_redis_cluster"),
        @ResourceArg(name = "redisCluster", value = "true") })
class HotelDetailsCacheClusterTest extends HotelTestBase {

    @GrpcClient("hotel")
    HotelServiceBlockingStub hotels;

    @Inject
    RedisDataSource redis;

    private RedisCluster cluster;

    @BeforeEach
    void theTestCluster() {
        cluster = RedisCluster.at(ConfigProvider.getConfig().getValue("quarkus.redis.hosts", String.class));
    }

    @Test
    void hotelsOnDifferentNodesAreCachedOnTheirOwnNodeAndServedFromThere() {
        for (Hotel hotel : hotelsOnTwoNodes()) {
            Endpoint node = cluster.nodeServing(HotelDetailsCache.generationKey(hotel.getId()));
            GetHotelResponse read = get(hotel.getId());

            String details = HotelDetailsCache.detailsKey(hotel.getId(), 0);
            assertTrue(cluster.holds(node, details), details + " on " + node);
            assertArrayEquals(read.toByteArray(), cached(hotel.getId(), 0));
            // what the cache holds is what the next read answers
            GetHotelResponse planted = read.toBuilder().setHotel(read.getHotel().toBuilder()
                    .setDetails(read.getHotel().getDetails().toBuilder().setName("Served from the cache"))).build();
            redis.value(byte[].class).set(details, planted.toByteArray());
            assertEquals("Served from the cache", get(hotel.getId()).getHotel().getDetails().getName());
        }
    }

    @Test
    void anUpdateBumpsTheGenerationOnTheHotelsNodeAndDropsLeftoverDetailsOfTheNewOne() {
        Hotel hotel = createHotel(hotels);
        Endpoint node = cluster.nodeServing(HotelDetailsCache.generationKey(hotel.getId()));
        GetHotelResponse before = get(hotel.getId());
        // details of generation 1 left over from before the generation key expired: the bump must delete them
        redis.value(byte[].class).set(HotelDetailsCache.detailsKey(hotel.getId(), 1), before.toByteArray());

        hotels.updateHotel(UpdateHotelRequest.newBuilder().setHotelId(hotel.getId())
                .setHotel(hotelInput("Renamed in the cluster", "Seoul", "KR")).build());

        assertEquals("1", redis.value(String.class).get(HotelDetailsCache.generationKey(hotel.getId())));
        assertTrue(cluster.holds(node, HotelDetailsCache.generationKey(hotel.getId())));
        assertNull(cached(hotel.getId(), 1), "the leftover details of the new generation were deleted");
        GetHotelResponse after = get(hotel.getId());
        assertEquals("Renamed in the cluster", after.getHotel().getDetails().getName());
        assertArrayEquals(after.toByteArray(), cached(hotel.getId(), 1));
        assertTrue(cluster.holds(node, HotelDetailsCache.detailsKey(hotel.getId(), 1)));
    }

    /** Two new hotels whose keys hash to different nodes. */
    private List<Hotel> hotelsOnTwoNodes() {
        Hotel first = createHotel(hotels);
        Endpoint firstNode = cluster.nodeServing(HotelDetailsCache.generationKey(first.getId()));
        for (int i = 0; i < 20; i++) {
            Hotel other = createHotel(hotels);
            if (!cluster.nodeServing(HotelDetailsCache.generationKey(other.getId())).equals(firstNode)) {
                return List.of(first, other);
            }
        }
        throw new AssertionError("21 hotels' keys all hash to " + firstNode + ": keys are not spread by hotel");
    }

    private GetHotelResponse get(long hotelId) {
        return hotels.getHotel(GetHotelRequest.newBuilder().setHotelId(hotelId).build());
    }

    private byte[] cached(long hotelId, long generation) {
        return redis.value(byte[].class).get(HotelDetailsCache.detailsKey(hotelId, generation));
    }
}
