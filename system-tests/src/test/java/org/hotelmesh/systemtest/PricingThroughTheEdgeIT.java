package org.hotelmesh.systemtest;

import static org.hotelmesh.systemtest.Mesh.created;
import static org.hotelmesh.systemtest.Mesh.id;
import static org.hotelmesh.systemtest.Mesh.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Black box, prices through the edge: staff set base prices and an occupancy rule, the public sees each night's
 * price, a guest quotes and books with the quote, the price of the night rises as it fills while the quoted booking
 * keeps its price, and with rate-svc stopped a booking fails fast with 503, holding nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PricingThroughTheEdgeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate NIGHT = LocalDate.now(ZoneId.of("Europe/Lisbon")).plusDays(12);
    private static final long BASE = 10_000;

    private static Mesh mesh;
    private static long hotelId;
    private static long roomTypeId;
    private static String staff;

    @BeforeAll
    static void startTheMesh() throws Exception {
        mesh = Mesh.start("systest_rate", 7);
    }

    @AfterAll
    static void stopTheMesh() throws Exception {
        if (mesh != null) {
            mesh.close();
        }
    }

    @Test
    @Order(1)
    void staffPriceTheRoomTypeAndThePublicSeesEachNight() throws Exception {
        hotelId = id(created(mesh.send("POST", "/v1/hotels", mesh.admin(), """
                {"name":"Casa do Rio","address":{"line1":"2 Rua Augusta","city":"Lisbon","country":"PT"},
                 "timeZone":"Europe/Lisbon","starRating":4}""")));
        staff = mesh.staff(hotelId);
        roomTypeId = id(created(mesh.send("POST", "/v1/hotels/" + hotelId + "/room-types", staff,
                "{\"name\":\"River Double\",\"maxOccupancy\":2,\"bedConfiguration\":\"1 double\"}")));
        for (int i = 1; i <= 10; i++) {
            created(mesh.send("POST", "/v1/hotels/" + hotelId + "/rooms", staff,
                    "{\"number\":\"3" + String.format("%02d", i) + "\",\"floor\":3,\"roomTypeID\":\"" + roomTypeId + "\"}"));
        }
        mesh.awaitRemaining(hotelId, roomTypeId, NIGHT, 11);

        ok(mesh.send("PUT", basePath(), staff, "{\"startDate\":\"" + NIGHT + "\",\"endDate\":\"" + NIGHT.plusDays(2)
                + "\",\"amount\":" + BASE + ",\"currency\":\"EUR\"}"));
        // A night without a base price is shown as not sellable, never at zero.
        JsonNode nights = JSON.readTree(ok(mesh.send("GET", ratesPath(NIGHT, NIGHT.plusDays(3)), null, null)).body());
        assertEquals(3, nights.size());
        assertEquals(NIGHT.toString(), nights.get(0).get("date").asText());
        assertEquals(BASE, nights.get(0).get("amount").asLong());
        assertEquals("EUR", nights.get(0).get("currency").asText());
        assertEquals(0.0, nights.get(0).get("occupancy").asDouble());
        assertTrue(nights.get(2).get("amount").isNull(), nights.toString());

        // Any night of a stay without a base price: the stay is not sellable (409 naming the night).
        HttpResponse<String> unpriced = mesh.send("POST", "/v1/reservations", mesh.guest("guest-eva"),
                stay(UUID.randomUUID().toString(), NIGHT, NIGHT.plusDays(3), 1, null));
        assertEquals(409, unpriced.statusCode(), unpriced.body());
        assertTrue(JSON.readTree(unpriced.body()).get("detail").asText().contains(NIGHT.plusDays(2).toString()),
                unpriced.body());

        // From half full, +50%.
        ok(mesh.send("PUT", "/v1/hotels/" + hotelId + "/pricing-rules", staff,
                "{\"thresholds\":[{\"minOccupancy\":0.5,\"multiplier\":1.5,\"surcharge\":0}]}"));
    }

    @Test
    @Order(2)
    void aQuotedBookingKeepsItsPriceWhileTheNightFillsUp() throws Exception {
        String guest = mesh.guest("guest-eva");
        HttpResponse<String> quoteResponse = mesh.send("POST", "/v1/quotes", guest, "{\"hotelID\":\"" + hotelId
                + "\",\"roomTypeID\":\"" + roomTypeId + "\",\"startDate\":\"" + NIGHT + "\",\"endDate\":\""
                + NIGHT.plusDays(1) + "\",\"rooms\":1}");
        JsonNode quote = JSON.readTree(created(quoteResponse).body());
        assertEquals(BASE, quote.get("totalAmount").asLong());
        assertEquals("EUR", quote.get("currency").asText());
        assertEquals(1, quote.get("nights").size());
        String reservationId = quote.get("reservationID").asText();

        // Five other guests take half the hotel (no quotes: priced at booking time, still below half full).
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> booked = created(mesh.send("POST", "/v1/reservations", mesh.guest("filler-" + i),
                    stay(UUID.randomUUID().toString(), NIGHT, NIGHT.plusDays(1), 1, null)));
            assertTrue(JSON.readTree(booked.body()).get("total").get("amount").asLong() >= BASE);
        }

        // The night is now half full: its public price rises once rate-svc's occupancy cache has caught up.
        awaitPrice(NIGHT, BASE * 3 / 2);

        HttpResponse<String> booked = created(mesh.send("POST", "/v1/reservations", guest,
                stay(reservationId, NIGHT, NIGHT.plusDays(1), 1, quote.get("quoteID").asText())));
        JsonNode reservation = JSON.readTree(booked.body());
        assertEquals(BASE, reservation.get("total").get("amount").asLong());
        JsonNode stored = JSON.readTree(ok(mesh.send("GET", "/v1/reservations/" + reservationId, guest, null)).body());
        assertEquals(BASE, stored.get("total").get("amount").asLong());
        assertEquals(BASE, stored.get("nights").get(0).get("amount").asLong());
        assertEquals(quote.get("quoteID").asText(), stored.get("quoteID").asText());

        // Without a quote the same night now costs the occupancy price.
        JsonNode late = JSON.readTree(created(mesh.send("POST", "/v1/reservations", mesh.guest("guest-late"),
                stay(UUID.randomUUID().toString(), NIGHT, NIGHT.plusDays(1), 1, null))).body());
        assertEquals(BASE * 3 / 2, late.get("total").get("amount").asLong());

        // Another guest cannot book with Eva's quote.
        HttpResponse<String> stolen = mesh.send("POST", "/v1/reservations", mesh.guest("guest-mallory"),
                stay(reservationId, NIGHT, NIGHT.plusDays(1), 1, quote.get("quoteID").asText()));
        assertTrue(stolen.statusCode() == 400 || stolen.statusCode() == 409, stolen.body());
        mesh.awaitRemaining(hotelId, roomTypeId, NIGHT, 11 - 7);
    }

    @Test
    @Order(3)
    void withRateSvcStoppedABookingFailsFastWith503AndHoldsNothing() throws Exception {
        mesh.stop("rate-svc");
        try {
            String reservationId = UUID.randomUUID().toString();
            long started = System.nanoTime();
            HttpResponse<String> refused = mesh.send("POST", "/v1/reservations", mesh.guest("guest-ivo"),
                    stay(reservationId, NIGHT, NIGHT.plusDays(1), 1, null));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(JSON.readTree(refused.body()).get("detail").asText().contains("pricing"), refused.body());
            // reservation-svc's deadline for pricing is 2 s; the edge adds its own small overhead.
            assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "answered within the deadline, took " + took);
            assertEquals(404, mesh.send("GET", "/v1/reservations/" + reservationId, mesh.guest("guest-ivo"), null)
                    .statusCode());
            mesh.awaitRemaining(hotelId, roomTypeId, NIGHT, 11 - 7);
        } finally {
            mesh.restart("rate-svc");
        }
        // Back up: the guest's client retries the same booking (same reservation id, so at most one is made) until
        // reservation-svc's channel to rate-svc has reconnected.
        String retried = stay(UUID.randomUUID().toString(), NIGHT, NIGHT.plusDays(1), 1, null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> answer = mesh.send("POST", "/v1/reservations", mesh.guest("guest-ivo"), retried);
        while (answer.statusCode() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            answer = mesh.send("POST", "/v1/reservations", mesh.guest("guest-ivo"), retried);
        }
        created(answer);
        mesh.awaitRemaining(hotelId, roomTypeId, NIGHT, 11 - 8);
    }

    private static String basePath() {
        return "/v1/hotels/" + hotelId + "/room-types/" + roomTypeId + "/base-rates";
    }

    private static String ratesPath(LocalDate start, LocalDate end) {
        return "/v1/hotels/" + hotelId + "/room-types/" + roomTypeId + "/rates?startDate=" + start + "&endDate=" + end;
    }

    private static void awaitPrice(LocalDate night, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = mesh.send("GET", ratesPath(night, night.plusDays(1)), null, null);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && JSON.readTree(response.body()).get(0).get("amount").asLong() == expected) {
                return;
            }
            Thread.sleep(250);
        }
        fail("the price of " + night + " never became " + expected + "; last answer: " + last);
    }

    private static String stay(String reservationId, LocalDate start, LocalDate end, int rooms, String quoteId) {
        return "{\"reservationID\":\"" + reservationId + "\",\"hotelID\":\"" + hotelId + "\",\"roomTypeID\":\""
                + roomTypeId + "\",\"startDate\":\"" + start + "\",\"endDate\":\"" + end + "\",\"rooms\":" + rooms
                + (quoteId == null ? "" : ",\"quoteID\":\"" + quoteId + "\"") + ",\"paymentToken\":\"tok_visa\"}";
    }
}
