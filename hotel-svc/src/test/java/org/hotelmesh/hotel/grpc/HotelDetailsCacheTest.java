package org.hotelmesh.hotel.grpc;

import static org.hotelmesh.hotel.grpc.Fixtures.createHotel;
import static org.hotelmesh.hotel.grpc.Fixtures.createRoomType;
import static org.hotelmesh.hotel.grpc.Fixtures.hotelInput;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.hotel.cache.HotelDetailsCache;
import org.hotelmesh.proto.hotel.v1.GetHotelRequest;
import org.hotelmesh.proto.hotel.v1.GetHotelResponse;
import org.hotelmesh.proto.hotel.v1.Hotel;
import org.hotelmesh.proto.hotel.v1.HotelServiceGrpc.HotelServiceBlockingStub;
import org.hotelmesh.proto.hotel.v1.UpdateHotelRequest;
import org.junit.jupiter.api.Test;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "hotel_test"), @ResourceArg(name = "redisDatabase", value = "1") })
class HotelDetailsCacheTest extends HotelTestBase {

    @GrpcClient("hotel")
    HotelServiceBlockingStub hotels;

    @Inject
    RedisDataSource redis;

    @Test
    void readPopulatesDetailsUnderCurrentGeneration() throws Exception {
        Hotel hotel = createHotel(hotels);
        // a create does not touch the cache: no generation yet (absent = 0)
        assertNull(generation(hotel.getId()));
        assertNull(cached(hotel.getId(), 0));

        GetHotelResponse read = get(hotel.getId());

        byte[] cached = cached(hotel.getId(), 0);
        assertNotNull(cached);
        assertEquals(read, GetHotelResponse.parseFrom(cached));
        long ttl = redis.key().pttl(HotelDetailsCache.detailsKey(hotel.getId(), 0));
        assertTrue(ttl > 590_000 && ttl <= 600_000, "details TTL is 10 minutes, was " + ttl + " ms");
    }

    @Test
    void readAfterUpdateSeesTheUpdate() {
        Hotel hotel = createHotel(hotels);
        assertEquals(hotel.getDetails().getName(), get(hotel.getId()).getHotel().getDetails().getName());

        hotels.updateHotel(UpdateHotelRequest.newBuilder().setHotelId(hotel.getId())
                .setHotel(hotelInput("Changed name", "Seoul", "KR")).build());

        assertEquals("1", generation(hotel.getId()));
        long genTtl = redis.key().pttl(HotelDetailsCache.generationKey(hotel.getId()));
        assertTrue(genTtl > 1_190_000 && genTtl <= 1_200_000, "generation TTL is 2x details TTL, was " + genTtl);
        GetHotelResponse after = get(hotel.getId());
        assertEquals("Changed name", after.getHotel().getDetails().getName());
        assertEquals(2, after.getHotel().getVersion());
        assertArrayEquals(after.toByteArray(), cached(hotel.getId(), 1));
    }

    @Test
    void readAfterRoomTypeCreateSeesTheNewRoomType() {
        Hotel hotel = createHotel(hotels);
        assertEquals(0, get(hotel.getId()).getRoomTypesCount());

        createRoomType(hotels, hotel.getId(), "Added later");

        GetHotelResponse after = get(hotel.getId());
        assertEquals(1, after.getRoomTypesCount());
        assertEquals("Added later", after.getRoomTypes(0).getDetails().getName());
    }

    @Test
    void corruptCachedEntryIsReplacedByDatabaseRead() {
        Hotel hotel = createHotel(hotels);
        GetHotelResponse expected = get(hotel.getId());
        // bytes that are not a valid protobuf message (a truncated length-delimited field)
        byte[] garbage = { 0x0a, 0x7f, 0x01 };
        redis.value(byte[].class).set(HotelDetailsCache.detailsKey(hotel.getId(), 0), garbage);

        assertEquals(expected, get(hotel.getId()));
        assertArrayEquals(expected.toByteArray(), cached(hotel.getId(), 0));
    }

    @Test
    void corruptGenerationFallsBackToDatabase() {
        Hotel hotel = createHotel(hotels);
        redis.value(String.class).set(HotelDetailsCache.generationKey(hotel.getId()), "not-a-number");

        assertEquals(hotel, get(hotel.getId()).getHotel());
    }

    @Test
    void readStillWorksAfterRedisDataIsFlushed() {
        Hotel hotel = createHotel(hotels);
        hotels.updateHotel(UpdateHotelRequest.newBuilder().setHotelId(hotel.getId())
                .setHotel(hotelInput("Before flush", "Seoul", "KR")).build());
        GetHotelResponse before = get(hotel.getId());

        redis.execute("FLUSHDB"); // only this test's Redis database (index 1)

        assertEquals(before, get(hotel.getId()));
        assertArrayEquals(before.toByteArray(), cached(hotel.getId(), 0));
    }

    private GetHotelResponse get(long hotelId) {
        return hotels.getHotel(GetHotelRequest.newBuilder().setHotelId(hotelId).build());
    }

    private String generation(long hotelId) {
        return redis.value(String.class).get(HotelDetailsCache.generationKey(hotelId));
    }

    private byte[] cached(long hotelId, long gen) {
        return redis.value(byte[].class).get(HotelDetailsCache.detailsKey(hotelId, gen));
    }

}
