package org.hotelmesh.systemtest;

import org.hotelmesh.devtools.DevTokens;
import org.hotelmesh.devtools.test.TestIdentities;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** How long payment-svc's simulated processor takes for tok_slow here: longer than reservation-svc's deadline. */
    static final Duration SLOW_CHARGE = Duration.ofSeconds(6);

    private final Map<String, ServiceProcess> services;
    private final Map<String, Map<String, String>> configs;
    private final Path root;
    private final Path logs;
    private final Path privateKey;

    private Mesh(Map<String, ServiceProcess> services, Map<String, Map<String, String>> configs, Path root, Path logs,
            Path privateKey) {
        this.services = services;
        this.configs = configs;
        this.root = root;
        this.logs = logs;
        this.privateKey = privateKey;
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    ServiceProcess edge() {
        return services.get("edge-rest");
    }

    /** The JDBC URL of a service's own database (reservation, payment, ...), for checks across services. */
    String jdbcUrl(String name) {
        Map<String, String> config = configs.get(name);
        return "jdbc:postgresql://" + config.get("hotelmesh.db.host") + ":" + config.get("hotelmesh.db.port") + "/"
                + config.get("hotelmesh.db.name") + "?user=" + config.get("hotelmesh.db.user");
    }

    /** Stops a service gracefully, as an outage or a rolling update would. */
    void stop(String name) throws InterruptedException {
        services.get(name).close();
    }

    /** Kills a service at once (SIGKILL): whatever it was doing is cut off mid-way. */
    void kill(String name) throws InterruptedException {
        services.get(name).kill();
    }

    /** Starts a stopped or killed service again on its port, with its database as it was. */
    void restart(String name) throws Exception {
        ServiceProcess again = ServiceProcess.start(root, name, services.get(name).port(), configs.get(name), logs);
        services.put(name, again);
        again.awaitReady(Duration.ofSeconds(90));
    }

    /**
     * Starts hotel-svc, reservation-svc, rate-svc, payment-svc and edge-rest; NAME keeps their databases apart from
     * other tests'.
     */
    static Mesh start(String name, int redisDatabase) throws Exception {
        return start(name, redisDatabase, Map.of());
    }

    /** As {@link #start(String, int)}, with {@code everywhere} added to every service's configuration. */
    static Mesh start(String name, int redisDatabase, Map<String, String> everywhere) throws Exception {
        Path root = Path.of(System.getProperty("hotelmesh.root", "..")).toAbsolutePath().normalize();
        Path logs = Path.of("target", "system-test-logs", name);
        StoresTestResource hotelStores = new StoresTestResource();
        hotelStores.init(Map.of("database", "hotel_" + name, "redisDatabase", String.valueOf(redisDatabase),
                "jwtKeys", "true"));
        Map<String, String> stores = hotelStores.start();

        int hotelPort = Stores.freePort();
        int reservationPort = Stores.freePort();
        int ratePort = Stores.freePort();
        int paymentPort = Stores.freePort();
        int edgePort = Stores.freePort();
        String redisHosts = stores.get("quarkus.redis.hosts");
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();

        Map<String, String> hotelConfig = new HashMap<>(stores);
        hotelConfig.keySet().removeIf(key -> key.startsWith("mp.jwt") || key.startsWith("hotelmesh.test"));
        hotelConfig.putAll(ServiceProcess.grpcClient("reservation", reservationPort));
        hotelConfig.put("hotelmesh.capacity-sync.interval", "1s");
        configs.put("hotel-svc", hotelConfig);

        Map<String, String> reservationConfig = ownStores("reservation_" + name, redisDatabase);
        reservationConfig.putAll(ServiceProcess.grpcClient("hotel", hotelPort));
        reservationConfig.putAll(ServiceProcess.grpcClient("rate", ratePort));
        reservationConfig.putAll(ServiceProcess.grpcClient("payment", paymentPort));
        // recovery sooner than in production, so the tests need not wait long for it
        reservationConfig.put("hotelmesh.saga.recover-every", "1s");
        reservationConfig.put("hotelmesh.saga.recover-after", "2s");
        configs.put("reservation-svc", reservationConfig);

        Map<String, String> rateConfig = ownStores("rate_" + name, redisDatabase);
        rateConfig.putAll(ServiceProcess.grpcClient("hotel", hotelPort));
        rateConfig.putAll(ServiceProcess.grpcClient("inventory", reservationPort));
        configs.put("rate-svc", rateConfig);

        Map<String, String> paymentConfig = ownStores("payment_" + name, redisDatabase);
        paymentConfig.put("hotelmesh.gateway.kind", "simulated");
        paymentConfig.put("hotelmesh.gateway.slow-delay", SLOW_CHARGE.toMillis() + "ms");
        configs.put("payment-svc", paymentConfig);

        Map<String, String> edgeConfig = new HashMap<>();
        edgeConfig.put("quarkus.redis.hosts", redisHosts);
        edgeConfig.put("mp.jwt.verify.publickey.location", stores.get("mp.jwt.verify.publickey.location"));
        edgeConfig.put("mp.jwt.verify.issuer", DevTokens.DEFAULT_ISSUER);
        edgeConfig.putAll(ServiceProcess.grpcClient("hotel", hotelPort));
        edgeConfig.putAll(ServiceProcess.grpcClient("reservation", reservationPort));
        edgeConfig.putAll(ServiceProcess.grpcClient("rate", ratePort));
        configs.put("edge-rest", edgeConfig);

        Map<String, Integer> ports = Map.of("hotel-svc", hotelPort, "reservation-svc", reservationPort,
                "rate-svc", ratePort, "payment-svc", paymentPort, "edge-rest", edgePort);
        // every service verifies its callers and calls as its own workload (the test keys, as ./mesh up's dev keys)
        configs.forEach((service, config) -> config.putAll(TestIdentities.serviceConfig(service)));
        configs.values().forEach(config -> config.putAll(everywhere));
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        for (String service : List.of("reservation-svc", "rate-svc", "payment-svc", "hotel-svc", "edge-rest")) {
            services.put(service, ServiceProcess.start(root, service, ports.get(service), configs.get(service), logs));
        }
        Mesh mesh = new Mesh(services, configs, root, logs, Path.of(stores.get("hotelmesh.test.jwt.private-key")));
        try {
            for (ServiceProcess service : services.values()) {
                service.awaitReady(Duration.ofSeconds(90));
            }
            mesh.warmUp();
        } catch (Exception | Error e) {
            // a mesh that did not start stops whatever it started: no process outlives the test class
            mesh.close();
            throw e;
        }
        return mesh;
    }

    /**
     * One read through the edge to the catalog, until it answers: the edge's first TLS connection to hotel-svc is made
     * before the tests' first call, whose deadline would otherwise also cover the handshake of two cold JVMs. What a
     * cold start costs guests is measured by the bench's (b0-edge), not asserted here.
     */
    private void warmUp() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (send("GET", "/v1/hotels?pageSize=1", null, null).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the edge cannot read the catalog 30 s after start; see " + logs);
            }
            Thread.sleep(200);
        }
    }

    /** A freshly created database and a Redis index of its own for one service. */
    private static Map<String, String> ownStores(String database, int redisDatabase) {
        StoresTestResource stores = new StoresTestResource();
        stores.init(Map.of("database", database, "redisDatabase", String.valueOf(redisDatabase)));
        return new HashMap<>(stores.start());
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
        return send(method, path, token, body, Map.of());
    }

    HttpResponse<String> send(String method, String path, String token, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge().port() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        headers.forEach(request::header);
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
        List<ServiceProcess> running = new ArrayList<>(services.values());
        Collections.reverse(running);
        for (ServiceProcess service : running) {
            service.close();
        }
    }
}
