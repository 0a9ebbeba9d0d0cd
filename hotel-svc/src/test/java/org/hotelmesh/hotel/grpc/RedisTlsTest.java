package org.hotelmesh.hotel.grpc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hotelmesh.hotel.grpc.Fixtures.createHotel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.hotel.v1.GetHotelRequest;
import org.hotelmesh.proto.hotel.v1.Hotel;
import org.hotelmesh.proto.hotel.v1.HotelServiceGrpc.HotelServiceBlockingStub;
import org.junit.jupiter.api.Test;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Redis over TLS with a server certificate of a private CA (hotelmesh.redis.ca and a rediss:// URI): this machine's
 * redis-server, TLS only, serves the catalog cache and the readiness check.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "hotel_test_redis_tls"), @ResourceArg(name = "redisDatabase", value = "1"),
        @ResourceArg(name = "redisTls", value = "true") })
class RedisTlsTest extends HotelTestBase {

    @TestHTTPResource(value = "", management = true)
    String management;

    @GrpcClient("hotel")
    HotelServiceBlockingStub hotels;

    @Inject
    RedisDataSource redis;

    @Test
    void theCacheAndTheReadinessCheckUseRedisOverTls() {
        assertTrue(ConfigProvider.getConfig().getValue("quarkus.redis.hosts", String.class).startsWith("rediss://"));
        given().when().get(management + "health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Redis connection health check' }.status", equalTo("UP"));

        Hotel hotel = createHotel(hotels);
        GetHotelRequest get = GetHotelRequest.newBuilder().setHotelId(hotel.getId()).build();
        assertEquals(hotel.getDetails(), hotels.getHotel(get).getHotel().getDetails());
        assertTrue(redis.key().keys("*").size() > 0, "the hotel's details were cached in the TLS Redis");
        assertEquals(hotel.getDetails(), hotels.getHotel(get).getHotel().getDetails());
    }
}
