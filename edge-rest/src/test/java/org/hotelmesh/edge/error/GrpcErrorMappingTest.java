package org.hotelmesh.edge.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hotelmesh.edge.Fixtures.HOTEL_JSON;
import static org.hotelmesh.edge.Fixtures.ROOM_JSON;
import static org.hotelmesh.edge.Fixtures.admin;
import static org.hotelmesh.edge.Fixtures.failed;
import static org.hotelmesh.edge.Fixtures.staffOf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.edge.client.Downstream;
import org.hotelmesh.edge.client.HotelClient;
import org.hotelmesh.support.client.DownstreamUnavailable;
import org.hotelmesh.support.grpc.GrpcStatuses;
import org.junit.jupiter.api.Test;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** hotel-svc's gRPC status becomes the documented HTTP status with a problem document. */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "redisDatabase", value = "2"),
        @ResourceArg(name = "jwtKeys", value = "true")})
class GrpcErrorMappingTest {

    @InjectMock
    HotelClient hotels;

    @Test
    void notFoundOnUpdateIs404WithTheServiceMessage() {
        when(hotels.updateHotel(anyLong(), any())).thenReturn(failed(
                Status.NOT_FOUND.withDescription("hotel 5 does not exist").asRuntimeException()));

        given().header("Authorization", admin()).contentType(ContentType.JSON).body(HOTEL_JSON)
                .when().put("/v1/hotels/5")
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("hotel 5 does not exist"));
    }

    @Test
    void alreadyExistsIs409() {
        when(hotels.createRoom(anyLong(), any())).thenReturn(failed(
                Status.ALREADY_EXISTS.withDescription("room 1205 already exists in hotel 1").asRuntimeException()));

        given().header("Authorization", staffOf(1)).contentType(ContentType.JSON).body(ROOM_JSON)
                .when().post("/v1/hotels/1/rooms")
                .then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Conflict"))
                .body("detail", equalTo("room 1205 already exists in hotel 1"));
    }

    @Test
    void failedPreconditionIs409() {
        when(hotels.deleteRoomType(1L, 12L)).thenReturn(failed(
                Status.FAILED_PRECONDITION.withDescription("room type 12 still has 10 rooms").asRuntimeException()));

        given().header("Authorization", staffOf(1)).when().delete("/v1/hotels/1/room-types/12")
                .then().statusCode(409)
                .body("detail", equalTo("room type 12 still has 10 rooms"));
    }

    @Test
    void invalidArgumentWithBadRequestDetailIs400WithErrors() {
        BadRequest badRequest = BadRequest.newBuilder()
                .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField("address.country").setDescription("must be an ISO-3166 alpha-2 code"))
                .addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField("name").setDescription("is already used by another hotel"))
                .build();
        StatusRuntimeException error = StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage("address.country: must be an ISO-3166 alpha-2 code")
                .addDetails(Any.pack(badRequest))
                .build());
        when(hotels.createHotel(any())).thenReturn(failed(error));

        given().header("Authorization", admin()).contentType(ContentType.JSON).body(HOTEL_JSON)
                .when().post("/v1/hotels")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("address.country: must be an ISO-3166 alpha-2 code"))
                .body("errors", equalTo(List.of(
                        Map.of("field", "address.country", "reason", "must be an ISO-3166 alpha-2 code"),
                        Map.of("field", "name", "reason", "is already used by another hotel"))));
    }

    @Test
    void permissionAndQuotaStatusesKeepTheirMeaning() {
        when(hotels.deleteRoom(1L, 2L)).thenReturn(failed(Status.PERMISSION_DENIED.asRuntimeException()));
        when(hotels.deleteRoom(1L, 3L)).thenReturn(failed(Status.RESOURCE_EXHAUSTED.asRuntimeException()));
        when(hotels.deleteRoom(1L, 4L)).thenReturn(failed(Status.ABORTED.asRuntimeException()));
        when(hotels.deleteRoom(1L, 5L)).thenReturn(failed(Status.UNAUTHENTICATED.asRuntimeException()));

        given().header("Authorization", staffOf(1)).when().delete("/v1/hotels/1/rooms/2").then().statusCode(403);
        given().header("Authorization", staffOf(1)).when().delete("/v1/hotels/1/rooms/3").then().statusCode(429);
        given().header("Authorization", staffOf(1)).when().delete("/v1/hotels/1/rooms/4").then().statusCode(409);
        given().header("Authorization", staffOf(1)).when().delete("/v1/hotels/1/rooms/5").then().statusCode(401);
    }

    @Test
    void slowDownIs429WithWhenToComeBack() {
        when(hotels.deleteRoom(1L, 6L)).thenReturn(failed(GrpcStatuses.resourceExhausted(
                "too many bookings of this room type are waiting to be decided; retry in a second",
                Duration.ofMillis(2500))));
        when(hotels.deleteRoom(1L, 3L)).thenReturn(failed(Status.RESOURCE_EXHAUSTED.asRuntimeException()));

        given().header("Authorization", staffOf(1)).when().delete("/v1/hotels/1/rooms/6")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "3")
                .body("detail", equalTo("too many bookings of this room type are waiting to be decided; retry in a"
                        + " second"));
        given().header("Authorization", staffOf(1)).when().delete("/v1/hotels/1/rooms/3")
                .then().statusCode(429).header("Retry-After", "1");
    }

    @Test
    void unavailableIs503AndDeadlineIs504() {
        when(hotels.getRoom(1L, 2L)).thenReturn(failed(
                DownstreamUnavailable.of(Downstream.HOTELS.service(), DownstreamUnavailable.Reason.UNREACHABLE,
                        "UNAVAILABLE", null)));
        when(hotels.getRoom(1L, 3L)).thenReturn(failed(
                DownstreamUnavailable.of(Downstream.HOTELS.service(), DownstreamUnavailable.Reason.TOO_SLOW,
                        "DEADLINE_EXCEEDED", null)));

        given().when().get("/v1/hotels/1/rooms/2")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", equalTo("The hotel catalog could not be reached; retry later"));
        given().when().get("/v1/hotels/1/rooms/3")
                .then().statusCode(504).contentType("application/problem+json")
                .body("detail", equalTo("The hotel catalog did not answer in time; retry later"));
    }

    @Test
    void unexpectedStatusIs502WithGenericDetail() {
        when(hotels.getRoomType(1L, 2L)).thenReturn(failed(
                Status.INTERNAL.withDescription("NullPointerException at HotelRepository:42").asRuntimeException()));

        given().when().get("/v1/hotels/1/room-types/2")
                .then().statusCode(502).contentType("application/problem+json")
                .body("title", equalTo("Bad Gateway"))
                .body("detail", equalTo("The hotel catalog failed to process the request"));
    }
}
