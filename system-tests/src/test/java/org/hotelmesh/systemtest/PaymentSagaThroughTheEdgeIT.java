package org.hotelmesh.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.hotelmesh.systemtest.Mesh.created;
import static org.hotelmesh.systemtest.Mesh.id;
import static org.hotelmesh.systemtest.Mesh.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Black box, the booking saga with the services as processes: guests pay when they book, cards are refused, cancelled
 * stays are refunded under the hotel's policy; payment-svc goes down and comes back, reservation-svc is killed between
 * the charge and recording it. After every scenario the databases of reservation-svc and payment-svc are checked
 * against each other: no payment without a reservation, no paid reservation without a captured payment, no money
 * kept for a reservation that is not paid, and inventory equal to the active reservations.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PaymentSagaThroughTheEdgeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Europe/Lisbon");
    private static final LocalDate FAR = LocalDate.now(ZONE).plusDays(20);
    private static final LocalDate SOON = LocalDate.now(ZONE).plusDays(1);
    private static final long BASE_PRICE = 15_000;

    private static TraceCollector traces;
    private static Mesh mesh;
    private static long hotelId;
    private static long roomTypeId;

    @BeforeAll
    static void startTheMeshWithAHotel() throws Exception {
        traces = new TraceCollector();
        mesh = Mesh.start("systest_pay", 8, traces.exportSettings());
        hotelId = id(created(mesh.send("POST", "/v1/hotels", mesh.admin(), """
                {"name":"Casa do Rio","address":{"line1":"Rua do Ouro 1","city":"Lisboa","country":"PT"},
                 "timeZone":"Europe/Lisbon","starRating":4}""")));
        String staff = mesh.staff(hotelId);
        roomTypeId = id(created(mesh.send("POST", "/v1/hotels/" + hotelId + "/room-types", staff,
                "{\"name\":\"River Double\",\"maxOccupancy\":2,\"bedConfiguration\":\"1 double\"}")));
        for (int i = 1; i <= 10; i++) {
            created(mesh.send("POST", "/v1/hotels/" + hotelId + "/rooms", staff,
                    "{\"number\":\"1" + String.format("%02d", i) + "\",\"floor\":1,\"roomTypeID\":\"" + roomTypeId
                            + "\"}"));
        }
        mesh.awaitRemaining(hotelId, roomTypeId, FAR, 11);
        ok(mesh.send("PUT", "/v1/hotels/" + hotelId + "/room-types/" + roomTypeId + "/base-rates", staff,
                "{\"startDate\":\"" + SOON + "\",\"endDate\":\"" + FAR.plusDays(10) + "\",\"amount\":" + BASE_PRICE
                        + ",\"currency\":\"EUR\"}"));
    }

    @AfterAll
    static void stopTheMesh() throws Exception {
        if (mesh != null) {
            mesh.close();
        }
        if (traces != null) {
            traces.close();
        }
    }

    @AfterEach
    void theServicesAgree() throws Exception {
        assertInvariants();
    }

    @Test
    @Order(1)
    void aGuestPaysCancelsAheadAndGetsEverythingBack() throws Exception {
        String id = UUID.randomUUID().toString();
        String guest = mesh.guest("guest-lia");
        JsonNode paid = json(created(mesh.send("POST", "/v1/reservations", guest,
                stay(id, FAR, 2, 2, "tok_visa"))));
        assertEquals("paid", paid.get("status").asText());
        assertEquals("captured", paid.get("payment").get("status").asText());
        assertEquals(2 * 2 * BASE_PRICE, paid.get("total").get("amount").asLong());
        assertEquals(2, paid.get("cancellationPolicy").get("freeUntilDays").asInt());
        assertEquals(2 * 2 * BASE_PRICE, capturedAmount(id));

        JsonNode terms = json(ok(mesh.send("GET", "/v1/reservations/" + id + "/cancellation", guest, null)));
        assertEquals(2 * 2 * BASE_PRICE, terms.get("refund").get("amount").asLong());
        assertEquals(0, terms.get("fee").get("amount").asLong());

        JsonNode refunded = json(ok(mesh.send("DELETE", "/v1/reservations/" + id, guest, null)));
        assertEquals("refunded", refunded.get("status").asText());
        assertEquals("refunded", refunded.get("payment").get("refundStatus").asText());
        assertEquals(2 * 2 * BASE_PRICE, refunded.get("payment").get("refund").get("amount").asLong());
        assertEquals("refunded", paymentStatus(id));
        // the staff list shows it with its payment
        JsonNode listed = json(ok(mesh.send("GET", "/v1/hotels/" + hotelId + "/reservations?when=upcoming",
                mesh.staff(hotelId), null)));
        assertTrue(listed.get("items").findValuesAsText("reservationID").contains(id), listed.toString());
    }

    @Test
    @Order(2)
    void aLateCancellationKeepsTheHotelsFeeAndStaffMayWaiveIt() throws Exception {
        String staff = mesh.staff(hotelId);
        ok(mesh.send("PUT", "/v1/hotels/" + hotelId + "/cancellation-policy", staff,
                "{\"freeUntilDays\":3,\"fee\":\"percentage\",\"feePercent\":50}"));
        String late = UUID.randomUUID().toString();
        String waived = UUID.randomUUID().toString();
        String guest = mesh.guest("guest-rui");
        created(mesh.send("POST", "/v1/reservations", guest, stay(late, SOON, 2, 2, "tok_mastercard")));
        created(mesh.send("POST", "/v1/reservations", guest, stay(waived, SOON, 1, 1, "tok_visa")));

        JsonNode canceled = json(ok(mesh.send("DELETE", "/v1/reservations/" + late, guest, null)));
        assertEquals(2 * 2 * BASE_PRICE / 2, canceled.get("payment").get("fee").get("amount").asLong());
        assertEquals(2 * 2 * BASE_PRICE / 2, canceled.get("payment").get("refund").get("amount").asLong());
        assertEquals("partially_refunded", paymentStatus(late));

        assertEquals(403, mesh.send("DELETE", "/v1/reservations/" + waived + "?waiveFee=true", guest, null)
                .statusCode());
        JsonNode full = json(ok(mesh.send("DELETE", "/v1/reservations/" + waived + "?waiveFee=true", staff, null)));
        assertEquals(BASE_PRICE, full.get("payment").get("refund").get("amount").asLong());
        assertEquals("refunded", paymentStatus(waived));
        ok(mesh.send("PUT", "/v1/hotels/" + hotelId + "/cancellation-policy", staff,
                "{\"freeUntilDays\":2,\"fee\":\"first_night\"}"));
    }

    @Test
    @Order(3)
    void aRefusedCardRejectsTheBookingAndFreesTheRooms() throws Exception {
        String id = UUID.randomUUID().toString();
        JsonNode rejected = json(created(mesh.send("POST", "/v1/reservations", mesh.guest("guest-ines"),
                stay(id, FAR, 3, 1, "tok_chargeDeclinedInsufficientFunds"))));
        assertEquals("rejected", rejected.get("status").asText());
        assertEquals("insufficient_funds", rejected.get("payment").get("declineCode").asText());
        assertEquals("declined", paymentStatus(id));
        mesh.awaitRemaining(hotelId, roomTypeId, FAR, 11);

        HttpResponse<String> badToken = mesh.send("POST", "/v1/reservations", mesh.guest("guest-ines"),
                stay(UUID.randomUUID().toString(), FAR, 1, 1, "tok with spaces"));
        assertEquals(400, badToken.statusCode(), badToken.body());
    }

    @Test
    @Order(4)
    void withPaymentSvcDownABookingWaitsPendingAndIsPaidOnceWhenItIsBack() throws Exception {
        String id = UUID.randomUUID().toString();
        String guest = mesh.guest("guest-tiago");
        mesh.stop("payment-svc");
        HttpResponse<String> accepted;
        try {
            accepted = mesh.send("POST", "/v1/reservations", guest, stay(id, FAR, 1, 1, "tok_visa"));
            assertEquals(202, accepted.statusCode(), accepted.body());
            assertEquals("pending", json(accepted).get("status").asText());
            assertEquals("charging", json(accepted).get("payment").get("status").asText());
            assertTrue(accepted.headers().firstValue("Location").orElseThrow().endsWith("/v1/reservations/" + id));
            mesh.awaitRemaining(hotelId, roomTypeId, FAR, 10); // the room is held meanwhile
        } finally {
            mesh.restart("payment-svc");
        }
        JsonNode paid = awaitStatus(id, guest, "paid");
        assertEquals("captured", paid.get("payment").get("status").asText());
        assertEquals(BASE_PRICE, capturedAmount(id));
        // the guest's client retrying the booking gets the paid reservation, not a second charge
        JsonNode replay = json(created(mesh.send("POST", "/v1/reservations", guest,
                stay(id, FAR, 1, 1, "tok_visa"))));
        assertEquals("paid", replay.get("status").asText());
        assertEquals(1, paymentRows(id));
    }

    @Test
    @Order(5)
    void reservationSvcKilledBetweenTheChargeAndRecordingItEndsPaidWithOneCharge() throws Exception {
        String id = UUID.randomUUID().toString();
        String guest = mesh.guest("guest-marta");
        // tok_slow: the processor takes SLOW_CHARGE; reservation-svc is killed while it waits for the answer
        CompletableFuture<HttpResponse<String>> booking = CompletableFuture.supplyAsync(() -> {
            try {
                return mesh.send("POST", "/v1/reservations", guest, stay(id, FAR, 1, 1, "tok_slow"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitPaymentRow(id);
        mesh.kill("reservation-svc");
        HttpResponse<String> cutOff = booking.get(30, TimeUnit.SECONDS);
        assertNotEquals(201, cutOff.statusCode(), cutOff.body());
        assertEquals("pending", reservationStatus(id)); // stored, charge asked, outcome never recorded

        mesh.restart("reservation-svc");
        JsonNode paid = awaitStatus(id, guest, "paid");
        assertEquals("captured", paid.get("payment").get("status").asText());
        assertEquals(1, paymentRows(id));
        assertEquals(BASE_PRICE, capturedAmount(id));
    }

    @Test
    @Order(6)
    void oneBookingIsOneTraceAcrossTheServicesWithItsDatabaseWork() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parent = "00f067aa0ba902b7";
        created(mesh.send("POST", "/v1/reservations", mesh.guest("guest-tracy"),
                stay(UUID.randomUUID().toString(), FAR, 1, 1, "tok_visa"),
                Map.of("traceparent", "00-" + traceId + "-" + parent + "-01")));

        // spans arrive in batches from five processes: wait until every service's spans and every parent are in
        Set<String> expected = Set.of("edge-rest", "reservation-svc", "rate-svc", "payment-svc");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<TraceCollector.Span> trace = traces.trace(traceId);
        while (!(services(trace).containsAll(expected) && orphans(trace, parent).isEmpty())
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            trace = traces.trace(traceId);
        }
        assertTrue(services(trace).containsAll(expected), "services in the trace: " + describe(trace));
        // every span hangs off the caller's span, none starts a trace of its own
        assertEquals(List.of(), orphans(trace, parent), "spans without their parent in " + describe(trace));
        // the booking's and the charge's SQL are spans of it too (the SQL client's spans carry the statement)
        for (String service : List.of("reservation-svc", "payment-svc")) {
            assertTrue(trace.stream().anyMatch(span -> span.service().equals(service)
                            && (span.attributes().containsKey("db.statement")
                                || span.attributes().containsKey("db.query.text"))),
                    service + " shows no database span: " + describe(trace));
        }
    }

    /** The spans whose parent is neither in the trace nor the caller's own span. */
    private static List<TraceCollector.Span> orphans(List<TraceCollector.Span> trace, String callerSpan) {
        Set<String> ids = trace.stream().map(TraceCollector.Span::spanId).collect(Collectors.toSet());
        return trace.stream()
                .filter(span -> !span.parentSpanId().equals(callerSpan) && !ids.contains(span.parentSpanId()))
                .toList();
    }

    private static Set<String> services(List<TraceCollector.Span> trace) {
        return trace.stream().map(TraceCollector.Span::service).collect(Collectors.toSet());
    }

    private static String describe(List<TraceCollector.Span> trace) {
        return trace.stream().map(span -> span.service() + ":" + span.name() + "(" + span.kind() + ")")
                .collect(Collectors.joining(", "));
    }

    // ---- helpers

    private static String stay(String reservationId, LocalDate start, int nights, int rooms, String paymentToken) {
        return "{\"reservationID\":\"" + reservationId + "\",\"hotelID\":\"" + hotelId + "\",\"roomTypeID\":\""
                + roomTypeId + "\",\"startDate\":\"" + start + "\",\"endDate\":\"" + start.plusDays(nights)
                + "\",\"rooms\":" + rooms + ",\"paymentToken\":\"" + paymentToken + "\"}";
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** Polls the reservation through the edge, as a client given a 202 would. */
    private static JsonNode awaitStatus(String id, String token, String status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = mesh.send("GET", "/v1/reservations/" + id, token, null);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && status.equals(json(response).get("status").asText())) {
                return json(response);
            }
            Thread.sleep(250);
        }
        return fail("reservation " + id + " never became " + status + "; last answer: " + last);
    }

    private static void awaitPaymentRow(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (paymentRows(id) == 0) {
            if (System.nanoTime() > deadline) {
                fail("the charge of " + id + " never reached payment-svc");
            }
            Thread.sleep(50);
        }
    }

    private static int paymentRows(String id) throws SQLException {
        return (int) queryLong("payment-svc", "SELECT count(*) FROM payment WHERE reservation_id = '" + id + "'");
    }

    private static long capturedAmount(String id) throws SQLException {
        return queryLong("payment-svc", "SELECT amount_minor FROM payment WHERE reservation_id = '" + id + "'");
    }

    private static String paymentStatus(String id) throws SQLException {
        return queryString("payment-svc", "SELECT status FROM payment WHERE reservation_id = '" + id + "'");
    }

    private static String reservationStatus(String id) throws SQLException {
        return queryString("reservation-svc", "SELECT status FROM reservation WHERE reservation_id = '" + id + "'");
    }

    /**
     * The invariants, across the two databases: every payment belongs to a reservation; a paid reservation
     * has a captured payment; money taken for a reservation that is not paid is owed back (refund requested or
     * done); every night's total_reserved equals the rooms of its active reservations.
     */
    private static void assertInvariants() throws Exception {
        Map<String, String> reservations = new HashMap<>();
        Map<String, String> refunds = new HashMap<>();
        try (Connection c = DriverManager.getConnection(mesh.jdbcUrl("reservation-svc"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT reservation_id, status, refund_state FROM reservation")) {
            while (rs.next()) {
                reservations.put(rs.getString(1), rs.getString(2));
                refunds.put(rs.getString(1), rs.getString(3));
            }
        }
        Map<String, String> payments = new HashMap<>();
        try (Connection c = DriverManager.getConnection(mesh.jdbcUrl("payment-svc"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT reservation_id, status FROM payment")) {
            while (rs.next()) {
                payments.put(rs.getString(1), rs.getString(2));
            }
        }
        payments.forEach((id, status) -> {
            assertTrue(reservations.containsKey(id), "payment without a reservation: " + id);
            boolean moneyTaken = status.equals("captured") || status.contains("refunded");
            if (moneyTaken && !reservations.get(id).equals("paid")) {
                assertNotEquals("none", refunds.get(id), "money kept for " + reservations.get(id) + " " + id);
            }
        });
        reservations.forEach((id, status) -> {
            if (status.equals("paid")) {
                assertEquals("captured", payments.get(id), "paid without a captured payment: " + id);
            }
        });
        long mismatched = queryLong("reservation-svc", "SELECT count(*) FROM room_type_inventory i"
                + " WHERE total_reserved <> (SELECT coalesce(sum(r.rooms), 0) FROM reservation r"
                + " WHERE r.hotel_id = i.hotel_id AND r.room_type_id = i.room_type_id"
                + " AND r.start_date <= i.night AND (r.status IN ('pending', 'paid') AND r.end_date > i.night"
                + " OR r.nights_released_from > i.night))");
        assertEquals(0, mismatched, "inventory nights whose total_reserved differs from the active reservations");
    }

    private static long queryLong(String service, String sql) throws SQLException {
        return Long.parseLong(queryString(service, sql));
    }

    private static String queryString(String service, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(mesh.jdbcUrl(service));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row for " + sql);
            }
            return rs.getString(1);
        }
    }
}
