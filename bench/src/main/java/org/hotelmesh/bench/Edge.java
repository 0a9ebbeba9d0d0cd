package org.hotelmesh.bench;

import org.hotelmesh.devtools.DevTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The REST edge as the bench's guests reach it: a few JDK HTTP clients (HTTP/1.1, keep-alive) and one guest token per
 * bench client, each for a subject of its own so the per-guest rate limit counts every client apart.
 */
final class Edge {

    /** Longer than the edge's own booking deadline and retry: the outcome is the edge's answer, not our patience. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI reservations;
    private final String search;
    private final List<HttpClient> http = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();

    /** Mints {@code guests} tokens with the private key whose public half the edge verifies with. */
    Edge(int port, Path privateKey, int guests, int httpClients) {
        this.reservations = URI.create("http://127.0.0.1:" + port + "/v1/reservations");
        this.search = "http://127.0.0.1:" + port + "/v1/search";
        for (int i = 0; i < httpClients; i++) {
            http.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build());
        }
        for (int i = 0; i < guests; i++) {
            tokens.add(DevTokens.mint(privateKey, DevTokens.DEFAULT_ISSUER, "bench-guest-" + i, List.of("guest"),
                    List.of(), Duration.ofHours(2)));
        }
    }

    List<HttpClient> http() {
        return http;
    }

    /**
     * POST /v1/reservations (docs/api.md) as guest {@code client}: one room for the night of {@code night}, no quote
     * (priced at booking, as (a) over gRPC), paid with tok_visa, a fresh reservationID.
     */
    HttpRequest booking(int client, long hotel, long roomType, LocalDate night) {
        String body = """
                {"reservationID":"%s","hotelID":%d,"roomTypeID":%d,"startDate":"%s","endDate":"%s","rooms":1,\
                "paymentToken":"tok_visa"}""".formatted(UUID.randomUUID(), hotel, roomType, night, night.plusDays(1));
        return HttpRequest.newBuilder(reservations)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + tokens.get(client))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /**
     * GET /v1/search (docs/api.md), public and so without a token, as a guest not signed in searches: the first page,
     * cheapest first.
     */
    HttpRequest search(String city, LocalDate start, LocalDate end, int rooms, int guests) {
        String query = "city=" + URLEncoder.encode(city, StandardCharsets.UTF_8) + "&startDate=" + start + "&endDate="
                + end + "&rooms=" + rooms + "&guests=" + guests + "&sort=price";
        return HttpRequest.newBuilder(URI.create(search + "?" + query))
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
    }
}
