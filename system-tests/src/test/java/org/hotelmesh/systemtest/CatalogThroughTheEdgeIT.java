package org.hotelmesh.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.hotelmesh.devtools.GrpcChannels;
import org.hotelmesh.devtools.GrpcCredentials;
import org.hotelmesh.devtools.test.TestIdentities;
import org.hotelmesh.proto.hotel.v1.GetHotelRequest;
import org.hotelmesh.proto.hotel.v1.GetHotelResponse;
import org.hotelmesh.proto.hotel.v1.HotelServiceGrpc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black box: the packaged services run as separate processes against the real PostgreSQL and Redis;
 * the test drives the public REST API over HTTP, and hotel-svc's gRPC API directly as an internal tool would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogThroughTheEdgeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Mesh mesh;
    private static String admin;

    // shared by the ordered steps below
    private static long hotelId;
    private static long roomTypeId;
    private static long roomId;

    @BeforeAll
    static void startTheMesh() throws Exception {
        mesh = Mesh.start("systest", 3);
        admin = mesh.admin();
    }

    @AfterAll
    static void stopTheMesh() throws Exception {
        if (mesh != null) {
            mesh.close();
        }
    }

    @Test
    @Order(1)
    void adminCreatesAHotelThatAnyoneCanRead() throws Exception {
        HttpResponse<String> created = send("POST", "/v1/hotels", admin, """
                {"name":"Harbor View Busan","address":{"line1":"30 Haeundae-ro","city":"Busan","postalCode":"48058",
                 "country":"KR"},"timeZone":"Asia/Seoul","starRating":4,"description":"By the beach.",
                 "contact":{"email":"busan@hotels.example","phone":"+82 51 123 4567"}}""");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode hotel = JSON.readTree(created.body());
        hotelId = Long.parseLong(hotel.get("id").asText());
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/v1/hotels/" + hotelId));

        HttpResponse<String> read = send("GET", "/v1/hotels/" + hotelId, null, null);
        assertEquals(200, read.statusCode(), read.body());
        JsonNode details = JSON.readTree(read.body());
        assertEquals("Harbor View Busan", details.get("name").asText());
        assertEquals("KR", details.get("address").get("country").asText());
        assertEquals("Asia/Seoul", details.get("timeZone").asText());
        assertEquals(0, details.get("roomTypes").size());
    }

    @Test
    @Order(2)
    void staffOfTheHotelBuildsItsRoomTypesAndRooms() throws Exception {
        String staff = token("staff-busan", List.of("staff"), List.of(hotelId));
        HttpResponse<String> type = send("POST", "/v1/hotels/" + hotelId + "/room-types", staff, """
                {"name":"Deluxe King","description":"Sea view","maxOccupancy":2,"bedConfiguration":"1 king",
                 "amenities":["wifi","minibar"]}""");
        assertEquals(201, type.statusCode(), type.body());
        roomTypeId = Long.parseLong(JSON.readTree(type.body()).get("id").asText());

        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> room = send("POST", "/v1/hotels/" + hotelId + "/rooms", staff,
                    "{\"number\":\"80" + i + "\",\"floor\":8,\"roomTypeID\":\"" + roomTypeId + "\"}");
            assertEquals(201, room.statusCode(), room.body());
            if (i == 1) {
                roomId = Long.parseLong(JSON.readTree(room.body()).get("id").asText());
            }
        }
        HttpResponse<String> duplicate = send("POST", "/v1/hotels/" + hotelId + "/rooms", staff,
                "{\"number\":\"801\",\"floor\":8,\"roomTypeID\":\"" + roomTypeId + "\"}");
        assertEquals(409, duplicate.statusCode(), duplicate.body());
        assertProblem(duplicate, 409);

        JsonNode page = JSON.readTree(send("GET", "/v1/hotels/" + hotelId + "/rooms?pageSize=2", null, null).body());
        assertEquals(2, page.get("items").size());
        assertEquals(3, page.get("totalSize").asLong());
        JsonNode rest = JSON.readTree(send("GET", "/v1/hotels/" + hotelId + "/rooms?pageSize=2&pageToken="
                + page.get("nextPageToken").asText(), null, null).body());
        assertEquals(1, rest.get("items").size());
    }

    @Test
    @Order(3)
    void takingARoomOutOfOrderShowsInTheHotelDetailsAtOnce() throws Exception {
        String staff = token("staff-busan", List.of("staff"), List.of(hotelId));
        // read first so the details are cached, then write: the next read must not be stale
        JsonNode before = JSON.readTree(send("GET", "/v1/hotels/" + hotelId, null, null).body());
        assertEquals(3, before.get("roomTypes").get(0).get("roomsInService").asInt());

        HttpResponse<String> update = send("PUT", "/v1/hotels/" + hotelId + "/rooms/" + roomId, staff,
                "{\"number\":\"801\",\"floor\":8,\"roomTypeID\":\"" + roomTypeId + "\",\"inService\":false}");
        assertEquals(200, update.statusCode(), update.body());

        JsonNode after = JSON.readTree(send("GET", "/v1/hotels/" + hotelId, null, null).body());
        assertEquals(2, after.get("roomTypes").get(0).get("roomsInService").asInt());
        assertEquals(3, after.get("roomTypes").get(0).get("roomCount").asInt());
    }

    @Test
    @Order(4)
    void guestsAndOtherHotelsStaffCannotChangeTheHotel() throws Exception {
        String body = "{\"name\":\"Suite\",\"maxOccupancy\":2,\"bedConfiguration\":\"1 king\"}";
        HttpResponse<String> anonymous = send("POST", "/v1/hotels/" + hotelId + "/room-types", null, body);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertProblem(anonymous, 401);

        HttpResponse<String> guest = send("POST", "/v1/hotels/" + hotelId + "/room-types",
                token("guest-7", List.of("guest"), List.of()), body);
        assertEquals(403, guest.statusCode(), guest.body());
        assertProblem(guest, 403);

        HttpResponse<String> otherStaff = send("POST", "/v1/hotels/" + hotelId + "/room-types",
                token("staff-elsewhere", List.of("staff"), List.of(hotelId + 1000)), body);
        assertEquals(403, otherStaff.statusCode(), otherStaff.body());
    }

    @Test
    @Order(5)
    void badInputIsAnsweredWithAProblemNamingTheField() throws Exception {
        HttpResponse<String> invalid = send("PUT", "/v1/hotels/" + hotelId, admin, """
                {"name":"Harbor View Busan","address":{"line1":"30 Haeundae-ro","city":"Busan","country":"KOREA"},
                 "timeZone":"Asia/Seoul","starRating":4}""");
        assertEquals(400, invalid.statusCode(), invalid.body());
        JsonNode problem = assertProblem(invalid, 400);
        assertEquals("address.country", problem.get("errors").get(0).get("field").asText());

        HttpResponse<String> malformedId = send("GET", "/v1/hotels/abc", null, null);
        assertEquals(400, malformedId.statusCode(), malformedId.body());
        assertProblem(malformedId, 400);
    }

    @Test
    @Order(6)
    void anInternalToolReadsTheSameHotelOverGrpcAndAStrangerCannot() throws Exception {
        ManagedChannel channel = GrpcChannels.tls("127.0.0.1", mesh.service("hotel-svc").port(), TestIdentities.CA)
                .build();
        ManagedChannel plaintext = ManagedChannelBuilder.forAddress("127.0.0.1", mesh.service("hotel-svc").port())
                .usePlaintext().build();
        GetHotelRequest request = GetHotelRequest.newBuilder().setHotelId(hotelId).build();
        try {
            GetHotelResponse response = HotelServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(GrpcCredentials.bearer(TestIdentities.tool("catalog-reader")))
                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                    .getHotel(request);
            assertEquals("Harbor View Busan", response.getHotel().getDetails().getName());
            assertEquals(1, response.getRoomTypesCount());
            assertEquals(roomTypeId, response.getRoomTypes(0).getId());
            assertEquals(2, response.getRoomTypes(0).getRoomsInService());

            StatusRuntimeException stranger = assertThrows(StatusRuntimeException.class, () -> HotelServiceGrpc
                    .newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS).getHotel(request));
            assertEquals(Status.Code.UNAUTHENTICATED, stranger.getStatus().getCode());
            String guest = token("guest-direct", List.of("guest"), List.of());
            StatusRuntimeException guestDirect = assertThrows(StatusRuntimeException.class, () -> HotelServiceGrpc
                    .newBlockingStub(channel).withInterceptors(GrpcCredentials.bearer(guest))
                    .withDeadlineAfter(5, TimeUnit.SECONDS).getHotel(request));
            assertEquals(Status.Code.PERMISSION_DENIED, guestDirect.getStatus().getCode());

            // the port speaks TLS only: a plaintext call, even with a valid token, is not answered
            StatusRuntimeException inClear = assertThrows(StatusRuntimeException.class, () -> HotelServiceGrpc
                    .newBlockingStub(plaintext).withInterceptors(GrpcCredentials.bearer(TestIdentities.tool("sniffed")))
                    .withDeadlineAfter(5, TimeUnit.SECONDS).getHotel(request));
            assertTrue(Set.of(Status.Code.UNAVAILABLE, Status.Code.INTERNAL, Status.Code.UNKNOWN)
                    .contains(inClear.getStatus().getCode()), inClear.toString());
        } finally {
            plaintext.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(7)
    void aRoomTypeWithRoomsCannotBeDeletedButTheHotelCanWithEverythingInIt() throws Exception {
        String staff = token("staff-busan", List.of("staff"), List.of(hotelId));
        HttpResponse<String> refused = send("DELETE", "/v1/hotels/" + hotelId + "/room-types/" + roomTypeId, staff, null);
        assertEquals(409, refused.statusCode(), refused.body());
        assertProblem(refused, 409);

        // its staff take it off sale; deleting it is an administrator's
        HttpResponse<String> offSale = send("PUT", "/v1/hotels/" + hotelId + "/sale", staff, "{\"offSale\":true}");
        assertEquals(200, offSale.statusCode(), offSale.body());
        assertTrue(JSON.readTree(send("GET", "/v1/hotels/" + hotelId, null, null).body()).get("offSale").asBoolean());
        assertProblem(send("DELETE", "/v1/hotels/" + hotelId, staff, null), 403);
        assertEquals(204, send("DELETE", "/v1/hotels/" + hotelId, admin, null).statusCode());
        assertEquals(404, send("GET", "/v1/hotels/" + hotelId, null, null).statusCode());
        assertEquals(404, send("GET", "/v1/hotels/" + hotelId + "/rooms/" + roomId, null, null).statusCode());
    }

    @Test
    @Order(8)
    void aDeadCatalogIsAnsweredWith503Quickly() throws Exception {
        mesh.stop("hotel-svc");
        long started = System.nanoTime();
        HttpResponse<String> response = send("GET", "/v1/hotels", null, null);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, response.statusCode(), response.body());
        JsonNode problem = assertProblem(response, 503);
        assertFalse(problem.get("detail").asText().isBlank());
        // the edge must not hang on a dead downstream: deadline x (1 + retries) is the bound
        assertTrue(elapsedMillis < 10_000, "took " + elapsedMillis + " ms");
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "content type of " + response.body());
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.hasNonNull("title"));
        assertTrue(problem.hasNonNull("detail"));
        return problem;
    }

    private static String token(String subject, List<String> groups, List<Long> hotels) {
        return mesh.token(subject, groups, hotels);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return mesh.send(method, path, token, body);
    }
}
