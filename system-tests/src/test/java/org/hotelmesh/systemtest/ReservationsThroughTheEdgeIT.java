package org.hotelmesh.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.ManagedChannel;
import org.hotelmesh.devtools.GrpcChannels;
import org.hotelmesh.devtools.GrpcCredentials;
import org.hotelmesh.devtools.test.TestIdentities;
import org.hotelmesh.proto.common.v1.Date;
import org.hotelmesh.proto.common.v1.DateRange;
import org.hotelmesh.proto.reservation.v1.GetInventoryRequest;
import org.hotelmesh.proto.reservation.v1.InventoryRow;
import org.hotelmesh.proto.reservation.v1.InventoryServiceGrpc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.hotelmesh.systemtest.Mesh.created;
import static org.hotelmesh.systemtest.Mesh.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Black box, the whole booking path: a hotel built through the edge gets its inventory in reservation-svc through
 * hotel-svc's capacity outbox; guests book, race, replay and cancel through the edge; staff tune the hotel.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReservationsThroughTheEdgeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate NIGHT = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(10);
    private static final long BASE_PRICE = 180_000;

    private static Mesh mesh;
    private static long hotelId;
    private static long roomTypeId;
    private static long firstRoomId;
    private static String booking;

    @BeforeAll
    static void startTheMesh() throws Exception {
        mesh = Mesh.start("systest_resv", 6);
    }

    @AfterAll
    static void stopTheMesh() throws Exception {
        if (mesh != null) {
            mesh.close();
        }
    }

    @Test
    @Order(1)
    void roomsCreatedInTheCatalogBecomeSellableInventory() throws Exception {
        hotelId = id(created(mesh.send("POST", "/v1/hotels", mesh.admin(), """
                {"name":"Grand Jeju","address":{"line1":"1 Jungmun","city":"Jeju","country":"KR"},
                 "timeZone":"Asia/Seoul","starRating":5}""")));
        String staff = mesh.staff(hotelId);
        roomTypeId = id(created(mesh.send("POST", "/v1/hotels/" + hotelId + "/room-types", staff,
                "{\"name\":\"Ocean Twin\",\"maxOccupancy\":2,\"bedConfiguration\":\"2 single\"}")));
        for (int i = 1; i <= 10; i++) {
            long room = id(created(mesh.send("POST", "/v1/hotels/" + hotelId + "/rooms", staff,
                    "{\"number\":\"5" + String.format("%02d", i) + "\",\"floor\":5,\"roomTypeID\":\"" + roomTypeId + "\"}")));
            if (i == 1) {
                firstRoomId = room;
            }
        }
        // 10 rooms x 1.10 = 11 sellable, once the outbox has delivered the count
        mesh.awaitRemaining(hotelId, roomTypeId, NIGHT, 11);
        HttpResponse<String> rates = mesh.send("PUT", "/v1/hotels/" + hotelId + "/room-types/" + roomTypeId
                + "/base-rates", staff, "{\"startDate\":\"" + NIGHT.minusDays(10) + "\",\"endDate\":\""
                + NIGHT.plusDays(30) + "\",\"amount\":" + BASE_PRICE + ",\"currency\":\"KRW\"}");
        assertEquals(200, rates.statusCode(), rates.body());
    }

    @Test
    @Order(2)
    void aGuestBooksAndAReplayGetsTheSameAnswer() throws Exception {
        booking = UUID.randomUUID().toString();
        String body = stay(booking, NIGHT, NIGHT.plusDays(2), 2);
        HttpResponse<String> first = mesh.send("POST", "/v1/reservations", mesh.guest("guest-ana"), body);
        assertEquals(201, first.statusCode(), first.body());
        JsonNode reservation = JSON.readTree(first.body());
        assertEquals("paid", reservation.get("status").asText());
        assertEquals("captured", reservation.get("payment").get("status").asText());
        assertEquals("guest-ana", reservation.get("guestID").asText());
        assertEquals(2, reservation.get("rooms").asInt());
        // The hotel is empty: no occupancy rule applies, so 2 nights x 2 rooms at the base price.
        assertEquals(4 * BASE_PRICE, reservation.get("total").get("amount").asLong());
        assertEquals("KRW", reservation.get("total").get("currency").asText());
        assertEquals(2, reservation.get("nights").size());

        HttpResponse<String> replay = mesh.send("POST", "/v1/reservations", mesh.guest("guest-ana"), body);
        assertEquals(201, replay.statusCode(), replay.body());
        assertEquals(JSON.readTree(first.body()), JSON.readTree(replay.body()));

        HttpResponse<String> changed = mesh.send("POST", "/v1/reservations", mesh.guest("guest-ana"),
                stay(booking, NIGHT, NIGHT.plusDays(3), 2));
        assertEquals(409, changed.statusCode(), changed.body());

        mesh.awaitRemaining(hotelId, roomTypeId, NIGHT, 9);
        assertEquals(200, mesh.send("GET", "/v1/reservations/" + booking, mesh.guest("guest-ana"), null).statusCode());
        assertEquals(404, mesh.send("GET", "/v1/reservations/" + booking, mesh.guest("guest-bob"), null).statusCode());
        assertEquals(200, mesh.send("GET", "/v1/reservations/" + booking, mesh.staff(hotelId), null).statusCode());
        JsonNode mine = JSON.readTree(mesh.send("GET", "/v1/reservations?when=upcoming", mesh.guest("guest-ana"), null).body());
        assertEquals(1, mine.get("items").size());
        assertEquals(booking, mine.get("items").get(0).get("reservationID").asText());
    }

    @Test
    @Order(3)
    void aRoomOutOfOrderShrinksTheNightsOnSale() throws Exception {
        HttpResponse<String> update = mesh.send("PUT", "/v1/hotels/" + hotelId + "/rooms/" + firstRoomId,
                mesh.staff(hotelId),
                "{\"number\":\"501\",\"floor\":5,\"roomTypeID\":\"" + roomTypeId + "\",\"inService\":false}");
        assertEquals(200, update.statusCode(), update.body());
        // 9 rooms x 1.10 = 9 sellable, 2 of them held
        mesh.awaitRemaining(hotelId, roomTypeId, NIGHT, 7);
    }

    @Test
    @Order(4)
    void twentyGuestsRacingForSevenRoomsGetExactlySeven() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String guest = mesh.guest("racer-" + i);
                String body = stay(UUID.randomUUID().toString(), NIGHT, NIGHT.plusDays(1), 1);
                answers.add(pool.submit(() -> mesh.send("POST", "/v1/reservations", guest, body)));
            }
            int booked = 0;
            int soldOut = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                if (response.statusCode() == 201) {
                    booked++;
                } else if (response.statusCode() == 409) {
                    assertTrue(JSON.readTree(response.body()).get("detail").asText().contains(NIGHT.toString()),
                            response.body());
                    soldOut++;
                } else {
                    fail("unexpected answer " + response.statusCode() + ": " + response.body());
                }
            }
            assertEquals(7, booked);
            assertEquals(13, soldOut);
        } finally {
            pool.shutdownNow();
        }
        mesh.awaitRemaining(hotelId, roomTypeId, NIGHT, 0);
        InventoryRow row = inventoryOverGrpc();
        assertEquals(9, row.getTotalInventory());
        assertEquals(9, row.getTotalReserved());
    }

    @Test
    @Order(5)
    void cancellingReleasesTheRoomsOnceAndIsIdempotent() throws Exception {
        HttpResponse<String> cancel = mesh.send("DELETE", "/v1/reservations/" + booking, mesh.guest("guest-ana"), null);
        assertEquals(200, cancel.statusCode(), cancel.body());
        JsonNode refunded = JSON.readTree(cancel.body());
        // paid, and cancelled 10 days ahead (free until 2 days before arrival): refunded in full
        assertEquals("refunded", refunded.get("status").asText());
        assertEquals(4 * BASE_PRICE, refunded.get("payment").get("refund").get("amount").asLong());
        assertEquals("refunded", refunded.get("payment").get("refundStatus").asText());
        HttpResponse<String> again = mesh.send("DELETE", "/v1/reservations/" + booking, mesh.guest("guest-ana"), null);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(refunded, JSON.readTree(again.body()));
        mesh.awaitRemaining(hotelId, roomTypeId, NIGHT, 2);
        assertEquals(7, inventoryOverGrpc().getTotalReserved());
    }

    @Test
    @Order(6)
    void staffRaiseTheOverbookingRatioForFutureNights() throws Exception {
        HttpResponse<String> ratio = mesh.send("PUT", "/v1/hotels/" + hotelId + "/room-types/" + roomTypeId
                + "/overbooking", mesh.staff(hotelId), "{\"ratio\":1.5}");
        assertEquals(200, ratio.statusCode(), ratio.body());
        // floor(9 x 1.5) = 13 sellable, 7 held
        mesh.awaitRemaining(hotelId, roomTypeId, NIGHT, 6);
    }

    @Test
    @Order(7)
    void aHotelWithUpcomingReservationsCannotBeDeleted() throws Exception {
        HttpResponse<String> refused = mesh.send("DELETE", "/v1/hotels/" + hotelId, mesh.admin(), null);
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals(200, mesh.send("GET", "/v1/hotels/" + hotelId, null, null).statusCode());
    }

    private static InventoryRow inventoryOverGrpc() throws InterruptedException {
        ManagedChannel channel = GrpcChannels.tls("127.0.0.1", mesh.service("reservation-svc").port(), TestIdentities.CA)
                .intercept(GrpcCredentials.bearer(TestIdentities.tool("inventory-report"))).build();
        try {
            return InventoryServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                    .getInventory(GetInventoryRequest.newBuilder().setHotelId(hotelId).setRoomTypeId(roomTypeId)
                            .setDates(DateRange.newBuilder().setStartDate(date(NIGHT)).setEndDate(date(NIGHT.plusDays(1))))
                            .build())
                    .getRows(0);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static String stay(String reservationId, LocalDate start, LocalDate end, int rooms) {
        return "{\"reservationID\":\"" + reservationId + "\",\"hotelID\":\"" + hotelId + "\",\"roomTypeID\":\""
                + roomTypeId + "\",\"startDate\":\"" + start + "\",\"endDate\":\"" + end + "\",\"rooms\":" + rooms
                + ",\"paymentToken\":\"tok_visa\"}";
    }

    private static Date date(LocalDate d) {
        return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
    }
}
