package org.hotelmesh.systemtest;

import org.hotelmesh.devtools.DevTokens;
import org.hotelmesh.devtools.ServiceProcess;
import org.hotelmesh.devtools.Stores;
import org.hotelmesh.devtools.test.StoresTestResource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged services started as separate processes on free ports, wired to each other and to their own freshly
 * created databases, the way a deployment wires them; plus an HTTP client for the edge and token minting.
 */
final class Mesh implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    final ServiceProcess hotel;
    final ServiceProcess reservation;
    final ServiceProcess edge;
    private ServiceProcess rate;
    private final Path root;
    private final Path logs;
    private final Map<String, String> rateConfig;
    private final Path privateKey;

    private Mesh(ServiceProcess hotel, ServiceProcess reservation, ServiceProcess rate, ServiceProcess edge,
            Path root, Path logs, Map<String, String> rateConfig, Path privateKey) {
        this.hotel = hotel;
        this.reservation = reservation;
        this.rate = rate;
        this.edge = edge;
        this.root = root;
        this.logs = logs;
        this.rateConfig = rateConfig;
        this.privateKey = privateKey;
    }

    ServiceProcess rate() {
        return rate;
    }

    /** Stops rate-svc (pricing), as an outage would. */
    void stopRate() throws InterruptedException {
        rate.close();
    }

    /** Starts rate-svc again on its port, with its database as it was. */
    void restartRate() throws Exception {
        rate = ServiceProcess.start(root, "rate-svc", rate.port(), rateConfig, logs);
        rate.awaitReady(Duration.ofSeconds(90));
    }

    /** Starts reservation-svc, rate-svc, hotel-svc and edge-rest; NAME keeps their databases apart from other tests'. */
    static Mesh start(String name, int redisDatabase) throws Exception {
        Path root = Path.of(System.getProperty("hotelmesh.root", "..")).toAbsolutePath().normalize();
        Path logs = Path.of("target", "system-test-logs", name);
        StoresTestResource hotelStores = new StoresTestResource();
        hotelStores.init(Map.of("database", "hotel_" + name, "redisDatabase", String.valueOf(redisDatabase),
                "jwtKeys", "true"));
        Map<String, String> stores = hotelStores.start();

        int hotelPort = Stores.freePort();
        int reservationPort = Stores.freePort();
        int ratePort = Stores.freePort();
        int edgePort = Stores.freePort();
        String redisHosts = stores.get("quarkus.redis.hosts");

        Map<String, String> hotelConfig = new HashMap<>(stores);
        hotelConfig.keySet().removeIf(key -> key.startsWith("mp.jwt") || key.startsWith("hotelmesh.test"));
        hotelConfig.put("quarkus.grpc.clients.reservation.host", "127.0.0.1");
        hotelConfig.put("quarkus.grpc.clients.reservation.port", String.valueOf(reservationPort));
        hotelConfig.put("hotelmesh.capacity-sync.interval", "1s");

        StoresTestResource reservationStores = new StoresTestResource();
        reservationStores.init(Map.of("database", "reservation_" + name, "redisDatabase", String.valueOf(redisDatabase)));
        Map<String, String> reservationConfig = new HashMap<>(reservationStores.start());
        reservationConfig.put("quarkus.grpc.clients.hotel.host", "127.0.0.1");
        reservationConfig.put("quarkus.grpc.clients.hotel.port", String.valueOf(hotelPort));
        reservationConfig.put("quarkus.grpc.clients.rate.host", "127.0.0.1");
        reservationConfig.put("quarkus.grpc.clients.rate.port", String.valueOf(ratePort));
        ServiceProcess reservation = ServiceProcess.start(root, "reservation-svc", reservationPort, reservationConfig,
                logs);

        StoresTestResource rateStores = new StoresTestResource();
        rateStores.init(Map.of("database", "rate_" + name, "redisDatabase", String.valueOf(redisDatabase)));
        Map<String, String> rateConfig = new HashMap<>(rateStores.start());
        rateConfig.put("quarkus.grpc.clients.hotel.host", "127.0.0.1");
        rateConfig.put("quarkus.grpc.clients.hotel.port", String.valueOf(hotelPort));
        rateConfig.put("quarkus.grpc.clients.inventory.host", "127.0.0.1");
        rateConfig.put("quarkus.grpc.clients.inventory.port", String.valueOf(reservationPort));
        ServiceProcess rate = ServiceProcess.start(root, "rate-svc", ratePort, rateConfig, logs);
        ServiceProcess hotel = ServiceProcess.start(root, "hotel-svc", hotelPort, hotelConfig, logs);

        Map<String, String> edgeConfig = new HashMap<>();
        edgeConfig.put("quarkus.redis.hosts", redisHosts);
        edgeConfig.put("mp.jwt.verify.publickey.location", stores.get("mp.jwt.verify.publickey.location"));
        edgeConfig.put("mp.jwt.verify.issuer", DevTokens.DEFAULT_ISSUER);
        edgeConfig.put("quarkus.grpc.clients.hotel.host", "127.0.0.1");
        edgeConfig.put("quarkus.grpc.clients.hotel.port", String.valueOf(hotelPort));
        edgeConfig.put("quarkus.grpc.clients.reservation.host", "127.0.0.1");
        edgeConfig.put("quarkus.grpc.clients.reservation.port", String.valueOf(reservationPort));
        edgeConfig.put("quarkus.grpc.clients.rate.host", "127.0.0.1");
        edgeConfig.put("quarkus.grpc.clients.rate.port", String.valueOf(ratePort));
        ServiceProcess edge = ServiceProcess.start(root, "edge-rest", edgePort, edgeConfig, logs);

        Mesh mesh = new Mesh(hotel, reservation, rate, edge, root, logs, rateConfig,
                Path.of(stores.get("hotelmesh.test.jwt.private-key")));
        reservation.awaitReady(Duration.ofSeconds(90));
        rate.awaitReady(Duration.ofSeconds(90));
        hotel.awaitReady(Duration.ofSeconds(90));
        edge.awaitReady(Duration.ofSeconds(90));
        return mesh;
    }

    String token(String subject, List<String> groups, List<Long> hotels) {
        return DevTokens.mint(privateKey, DevTokens.DEFAULT_ISSUER, subject, groups, hotels, Duration.ofMinutes(30));
    }

    String admin() {
        return token("admin", List.of("admin"), List.of());
    }

    String staff(long hotelId) {
        return token("staff-" + hotelId, List.of("staff"), List.of(hotelId));
    }

    String guest(String id) {
        return token(id, List.of("guest"), List.of());
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.port() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until the public availability of one night of a room type shows {@code expected} rooms, as it does once
     * asynchronous deliveries (the catalog's outbox, the availability cache) have caught up.
     */
    void awaitRemaining(long hotelId, long roomTypeId, LocalDate night, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send("GET", "/v1/hotels/" + hotelId + "/availability?startDate=" + night
                    + "&endDate=" + night.plusDays(1) + "&roomTypeID=" + roomTypeId, null, null);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && JSON.readTree(response.body()).get("roomTypes").get(0).get("nights")
                    .get(0).get("remaining").asInt() == expected) {
                return;
            }
            Thread.sleep(200);
        }
        fail("remaining rooms on " + night + " never became " + expected + "; last answer: " + last);
    }

    static HttpResponse<String> created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return response;
    }

    static HttpResponse<String> ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    /** The "id" of a created catalog resource. */
    static long id(HttpResponse<String> response) throws Exception {
        return Long.parseLong(JSON.readTree(response.body()).get("id").asText());
    }

    @Override
    public void close() throws Exception {
        edge.close();
        rate.close();
        hotel.close();
        reservation.close();
    }
}
