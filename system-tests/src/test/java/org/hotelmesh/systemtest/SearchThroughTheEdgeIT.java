package org.hotelmesh.systemtest;

import static org.hotelmesh.systemtest.Mesh.created;
import static org.hotelmesh.systemtest.Mesh.id;
import static org.hotelmesh.systemtest.Mesh.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Black box, the stay search through the edge on the real services and stores: a place's hotels with a room type that
 * fits the guests, has rooms on every night and a price for every night; totals equal the nights' public prices;
 * sold-out, unpriced, too small and off-sale offers are left out; pages are stable; the hotel page's offers show every
 * room type; the place suggestions come from the catalog. The search's copies are kept 1 s here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchThroughTheEdgeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CITY = "Searchville";
    private static final LocalDate NIGHT = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(12);

    private static Mesh mesh;
    private static long alpha;
    private static long alphaSingle;
    private static long alphaDouble;
    private static long beta;
    private static long betaSuite;
    private static long betaDouble;
    private static long gamma;
    private static long gammaDouble;

    @BeforeAll
    static void startTheMesh() throws Exception {
        mesh = Mesh.start("systest_search", 11, Map.of("hotelmesh.search.catalog-ttl", "1s",
                "hotelmesh.search.stock-ttl", "1s", "hotelmesh.search.price-ttl", "1s"));
    }

    @AfterAll
    static void stopTheMesh() throws Exception {
        if (mesh != null) {
            mesh.close();
        }
    }

    @Test
    @Order(1)
    void threeHotelsOfTheCityAreFoundCheapestFirstWithTotalsThatAreTheirNightlyPrices() throws Exception {
        alpha = hotel("Alpha Inn", 3);
        alphaSingle = roomType(alpha, "Single", 1, 3);
        alphaDouble = roomType(alpha, "Double", 2, 2);
        beta = hotel("Beta Palace", 5);
        betaSuite = roomType(beta, "Suite", 4, 1);
        betaDouble = roomType(beta, "Double", 2, 2);
        gamma = hotel("Gamma House", 4);
        gammaDouble = roomType(gamma, "Double", 2, 1);
        price(alpha, alphaSingle, NIGHT, NIGHT.plusDays(4), 10_000);
        price(alpha, alphaDouble, NIGHT, NIGHT.plusDays(4), 15_000);
        price(beta, betaSuite, NIGHT, NIGHT.plusDays(4), 50_000);
        // Beta's Double has no price on the second night: it cannot be sold for a stay over it.
        price(beta, betaDouble, NIGHT, NIGHT.plusDays(1), 12_000);
        price(beta, betaDouble, NIGHT.plusDays(2), NIGHT.plusDays(4), 12_000);
        price(gamma, gammaDouble, NIGHT, NIGHT.plusDays(4), 11_000);
        mesh.awaitRemaining(alpha, alphaSingle, NIGHT, 3);
        mesh.awaitRemaining(beta, betaSuite, NIGHT, 1);
        mesh.awaitRemaining(gamma, gammaDouble, NIGHT, 1);

        JsonNode found = awaitSearch(query(CITY, NIGHT, NIGHT.plusDays(2), 1, 2, "price"),
                page -> page.get("totalSize").asInt() == 3);
        assertEquals(List.of(gamma, alpha, beta), hotelIds(found));
        JsonNode gammaHit = found.get("items").get(0);
        assertEquals("Gamma House", gammaHit.get("name").asText());
        assertEquals(CITY, gammaHit.get("address").get("city").asText());
        assertEquals(22_000, gammaHit.get("cheapestTotal").get("amount").asLong());
        assertEquals("KRW", gammaHit.get("cheapestTotal").get("currency").asText());
        // Alpha: the Single does not fit two guests; only the Double is offered.
        JsonNode alphaHit = found.get("items").get(1);
        assertEquals(1, alphaHit.get("offers").size(), alphaHit.toString());
        JsonNode alphaOffer = alphaHit.get("offers").get(0);
        assertEquals(String.valueOf(alphaDouble), alphaOffer.get("roomTypeID").asText());
        assertEquals(2, alphaOffer.get("roomsLeft").asInt());
        assertTrue(alphaOffer.get("fits").asBoolean() && alphaOffer.get("available").asBoolean());
        // Beta: the Suite only; the Double has an unpriced night.
        JsonNode betaHit = found.get("items").get(2);
        assertEquals(List.of(String.valueOf(betaSuite)), offerIds(betaHit));
        assertEquals(100_000, betaHit.get("cheapestTotal").get("amount").asLong());

        // Every total is the sum of the nights it shows, and those are the nights' public prices.
        for (JsonNode hit : found.get("items")) {
            for (JsonNode offer : hit.get("offers")) {
                long sum = 0;
                for (JsonNode night : offer.get("nights")) {
                    sum += night.get("price").get("amount").asLong();
                }
                assertEquals(sum, offer.get("total").get("amount").asLong(), offer.toString());
                JsonNode rates = JSON.readTree(ok(mesh.send("GET", "/v1/hotels/" + hit.get("hotelID").asText()
                        + "/room-types/" + offer.get("roomTypeID").asText() + "/rates?startDate=" + NIGHT
                        + "&endDate=" + NIGHT.plusDays(2), null, null)).body());
                assertEquals(rates.get(0).get("amount").asLong() + rates.get(1).get("amount").asLong(), sum);
            }
        }
    }

    @Test
    @Order(2)
    void roomsAndGuestsChooseWhatFitsAndEveryRoomIsNeededOnEveryNight() throws Exception {
        // Three guests in one room: only Beta's Suite holds them.
        JsonNode three = search(query(CITY, NIGHT, NIGHT.plusDays(2), 1, 3, "price"));
        assertEquals(List.of(beta), hotelIds(three));
        // Three guests in two rooms: Alpha's two Doubles (both needed) at twice the price; Beta has one Suite and an
        // unpriced Double, Gamma one Double.
        JsonNode twoRooms = search(query(CITY, NIGHT, NIGHT.plusDays(2), 2, 3, "price"));
        assertEquals(List.of(alpha), hotelIds(twoRooms));
        assertEquals(60_000, twoRooms.get("items").get(0).get("cheapestTotal").get("amount").asLong());
        // The third night alone: Beta's Double is priced there and cheaper than its Suite.
        JsonNode lastNight = search(query(CITY, NIGHT.plusDays(2), NIGHT.plusDays(3), 1, 2, "price"));
        JsonNode betaHit = hit(lastNight, beta);
        assertEquals(List.of(String.valueOf(betaDouble), String.valueOf(betaSuite)), offerIds(betaHit));
        assertEquals(12_000, betaHit.get("cheapestTotal").get("amount").asLong());
    }

    @Test
    @Order(3)
    void soldOutAndOffSaleHotelsDropOutAndComeBack() throws Exception {
        // Gamma's only room is booked on the first night: Gamma has nothing for stays over it.
        created(mesh.send("POST", "/v1/reservations", mesh.guest("guest-sol"), "{\"reservationID\":\""
                + UUID.randomUUID() + "\",\"hotelID\":\"" + gamma + "\",\"roomTypeID\":\"" + gammaDouble
                + "\",\"startDate\":\"" + NIGHT + "\",\"endDate\":\"" + NIGHT.plusDays(1)
                + "\",\"rooms\":1,\"paymentToken\":\"tok_visa\"}"));
        JsonNode found = awaitSearch(query(CITY, NIGHT, NIGHT.plusDays(2), 1, 2, "price"),
                page -> page.get("totalSize").asInt() == 2);
        assertEquals(List.of(alpha, beta), hotelIds(found));
        // From the second night on it is free again.
        assertTrue(hotelIds(search(query(CITY, NIGHT.plusDays(1), NIGHT.plusDays(3), 1, 2, "price"))).contains(gamma));

        ok(mesh.send("PUT", "/v1/hotels/" + alpha + "/sale", mesh.staff(alpha), "{\"offSale\":true}"));
        assertEquals(List.of(beta), hotelIds(awaitSearch(query(CITY, NIGHT, NIGHT.plusDays(2), 1, 2, "price"),
                page -> page.get("totalSize").asInt() == 1)));
        ok(mesh.send("PUT", "/v1/hotels/" + alpha + "/sale", mesh.staff(alpha), "{\"offSale\":false}"));
        awaitSearch(query(CITY, NIGHT, NIGHT.plusDays(2), 1, 2, "price"), page -> page.get("totalSize").asInt() == 2);
    }

    @Test
    @Order(4)
    void pagesByRatingAreStableAndTogetherAreTheWholeList() throws Exception {
        String stay = query(CITY, NIGHT.plusDays(1), NIGHT.plusDays(3), 1, 2, "rating");
        JsonNode whole = search(stay);
        assertEquals(List.of(beta, gamma, alpha), hotelIds(whole));
        List<Long> paged = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = search(stay + "&pageSize=1" + (token == null ? "" : "&pageToken=" + token));
            assertEquals(3, page.get("totalSize").asInt());
            assertEquals(1, page.get("items").size());
            paged.addAll(hotelIds(page));
            token = page.get("nextPageToken").isNull() ? null : page.get("nextPageToken").asText();
            pages++;
        } while (token != null && pages < 5);
        assertEquals(hotelIds(whole), paged);
        assertEquals(3, pages);
        // The same first page twice is the same page.
        assertEquals(search(stay + "&pageSize=2"), search(stay + "&pageSize=2"));

        HttpResponse<String> garbled = mesh.send("GET", "/v1/search?" + stay + "&pageToken=bm90LWEtdG9rZW4", null,
                null);
        assertEquals(400, garbled.statusCode(), garbled.body());
        assertTrue(garbled.body().contains("pageToken"), garbled.body());
    }

    @Test
    @Order(5)
    void theHotelPageShowsEveryRoomTypeForTheStay() throws Exception {
        JsonNode offers = JSON.readTree(ok(mesh.send("GET", "/v1/hotels/" + beta + "/offers?startDate=" + NIGHT
                + "&endDate=" + NIGHT.plusDays(2) + "&rooms=1&guests=2", null, null)).body());
        assertEquals(String.valueOf(beta), offers.get("hotelID").asText());
        assertEquals(2, offers.get("offers").size());
        JsonNode suite = offers.get("offers").get(0);
        JsonNode dbl = offers.get("offers").get(1);
        assertEquals(String.valueOf(betaSuite), suite.get("roomTypeID").asText());
        assertTrue(suite.get("available").asBoolean());
        assertEquals(1, suite.get("roomsLeft").asInt());
        assertEquals(100_000, suite.get("total").get("amount").asLong());
        assertEquals(String.valueOf(betaDouble), dbl.get("roomTypeID").asText());
        assertFalse(dbl.get("available").asBoolean());
        assertTrue(dbl.get("fits").asBoolean());
        assertTrue(dbl.get("total").isNull(), dbl.toString());
        assertTrue(dbl.get("nights").get(1).get("price").isNull(), dbl.toString());

        JsonNode tooMany = JSON.readTree(ok(mesh.send("GET", "/v1/hotels/" + alpha + "/offers?startDate=" + NIGHT
                + "&endDate=" + NIGHT.plusDays(2) + "&rooms=1&guests=2", null, null)).body());
        assertFalse(tooMany.get("offers").get(0).get("fits").asBoolean());
        assertEquals(404, mesh.send("GET", "/v1/hotels/999999/offers?startDate=" + NIGHT + "&endDate="
                + NIGHT.plusDays(2), null, null).statusCode());
    }

    @Test
    @Order(6)
    void placesAreSuggestedFromTheCatalogAndBadSearchesAreNamed() throws Exception {
        JsonNode places = JSON.readTree(ok(mesh.send("GET", "/v1/places?q=sEaRcH", null, null)).body());
        assertEquals(1, places.size(), places.toString());
        assertEquals(CITY, places.get(0).get("city").asText());
        assertEquals("KR", places.get(0).get("country").asText());
        assertEquals(3, places.get(0).get("hotels").asInt());
        // A LIKE wildcard is a character like any other.
        assertEquals(0, JSON.readTree(ok(mesh.send("GET", "/v1/places?q=%25", null, null)).body()).size());

        assertProblem(mesh.send("GET", "/v1/search?startDate=" + NIGHT + "&endDate=" + NIGHT.plusDays(1), null,
                null), "city");
        assertProblem(mesh.send("GET", "/v1/search?" + query(CITY, NIGHT.minusDays(30), NIGHT.minusDays(29), 1, 1,
                "price"), null, null), "startDate");
        assertProblem(mesh.send("GET", "/v1/search?" + query(CITY, NIGHT, NIGHT.plusDays(1), 3, 2, "price"), null,
                null), "guests");
        assertProblem(mesh.send("GET", "/v1/search?" + query(CITY, NIGHT, NIGHT.plusDays(31), 1, 1, "price"), null,
                null), "endDate");
        assertProblem(mesh.send("GET", "/v1/places?q=", null, null), "q");
    }

    // ---- helpers

    private static long hotel(String name, int stars) throws Exception {
        return id(created(mesh.send("POST", "/v1/hotels", mesh.admin(), "{\"name\":\"" + name
                + "\",\"address\":{\"line1\":\"1 Main Street\",\"city\":\"" + CITY + "\",\"country\":\"KR\"},"
                + "\"timeZone\":\"Asia/Seoul\",\"starRating\":" + stars + "}")));
    }

    private static long roomType(long hotelId, String name, int maxOccupancy, int rooms) throws Exception {
        String staff = mesh.staff(hotelId);
        long roomTypeId = id(created(mesh.send("POST", "/v1/hotels/" + hotelId + "/room-types", staff,
                "{\"name\":\"" + name + "\",\"maxOccupancy\":" + maxOccupancy + ",\"bedConfiguration\":\"1 bed\"}")));
        for (int i = 1; i <= rooms; i++) {
            created(mesh.send("POST", "/v1/hotels/" + hotelId + "/rooms", staff, "{\"number\":\"" + name + "-" + i
                    + "\",\"floor\":1,\"roomTypeID\":\"" + roomTypeId + "\"}"));
        }
        return roomTypeId;
    }

    private static void price(long hotelId, long roomTypeId, LocalDate from, LocalDate to, long amount)
            throws Exception {
        ok(mesh.send("PUT", "/v1/hotels/" + hotelId + "/room-types/" + roomTypeId + "/base-rates",
                mesh.staff(hotelId), "{\"startDate\":\"" + from + "\",\"endDate\":\"" + to + "\",\"amount\":" + amount
                        + ",\"currency\":\"KRW\"}"));
    }

    private static String query(String city, LocalDate start, LocalDate end, int rooms, int guests, String sort) {
        return "city=" + URLEncoder.encode(city, StandardCharsets.UTF_8) + "&startDate=" + start + "&endDate=" + end
                + "&rooms=" + rooms + "&guests=" + guests + "&sort=" + sort;
    }

    private static JsonNode search(String query) throws Exception {
        return JSON.readTree(ok(mesh.send("GET", "/v1/search?" + query, null, null)).body());
    }

    /** Searches until the answer satisfies {@code done}: the search's copies are up to a second old. */
    private static JsonNode awaitSearch(String query, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = search(query);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        fail("the search for " + query + " never got there; last answer: " + last);
        return null;
    }

    private static List<Long> hotelIds(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(hit -> ids.add(hit.get("hotelID").asLong()));
        return ids;
    }

    private static List<String> offerIds(JsonNode hit) {
        List<String> ids = new ArrayList<>();
        hit.get("offers").forEach(offer -> ids.add(offer.get("roomTypeID").asText()));
        return ids;
    }

    private static JsonNode hit(JsonNode page, long hotelId) {
        for (JsonNode hit : page.get("items")) {
            if (hit.get("hotelID").asLong() == hotelId) {
                return hit;
            }
        }
        fail("hotel " + hotelId + " not in " + page);
        return null;
    }

    private static void assertProblem(HttpResponse<String> response, String field) throws Exception {
        assertEquals(400, response.statusCode(), response.body());
        JsonNode problem = JSON.readTree(response.body());
        assertEquals(field, problem.get("errors").get(0).get("field").asText(), response.body());
        assertNull(problem.get("stack"));
    }
}
