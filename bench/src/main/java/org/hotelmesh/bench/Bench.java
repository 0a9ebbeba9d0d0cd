package org.hotelmesh.bench;

import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.hotelmesh.devtools.DevCertificates;
import org.hotelmesh.devtools.DevTokens;
import org.hotelmesh.devtools.GrpcChannels;
import org.hotelmesh.devtools.GrpcCredentials;
import org.hotelmesh.devtools.ServiceProcess;
import org.hotelmesh.devtools.Stores;
import org.hotelmesh.devtools.Stores.Endpoint;
import org.hotelmesh.proto.common.v1.Date;
import org.hotelmesh.proto.common.v1.DateRange;
import org.hotelmesh.proto.hotel.v1.Address;
import org.hotelmesh.proto.hotel.v1.CreateHotelRequest;
import org.hotelmesh.proto.hotel.v1.CreateRoomTypeRequest;
import org.hotelmesh.proto.hotel.v1.FindHotelsRequest;
import org.hotelmesh.proto.hotel.v1.GetHotelRequest;
import org.hotelmesh.proto.hotel.v1.HotelInput;
import org.hotelmesh.proto.hotel.v1.HotelServiceGrpc;
import org.hotelmesh.proto.hotel.v1.HotelServiceGrpc.HotelServiceBlockingStub;
import org.hotelmesh.proto.hotel.v1.RoomTypeInput;
import org.hotelmesh.proto.common.v1.Money;
import org.hotelmesh.proto.rate.v1.CreateQuoteRequest;
import org.hotelmesh.proto.rate.v1.Quote;
import org.hotelmesh.proto.rate.v1.RateServiceGrpc;
import org.hotelmesh.proto.rate.v1.RateServiceGrpc.RateServiceBlockingStub;
import org.hotelmesh.proto.rate.v1.SearchServiceGrpc;
import org.hotelmesh.proto.rate.v1.SearchServiceGrpc.SearchServiceBlockingStub;
import org.hotelmesh.proto.rate.v1.SearchSort;
import org.hotelmesh.proto.rate.v1.SearchStaysRequest;
import org.hotelmesh.proto.rate.v1.SearchStaysResponse;
import org.hotelmesh.proto.rate.v1.SetBaseRatesRequest;
import org.hotelmesh.proto.reservation.v1.CreateReservationRequest;
import org.hotelmesh.proto.reservation.v1.GetAvailabilityRequest;
import org.hotelmesh.proto.reservation.v1.GetStockRequest;
import org.hotelmesh.proto.reservation.v1.InventoryServiceGrpc;
import org.hotelmesh.proto.reservation.v1.InventoryServiceGrpc.InventoryServiceBlockingStub;
import org.hotelmesh.proto.reservation.v1.ReservationServiceGrpc;
import org.hotelmesh.proto.reservation.v1.ReservationServiceGrpc.ReservationServiceBlockingStub;
import org.hotelmesh.proto.reservation.v1.SetRoomTypeCapacityRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The booking benchmark (bench/run): starts the packaged hotel-svc, reservation-svc, rate-svc, payment-svc (on their
 * own databases) and edge-rest, then in one run drives (a) uncontended bookings spread over many hotels (each priced
 * by rate-svc and paid through payment-svc's simulated processor),
 * (d) quotes and (e) quote-then-book, (b) a hot night raced for by many clients,
 * (b2) hundreds of clients racing for the last rooms, (b3) a thousand at once for them -- over gRPC, like the edge
 * does --, then (a) and (b2) through the REST edge, then (c) availability reads over gRPC, and the equivalent SQL
 * straight into PostgreSQL with pgbench. Last, the stay search: 5,000 hotels written into the services' tables with SQL
 * ({@link SearchData}), (s0) a crowd on rate-svc's empty copies, (s) searches over gRPC, (s-edge) through the edge,
 * and its raw floor, bench/sql/search.sql, on one database holding copies of the tables; --only search runs that part
 * alone. Prints throughput, latency percentiles, error classes, the oversell check and
 * the ratios ours/raw and edge/grpc. With --cpu-hog, (b), (b2) and (b3) run against one busy process per core.
 * Every call is authenticated (the services' own workload tokens, the bench as a tool) and, unless --plaintext, over
 * TLS with certificates of a development CA of the bench's own, as in a deployment.
 */
public final class Bench {

    private static final String DB_HOTEL = "hotel_bench";
    private static final String DB_RESERVATION = "reservation_bench";
    private static final String DB_RATE = "rate_bench";
    private static final String DB_PAYMENT = "payment_bench";
    /** The raw floor of (s): copies of the tables the search reads, of all three services, in one database. */
    private static final String DB_SEARCH_RAW = "search_raw_bench";
    /** (s) searches stays of 1 to 3 nights. */
    private static final int MAX_SEARCH_NIGHTS = 3;
    /** rate-svc's hotelmesh.search.catalog-ttl, which the bench leaves at its default. */
    private static final Duration CATALOG_TTL = Duration.ofSeconds(30);
    /** (s0): how long the crowd searches on rate-svc's empty copies. */
    private static final Duration COLD_SEARCH = Duration.ofSeconds(5);
    private static final long BASE_PRICE = 12_000;
    private static final int REDIS_DB = 5;
    private static final int HOT_DAY = 30;
    private static final int LAST_ROOMS_DAY = 45;
    /** Rooms in service of each last-rooms type, and what they sell at the default overbooking ratio 1.10. */
    private static final int LAST_ROOMS = 50;
    private static final int LAST_ROOMS_SELLABLE = 55;
    /** The room types set up after the spread ones, one hotel each, in this order. */
    private static final int HOT = 0;
    private static final int RAW_HOT = 1;
    private static final int LAST = 2;
    private static final int BURST = 3;
    private static final int EDGE_LAST = 4;
    private static final int COLD = 5;
    private static final int EXTRA_TYPES = 6;

    private final Settings settings;
    private final Path root;
    private final Endpoint pg;
    private final Endpoint redis;
    private final List<Row> rows = new ArrayList<>();
    /** The CA of the services' certificates: the bench's own, under target/bench. */
    private Path tlsCa;

    private Bench(Settings settings) {
        this.settings = settings;
        this.root = Path.of(System.getProperty("hotelmesh.root", ".")).toAbsolutePath().normalize();
        this.pg = new Endpoint(env("HOTELMESH_DB_HOST", "127.0.0.1"), Integer.parseInt(env("HOTELMESH_DB_PORT", "5432")));
        this.redis = new Endpoint(env("HOTELMESH_REDIS_HOST", "127.0.0.1"),
                Integer.parseInt(env("HOTELMESH_REDIS_PORT", "6379")));
    }

    record Settings(int hotels, int days, int clients, int hotClients, int lastRoomsClients, int burstClients,
                    Duration duration, int hotRooms, boolean cpuHog, boolean plaintext, int searchClients,
                    int searchHotels, int searchCities, int searchDays, int searchHorizon, boolean onlySearch) {
        private static final Set<String> OPTIONS = Set.of("hotels", "days", "clients", "hot-clients",
                "last-rooms-clients", "burst-clients", "seconds", "hot-rooms", "search-clients", "search-hotels",
                "search-cities", "search-days", "search-horizon", "only");
        private static final Set<String> FLAGS = Set.of("cpu-hog", "plaintext");

        static Settings from(String[] args) {
            Map<String, String> a = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i].replaceFirst("^--", "");
                if (FLAGS.contains(name)) {
                    a.put(name, "true");
                } else if (!OPTIONS.contains(name)) {
                    throw new IllegalArgumentException("unknown option " + args[i]);
                } else if (i + 1 < args.length) {
                    a.put(name, args[++i]);
                } else {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
            }
            String only = a.getOrDefault("only", "all");
            if (!only.equals("all") && !only.equals("search")) {
                throw new IllegalArgumentException("--only takes all or search");
            }
            return new Settings(
                    Integer.parseInt(a.getOrDefault("hotels", "200")),
                    Integer.parseInt(a.getOrDefault("days", "700")),
                    Integer.parseInt(a.getOrDefault("clients", "64")),
                    Integer.parseInt(a.getOrDefault("hot-clients", "64")),
                    Integer.parseInt(a.getOrDefault("last-rooms-clients", "256")),
                    Integer.parseInt(a.getOrDefault("burst-clients", "1000")),
                    Duration.ofSeconds(Long.parseLong(a.getOrDefault("seconds", "20"))),
                    Integer.parseInt(a.getOrDefault("hot-rooms", "6000")),
                    a.containsKey("cpu-hog"), a.containsKey("plaintext"),
                    Integer.parseInt(a.getOrDefault("search-clients", "64")),
                    Integer.parseInt(a.getOrDefault("search-hotels", "5000")),
                    Integer.parseInt(a.getOrDefault("search-cities", "100")),
                    Integer.parseInt(a.getOrDefault("search-days", "60")),
                    // the nights of inventory and base prices written: by default those (s) searches
                    Integer.parseInt(a.getOrDefault("search-horizon", String.valueOf(
                            Integer.parseInt(a.getOrDefault("search-days", "60")) + MAX_SEARCH_NIGHTS))),
                    only.equals("search"));
        }

        /** (s) and its raw floor: --seconds, but at least a catalog TTL and 5 s (every city's copy renewed inside). */
        Duration searchDuration() {
            Duration least = CATALOG_TTL.plusSeconds(5);
            return duration.compareTo(least) < 0 ? least : duration;
        }

        /** (s-edge) runs half as long as the other timed scenarios, at least 5 s. */
        Duration edgeSearchDuration() {
            return Duration.ofSeconds(Math.max(5, duration.toSeconds() / 2));
        }
    }

    /**
     * The stays and room types the scenarios use; hotel i has room type rtMin + i (checked at set-up). Then, a hotel
     * each: (b)'s hot night, pgbench's, and three last-rooms types of 50 rooms for (b2), (b3) and (b2-edge).
     */
    record Catalog(long hotelMin, long rtMin, long hotHotel, long hotRt, long rawHotHotel, long rawHotRt,
                   long lastHotel, long lastRt, long burstHotel, long burstRt, long edgeLastHotel, long edgeLastRt,
                   long coldHotel, long coldRt) {
    }

    public static void main(String[] args) throws Exception {
        try {
            new Bench(Settings.from(args)).run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        }
    }

    private void run() throws Exception {
        if (!Stores.reachable(pg) || !Stores.reachable(redis)) {
            throw new IllegalStateException("the bench needs PostgreSQL at " + pg + " and Redis at " + redis
                    + " (pgbench drives the same server)");
        }
        String user = env("HOTELMESH_DB_USER", "postgres");
        String password = env("HOTELMESH_DB_PASSWORD", "");
        try (Connection postgres = connect("postgres", user, password); var st = postgres.createStatement()) {
            ResultSet rs = st.executeQuery("SHOW max_connections");
            rs.next();
            int max = rs.getInt(1);
            int raw = Math.max(settings.searchClients(), settings.onlySearch() ? 0
                    : Math.max(settings.clients(), settings.hotClients()));
            if (raw > max - 10) {
                throw new IllegalArgumentException("pgbench would open " + raw + " connections but PostgreSQL allows "
                        + max + " (max_connections); use at most " + (max - 10) + " clients or raise max_connections");
            }
        }
        Stores.recreateDatabase(pg, user, password, DB_HOTEL);
        Stores.recreateDatabase(pg, user, password, DB_RESERVATION);
        Stores.recreateDatabase(pg, user, password, DB_RATE);
        Stores.recreateDatabase(pg, user, password, DB_PAYMENT);
        Stores.recreateDatabase(pg, user, password, DB_SEARCH_RAW);
        Stores.flushRedisDatabase(redis, REDIS_DB);
        // (s): the nights searched are arrivals 1..search-days days ahead, up to MAX_SEARCH_NIGHTS nights each
        if (settings.searchHorizon() < settings.searchDays() + MAX_SEARCH_NIGHTS) {
            throw new IllegalArgumentException("--search-horizon must cover the nights searched: at least"
                    + " --search-days + " + MAX_SEARCH_NIGHTS);
        }
        SearchData search = new SearchData(settings.searchHotels(), settings.searchCities(), settings.searchHorizon(),
                LocalDate.now(ZoneOffset.UTC));

        Path logs = root.resolve("target/bench");
        Files.createDirectories(logs);
        int hotelPort = Stores.freePort();
        int reservationPort = Stores.freePort();
        int ratePort = Stores.freePort();
        int paymentPort = Stores.freePort();
        int edgePort = Stores.freePort();
        String redisHosts = "redis://" + redis.host() + ":" + redis.port() + "/" + REDIS_DB;
        Map<String, String> common = Map.of(
                "hotelmesh.db.host", pg.host(), "hotelmesh.db.port", String.valueOf(pg.port()),
                "hotelmesh.db.user", user, "hotelmesh.db.password", password,
                "quarkus.redis.hosts", redisHosts,
                "quarkus.log.level", "WARN");
        // Every service verifies its callers and calls as its own workload, with key pairs of the bench's own; the
        // bench calls the services as a tool with every write role (and sets capacities as hotel-svc does).
        Path keys = logs.resolve("jwt-keys");
        tlsCa = keys.resolve("tls").resolve("ca.pem");
        Map<String, String> hotelConfig = new HashMap<>(common);
        hotelConfig.putAll(identity(keys, "hotel-svc"));
        hotelConfig.put("hotelmesh.db.name", DB_HOTEL);
        // the bench sets capacities itself, straight into reservation-svc
        hotelConfig.put("hotelmesh.capacity-sync.enabled", "false");
        hotelConfig.put("hotelmesh.capacity-sync.reconcile-on-start", "false");
        hotelConfig.putAll(ServiceProcess.grpcClient("reservation", reservationPort));
        Map<String, String> reservationConfig = new HashMap<>(common);
        reservationConfig.putAll(identity(keys, "reservation-svc"));
        reservationConfig.put("hotelmesh.db.name", DB_RESERVATION);
        // the guest limits' query still runs on every guest booking; only the caps are out of the load's way
        reservationConfig.put("hotelmesh.guest-limits.unpaid-holds", "1000000000");
        reservationConfig.put("hotelmesh.guest-limits.rooms-per-hotel-night", "1000000000");
        reservationConfig.putAll(ServiceProcess.grpcClient("hotel", hotelPort));
        reservationConfig.putAll(ServiceProcess.grpcClient("rate", ratePort));
        reservationConfig.putAll(ServiceProcess.grpcClient("payment", paymentPort));
        Map<String, String> paymentConfig = new HashMap<>(common);
        paymentConfig.putAll(identity(keys, "payment-svc"));
        paymentConfig.put("hotelmesh.db.name", DB_PAYMENT);
        paymentConfig.put("hotelmesh.gateway.kind", "simulated");
        Map<String, String> rateConfig = new HashMap<>(common);
        rateConfig.putAll(identity(keys, "rate-svc"));
        rateConfig.put("hotelmesh.db.name", DB_RATE);
        rateConfig.putAll(ServiceProcess.grpcClient("hotel", hotelPort));
        rateConfig.putAll(ServiceProcess.grpcClient("inventory", reservationPort));
        // The edge verifies guest tokens signed with the bench's user key pair.
        Map<String, String> edgeConfig = new HashMap<>(identity(keys, "edge-rest"));
        edgeConfig.put("quarkus.redis.hosts", redisHosts);
        edgeConfig.put("quarkus.log.level", "WARN");
        edgeConfig.put("mp.jwt.verify.publickey.location", keys.resolve("public.pem").toString());
        edgeConfig.put("mp.jwt.verify.issuer", DevTokens.DEFAULT_ISSUER);
        edgeConfig.putAll(ServiceProcess.grpcClient("hotel", hotelPort));
        edgeConfig.putAll(ServiceProcess.grpcClient("reservation", reservationPort));
        edgeConfig.putAll(ServiceProcess.grpcClient("rate", ratePort));
        // Still counted in Redis, as in production, but per guest far above what the bench can send in a window.
        edgeConfig.put("hotelmesh.rate-limit.requests", "1000000000");
        edgeConfig.put("hotelmesh.rate-limit.write-requests", "1000000000");

        Catalog catalog = null;
        if (settings.onlySearch()) {
            System.out.printf("bench: only (s) search (--only search), %s; between the services: %s%n",
                    settings.duration(), settings.plaintext() ? "plaintext (--plaintext)" : "TLS");
        } else {
            System.out.printf("bench: %d hotels, %d clients (hot night %d, last rooms %d, burst %d), %s per timed"
                            + " scenario; cpu hog: %s; between the services: %s%n", settings.hotels(),
                    settings.clients(), settings.hotClients(), settings.lastRoomsClients(), settings.burstClients(),
                    settings.duration(), hogDescription(), settings.plaintext() ? "plaintext (--plaintext)" : "TLS");
        }
        System.out.printf("bench: (s) search: %d clients over %s; arrivals 1-%d days ahead, 1-%d nights%n",
                settings.searchClients(), search.describe(), settings.searchDays(), MAX_SEARCH_NIGHTS);
        try (ServiceProcess hotel = ServiceProcess.start(root, "hotel-svc", hotelPort, hotelConfig, logs);
             ServiceProcess reservation = ServiceProcess.start(root, "reservation-svc", reservationPort,
                     reservationConfig, logs);
             ServiceProcess rate = ServiceProcess.start(root, "rate-svc", ratePort, rateConfig, logs);
             ServiceProcess payment = ServiceProcess.start(root, "payment-svc", paymentPort, paymentConfig, logs);
             ServiceProcess edgeRest = ServiceProcess.start(root, "edge-rest", edgePort, edgeConfig, logs)) {
            for (ServiceProcess service : List.of(hotel, reservation, rate, payment, edgeRest)) {
                service.awaitReady(Duration.ofSeconds(90));
            }
            ClientInterceptor tool = GrpcCredentials.bearer(DevTokens.mint(keys.resolve("private.pem"),
                    DevTokens.DEFAULT_ISSUER, "bench", List.of("tool", "hotel.write", "rate.write", "reservation.write"),
                    List.of(), Duration.ofHours(12)));
            List<ManagedChannel> channels = channels(reservationPort, 4, tool);
            // a thousand callers at once: more connections, so no one HTTP/2 connection's streams queue them
            List<ManagedChannel> burstChannels = channels(reservationPort, 8, tool);
            ManagedChannel hotelChannel = channels(hotelPort, 1, tool).get(0);
            ManagedChannel rateChannel = channels(ratePort, 1, tool).get(0);
            // the searches' own connections to rate-svc, as many as the bookings have to reservation-svc
            List<ManagedChannel> searchChannels = channels(ratePort, 4, tool);
            RateServiceBlockingStub rates = RateServiceGrpc.newBlockingStub(rateChannel);
            try (Connection db = connect(DB_RESERVATION, user, password)) {
                Edge edge = new Edge(edgePort, keys.resolve("private.pem"),
                        Math.max(settings.clients(), settings.lastRoomsClients()), 4);
                if (!settings.onlySearch()) {
                    catalog = setUp(HotelServiceGrpc.newBlockingStub(hotelChannel),
                            InventoryServiceGrpc.newBlockingStub(channels.get(0)).withInterceptors(
                                    GrpcCredentials.bearer(DevTokens.mintWorkload(keys.resolve("workloads/private.pem"),
                                            "hotel-svc", Duration.ofHours(12)))), rates);
                    coldBurstThroughEdge(edge, catalog, db);
                    warmUp(channels, catalog, rates);
                    uncontended(channels, catalog, db);
                    quotes(channels, catalog, rates);
                    quotedBookings(channels, catalog, rates, db);
                    try (CpuHog hog = CpuHog.start(hogProcesses())) {
                        hotNight(channels, catalog, db);
                        lastRooms(channels, catalog, db);
                        burst(burstChannels, catalog, db);
                    }
                    warmUpEdge(edge, catalog);
                    uncontendedThroughEdge(edge, catalog, db);
                    lastRoomsThroughEdge(edge, catalog, db);
                    availability(channels, catalog);
                }
                // Last, so the booking scenarios run on the tables they always ran on.
                loadSearchData(search, user, password);
                Map<String, Integer> ports = Map.of("hotel-svc", hotelPort, "reservation-svc", reservationPort,
                        "rate-svc", ratePort, "payment-svc", paymentPort, "edge-rest", edgePort);
                searchStays(searchChannels, search, rate, hotel, reservation, ports);
                searchThroughEdge(edge, search);
                searchDownstream(hotelChannel, channels, search);
            } finally {
                hotelChannel.shutdownNow();
                rateChannel.shutdownNow();
                channels.forEach(ManagedChannel::shutdownNow);
                burstChannels.forEach(ManagedChannel::shutdownNow);
                searchChannels.forEach(ManagedChannel::shutdownNow);
            }
        }
        // The raw side runs with the services stopped: the same server, nothing else on it.
        if (!settings.onlySearch()) {
            rawBookings(catalog, user, password, logs);
        }
        rawSearch(search, user, password, logs);
        print();
    }

    private void rawBookings(Catalog catalog, String user, String password, Path logs) throws Exception {
        Pgbench pgbench = new Pgbench(pg, user, password, DB_RESERVATION, root.resolve("bench/sql"), logs);
        Map<String, String> vars = Map.of("hotel_min", String.valueOf(catalog.hotelMin()),
                "rt_min", String.valueOf(catalog.rtMin()), "hotels", String.valueOf(settings.hotels()),
                "days", String.valueOf(settings.days()));
        raw("(a)", pgbench.run("book.sql", settings.clients(), settings.duration(), vars));
        // The fair floor of a paid booking: the four commits the saga makes, without the network.
        createPaymentTable(root.resolve("payment-svc/src/main/resources/db/migration/V1__payments_refunds.sql"),
                user, password);
        Map<String, String> spread = new HashMap<>(vars);
        spread.put("day_min", "1");
        Load.Result paid = pgbench.run("paid.sql", settings.clients(), settings.duration(), spread);
        floor("(a)", paid);
        floor("(e)", paid);
        int sellable = (int) Math.floor(settings.hotRooms() * 1.10);
        int perClient = (sellable + settings.hotClients() - 1) / settings.hotClients();
        Map<String, String> hot = Map.of("hot_hotel", String.valueOf(catalog.rawHotHotel()),
                "hot_rt", String.valueOf(catalog.rawHotRt()), "hot_day", String.valueOf(HOT_DAY));
        raw("(b)", pgbench.runTransactions("hot.sql", settings.hotClients(), perClient, hot));
        resetRawHotNight(catalog, user, password);
        floor("(b)", pgbench.runTransactions("paid.sql", settings.hotClients(), perClient,
                Map.of("hotel_min", String.valueOf(catalog.rawHotHotel()), "rt_min", String.valueOf(catalog.rawHotRt()),
                        "hotels", "1", "day_min", String.valueOf(HOT_DAY), "days", "1")));
        raw("(c)", pgbench.run("availability.sql", settings.clients(), settings.duration(), vars));
    }

    // --- set-up -------------------------------------------------------------------------------------------------

    private Catalog setUp(HotelServiceBlockingStub hotels, InventoryServiceBlockingStub inventory,
            RateServiceBlockingStub rates) {
        long hotelMin = -1;
        long rtMin = -1;
        long[] extraHotels = new long[EXTRA_TYPES];
        long[] extraRts = new long[EXTRA_TYPES];
        for (int i = 0; i < settings.hotels() + EXTRA_TYPES; i++) {
            long hotelId = hotels.createHotel(CreateHotelRequest.newBuilder().setHotel(HotelInput.newBuilder()
                    .setName("Bench hotel " + i)
                    .setAddress(Address.newBuilder().setLine1(i + " Bench Street").setCity("Seoul").setCountry("KR"))
                    .setTimeZone("UTC")).build()).getHotel().getId();
            long roomTypeId = hotels.createRoomType(CreateRoomTypeRequest.newBuilder().setHotelId(hotelId)
                    .setRoomType(RoomTypeInput.newBuilder().setName("Standard").setMaxOccupancy(2)
                            .setBedConfiguration("1 queen")).build()).getRoomType().getId();
            if (i == 0) {
                hotelMin = hotelId;
                rtMin = roomTypeId;
            } else if (i < settings.hotels() && (hotelId != hotelMin + i || roomTypeId != rtMin + i)) {
                throw new IllegalStateException("hotel and room type ids are not contiguous; pgbench scripts rely on it");
            } else if (i >= settings.hotels()) {
                extraHotels[i - settings.hotels()] = hotelId;
                extraRts[i - settings.hotels()] = roomTypeId;
            }
            long version = hotels.getHotel(GetHotelRequest.newBuilder().setHotelId(hotelId).build()).getHotel()
                    .getVersion();
            int rooms = i < settings.hotels() ? 1000 : i - settings.hotels() < LAST ? settings.hotRooms() : LAST_ROOMS;
            inventory.setRoomTypeCapacity(SetRoomTypeCapacityRequest.newBuilder().setHotelId(hotelId)
                    .setRoomTypeId(roomTypeId).setRoomsInService(rooms).setCatalogVersion(version).build());
            // Every night the scenarios book has a base price (at most 366 nights per call).
            for (int from = 0; from <= settings.days() + 1; from += 366) {
                int nights = Math.min(366, settings.days() + 2 - from);
                rates.setBaseRates(SetBaseRatesRequest.newBuilder().setHotelId(hotelId).setRoomTypeId(roomTypeId)
                        .setDates(stay(from, nights))
                        .setAmount(Money.newBuilder().setAmountMinor(BASE_PRICE).setCurrency("EUR")).build());
            }
        }
        // ratio 1.10: each last-rooms type sells floor(50 x 1.1) = 55
        return new Catalog(hotelMin, rtMin, extraHotels[HOT], extraRts[HOT], extraHotels[RAW_HOT], extraRts[RAW_HOT],
                extraHotels[LAST], extraRts[LAST], extraHotels[BURST], extraRts[BURST], extraHotels[EDGE_LAST],
                extraRts[EDGE_LAST], extraHotels[COLD], extraRts[COLD]);
    }

    /**
     * Unmeasured: reads, paid bookings and quotes for a few seconds each, so the scenarios measure the services as
     * they run, not their JIT compilers (five JVMs compiling at once on two cores halved (a) when only reads warmed up).
     */
    private void warmUp(List<ManagedChannel> channels, Catalog catalog, RateServiceBlockingStub rates)
            throws InterruptedException {
        Load.run("warm-up", channels, settings.clients(), Duration.ofSeconds(5), (stub, inv, rnd) -> {
            int i = rnd.nextInt(settings.hotels());
            inv.getAvailability(GetAvailabilityRequest.newBuilder().setHotelId(catalog.hotelMin() + i)
                    .setRoomTypeId(catalog.rtMin() + i).setStay(stay(rnd.nextInt(1, settings.days()), 7)).build());
            return true;
        });
        Load.run("warm-up", channels, settings.clients(), Duration.ofSeconds(20), (stub, inv, rnd) -> {
            int i = rnd.nextInt(settings.hotels());
            book(stub, catalog.hotelMin() + i, catalog.rtMin() + i, rnd.nextInt(1, settings.days() + 1), 1);
            return true;
        });
        Load.run("warm-up", channels, settings.clients(), Duration.ofSeconds(5), (stub, inv, rnd) -> {
            quote(rates, catalog, rnd);
            return true;
        });
    }

    // --- scenarios ------------------------------------------------------------------------------------------------

    /** (a) One-night bookings spread over the hotels and days: no two clients want the same night for long. */
    private void uncontended(List<ManagedChannel> channels, Catalog catalog, Connection db) throws Exception {
        Load.Result ours = Load.run("uncontended", channels, settings.clients(), settings.duration(),
                (stub, inv, rnd) -> {
                    int i = rnd.nextInt(settings.hotels());
                    book(stub, catalog.hotelMin() + i, catalog.rtMin() + i, rnd.nextInt(1, settings.days() + 1), 1);
                    return true;
                });
        add("(a) uncontended bookings", ours, oversellCheck(db));
    }

    /** What a guest does before booking: price a stay and get a quote (rate-svc, which asks for occupancy). */
    private void quotes(List<ManagedChannel> channels, Catalog catalog, RateServiceBlockingStub rates)
            throws Exception {
        Load.Result ours = Load.run("quotes", channels, settings.clients(), settings.duration(), (stub, inv, rnd) -> {
            quote(rates, catalog, rnd);
            return true;
        });
        add("(d) quotes, 1 night", ours, "-");
    }

    /** The whole guest flow: a quote, then the booking that cites it (two calls per operation). */
    private void quotedBookings(List<ManagedChannel> channels, Catalog catalog, RateServiceBlockingStub rates,
            Connection db) throws Exception {
        Load.Result ours = Load.run("quote + book", channels, settings.clients(), settings.duration(),
                (stub, inv, rnd) -> {
                    Quote quote = quote(rates, catalog, rnd);
                    stub.withDeadlineAfter(10, TimeUnit.SECONDS).createReservation(CreateReservationRequest
                            .newBuilder().setReservationId(quote.getReservationId()).setQuoteId(quote.getQuoteId())
                            .setHotelId(quote.getHotelId()).setRoomTypeId(quote.getRoomTypeId())
                            .setStay(quote.getStay()).setRooms(quote.getRooms()).setGuestId(quote.getGuestId())
                            .setPaymentToken("tok_visa").build());
                    return true;
                });
        add("(e) quote, then book with it", ours, oversellCheck(db));
    }

    private Quote quote(RateServiceBlockingStub rates, Catalog catalog, ThreadLocalRandom rnd) {
        int i = rnd.nextInt(settings.hotels());
        return rates.withDeadlineAfter(10, TimeUnit.SECONDS).createQuote(CreateQuoteRequest.newBuilder()
                .setHotelId(catalog.hotelMin() + i).setRoomTypeId(catalog.rtMin() + i)
                .setStay(stay(rnd.nextInt(1, settings.days() + 1), 1)).setRooms(1)
                .setGuestId("bench-" + Thread.currentThread().getId()).build()).getQuote();
    }

    /** (b) One room type's one night, booked a room at a time by every client until it is sold out. */
    private void hotNight(List<ManagedChannel> channels, Catalog catalog, Connection db) throws Exception {
        int day = HOT_DAY;
        // every client books one room at a time until the night is sold out
        Load.Result ours = Load.untilDone("hot night", channels, settings.hotClients(), Duration.ofMinutes(5),
                (stub, inv, rnd) -> book(stub, catalog.hotHotel(), catalog.hotRt(), day, 1));
        String check = oversellCheck(db) + "; sold " + reserved(db, catalog.hotHotel(), catalog.hotRt(), day)
                + " of " + (int) Math.floor(settings.hotRooms() * 1.10);
        add("(b) hot night, " + settings.hotRooms() + " rooms", ours, check);
    }

    /** (b2) Hundreds of guests, each booking once, all released together for the last 55 rooms of a night. */
    private void lastRooms(List<ManagedChannel> channels, Catalog catalog, Connection db) throws Exception {
        Load.Result ours = Load.once("last rooms", channels, settings.lastRoomsClients(),
                (stub, inv, rnd) -> book(stub, catalog.lastHotel(), catalog.lastRt(), LAST_ROOMS_DAY, 1));
        add("(b2) " + settings.lastRoomsClients() + " clients, last 55 rooms", ours,
                lastRoomsCheck(ours, db, catalog.lastHotel(), catalog.lastRt()));
    }

    /**
     * (b3) A crowd at the door: --burst-clients guests (1000), each booking once, released together for the last 55
     * rooms of another room type: admission control may turn some away (resource_exhausted); nothing else may fail.
     */
    private void burst(List<ManagedChannel> channels, Catalog catalog, Connection db) throws Exception {
        Load.Result ours = Load.once("burst", channels, settings.burstClients(),
                (stub, inv, rnd) -> book(stub, catalog.burstHotel(), catalog.burstRt(), LAST_ROOMS_DAY, 1));
        add("(b3) " + settings.burstClients() + " clients at once, last 55 rooms", ours,
                lastRoomsCheck(ours, db, catalog.burstHotel(), catalog.burstRt()));
    }

    /**
     * (b0-edge) A freshly started mesh meets a crowd: right after the services report ready (and the bench's set-up),
     * before any warm-up, --last-rooms-clients guests at once through the edge for the last 55 rooms of a night. What
     * a scale-up under load meets: every answer must be booked, sold out or 429, never a 5xx.
     */
    private void coldBurstThroughEdge(Edge edge, Catalog catalog, Connection db) throws Exception {
        Load.Result ours = Load.once("cold burst, edge", edge.http(), settings.lastRoomsClients(),
                (client, rnd) -> edge.booking(client, catalog.coldHotel(), catalog.coldRt(), night(LAST_ROOMS_DAY)));
        add("(b0-edge) cold start, " + settings.lastRoomsClients() + " clients, last 55 rooms, edge", ours,
                lastRoomsCheck(ours, db, catalog.coldHotel(), catalog.coldRt()));
    }

    /** Unmeasured: (a-edge)'s bookings for a few seconds, so the edge's JIT is as warm as the services' by then. */
    private void warmUpEdge(Edge edge, Catalog catalog) throws InterruptedException {
        Load.run("edge warm-up", edge.http(), settings.clients(), Duration.ofSeconds(5), spreadBooking(edge, catalog));
    }

    /**
     * (a-edge) (a) through the REST edge: the same clients, stays and card, each booking a POST /v1/reservations with
     * the client's guest token (JWT check, rate-limit counter in Redis, JSON, then the same gRPC call as (a)).
     */
    private void uncontendedThroughEdge(Edge edge, Catalog catalog, Connection db) throws Exception {
        Load.Result ours = Load.run("uncontended, edge", edge.http(), settings.clients(), settings.duration(),
                spreadBooking(edge, catalog));
        add("(a-edge) uncontended bookings, edge", ours, oversellCheck(db)).grpc = row("(a)");
    }

    /** (b2-edge) (b2) through the REST edge, on a room type of its own: each guest one POST, released together. */
    private void lastRoomsThroughEdge(Edge edge, Catalog catalog, Connection db) throws Exception {
        Load.Result ours = Load.once("last rooms, edge", edge.http(), settings.lastRoomsClients(),
                (client, rnd) -> edge.booking(client, catalog.edgeLastHotel(), catalog.edgeLastRt(),
                        night(LAST_ROOMS_DAY)));
        add("(b2-edge) " + settings.lastRoomsClients() + " clients, last 55 rooms, edge", ours,
                lastRoomsCheck(ours, db, catalog.edgeLastHotel(), catalog.edgeLastRt()));
    }

    /** What (a) books, as an HTTP request: one night of a random spread hotel's room type. */
    private Load.HttpOp spreadBooking(Edge edge, Catalog catalog) {
        return (client, rnd) -> {
            int i = rnd.nextInt(settings.hotels());
            return edge.booking(client, catalog.hotelMin() + i, catalog.rtMin() + i,
                    night(rnd.nextInt(1, settings.days() + 1)));
        };
    }

    /** (c) A week of one spread room type's availability. */
    private void availability(List<ManagedChannel> channels, Catalog catalog) throws Exception {
        Load.Result ours = Load.run("availability", channels, settings.clients(), settings.duration(),
                (stub, inv, rnd) -> {
                    int i = rnd.nextInt(settings.hotels());
                    inv.getAvailability(GetAvailabilityRequest.newBuilder().setHotelId(catalog.hotelMin() + i)
                            .setRoomTypeId(catalog.rtMin() + i).setStay(stay(rnd.nextInt(1, settings.days()), 7))
                            .build());
                    return true;
                });
        add("(c) availability reads, 7 nights", ours, "-");
    }

    /** true = booked; false = sold out (the caller stops); other failures are counted by their status code. */
    private static boolean book(ReservationServiceBlockingStub stub, long hotel, long roomType, int day, int rooms) {
        try {
            stub.withDeadlineAfter(10, TimeUnit.SECONDS).createReservation(CreateReservationRequest.newBuilder()
                    .setReservationId(UUID.randomUUID().toString())
                    .setHotelId(hotel).setRoomTypeId(roomType).setStay(stay(day, 1)).setRooms(rooms)
                    .setGuestId("bench-" + Thread.currentThread().getId()).setPaymentToken("tok_visa").build());
            return true;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.FAILED_PRECONDITION) {
                return false;
            }
            throw e;
        }
    }

    private static DateRange stay(int dayOffset, int nights) {
        LocalDate start = night(dayOffset);
        return DateRange.newBuilder().setStartDate(date(start)).setEndDate(date(start.plusDays(nights))).build();
    }

    private static LocalDate night(int dayOffset) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(dayOffset);
    }

    private static Date date(LocalDate d) {
        return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
    }

    // --- (s) the stay search ---------------------------------------------------------------------------------------

    /**
     * Writes the search's hotels, rooms, inventory and prices into the services' databases (one thread) and the same
     * rows into the raw floor's database, made by the services' own migrations (another thread), then VACUUM ANALYZE.
     * The services are running but idle, and have never seen these ids.
     */
    private void loadSearchData(SearchData search, String user, String password) throws Exception {
        long t0 = System.nanoTime();
        ExecutorService loaders = Executors.newFixedThreadPool(2);
        try {
            Future<?> services = loaders.submit(() -> {
                try (Connection hotels = connect(DB_HOTEL, user, password);
                     Connection inventory = connect(DB_RESERVATION, user, password);
                     Connection prices = connect(DB_RATE, user, password)) {
                    SearchData.execute(hotels, search.catalog());
                    SearchData.execute(inventory, search.inventory());
                    SearchData.execute(prices, search.rates());
                }
                return null;
            });
            Future<?> raw = loaders.submit(() -> {
                try (Connection db = connect(DB_SEARCH_RAW, user, password)) {
                    SearchData.createRawTables(db, root);
                    SearchData.execute(db, search.catalog());
                    SearchData.execute(db, search.inventory());
                    SearchData.execute(db, search.rates());
                }
                return null;
            });
            services.get();
            raw.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("loading the search data: " + e.getCause().getMessage(), e.getCause());
        } finally {
            loaders.shutdownNow();
        }
        try (Connection db = connect(DB_HOTEL, user, password); var st = db.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT count(*) FROM room WHERE hotel_id >= " + SearchData.HOTEL_BASE);
            rs.next();
            System.out.printf("  search data: %,d rooms; loaded into %s, %s, %s and %s in %.0f s%n", rs.getLong(1),
                    DB_HOTEL, DB_RESERVATION, DB_RATE, DB_SEARCH_RAW, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** One search as a guest starts one: a city of the data, arrival 1..search-days ahead, 1-3 nights, 1-2 rooms. */
    private SearchStaysRequest searchRequest(SearchData search, ThreadLocalRandom rnd) {
        return searchRequest(rnd.nextInt(1, search.cities() + 1), rnd);
    }

    /** One search in city c (1..cities), arrival 1..search-days ahead, 1-3 nights, 1-2 rooms, 1-4 guests. */
    private SearchStaysRequest searchRequest(int city, ThreadLocalRandom rnd) {
        int rooms = rnd.nextInt(1, 3);
        return SearchStaysRequest.newBuilder()
                .setCity(SearchData.city(city))
                .setStay(stay(rnd.nextInt(1, settings.searchDays() + 1), rnd.nextInt(1, MAX_SEARCH_NIGHTS + 1)))
                .setRooms(rooms)
                .setGuests(rnd.nextInt(rooms, 5))
                .setSort(SearchSort.PRICE)
                .build();
    }

    /**
     * (s0) then (s): first --search-clients clients at once for 5 s on rate-svc's empty copies, as a freshly started
     * rate-svc meets a crowd (every answer should be OK); then a warm-up, and the same clients searching stays over
     * gRPC (rate-svc's SearchStays, the first page of 20) for at least a catalog TTL and a bit.
     * <p>
     * The warm-up first brings the cities in one after the other over one catalog TTL (4 clients), so their copies
     * expire one after the other too, as in a rate-svc that has been running under load for a while (a crowd that
     * finds them all expired at once is (s0)'s case); then all the clients search for 10 s (the JIT). (s) then lasts
     * longer than the catalog TTL, so every city's hotels are read again inside the window: what ours reuses is its
     * steady share, not a window placed before the copies expire.
     * <p>
     * Prints the hits, rate-svc's reuse of its copies (its cache metrics), its calls to the other services and where
     * the CPU went.
     */
    private void searchStays(List<ManagedChannel> channels, SearchData search, ServiceProcess rate,
            ServiceProcess hotel, ServiceProcess reservation, Map<String, Integer> ports) throws Exception {
        LongAdder onPage = new LongAdder();
        LongAdder found = new LongAdder();
        Load.StubOp<SearchServiceBlockingStub> op = (stub, rnd) -> {
            SearchStaysResponse answer = stub.withDeadlineAfter(10, TimeUnit.SECONDS)
                    .searchStays(searchRequest(search, rnd));
            onPage.add(answer.getHitsCount());
            found.add(answer.getPage().getTotalSize());
            return Load.OK;
        };
        Map<String, Double> rateCold = Metrics.scrape(rate.managementPort());
        Map<String, Double> hotelCold = Metrics.scrape(hotel.managementPort());
        Load.Result cold = Load.run("search, cold", channels, SearchServiceGrpc::newBlockingStub,
                settings.searchClients(), COLD_SEARCH, op);
        Row coldRow = add("(s0) stay search, cold copies, " + settings.searchClients() + " clients at once, "
                + COLD_SEARCH.toSeconds() + " s", cold, notOk(cold));
        coldRow.notes.add(String.format("reuse (hits / gets): %s; %.2f FindHotels per search",
                Metrics.cacheHits(rateCold, Metrics.scrape(rate.managementPort()), "search-places", "search-stock"),
                Metrics.grpcCalls(hotelCold, Metrics.scrape(hotel.managementPort()), "FindHotels")
                        / Math.max(1, cold.ops())));
        // a few clients bring the cities in one after the other over a catalog TTL, then all of them warm the JIT up
        long rampStart = System.nanoTime();
        Load.StubOp<SearchServiceBlockingStub> ramp = (stub, rnd) -> {
            double share = Math.min(1.0, (System.nanoTime() - rampStart) / (double) CATALOG_TTL.toNanos());
            int newest = Math.max(1, (int) Math.ceil(share * search.cities()));
            stub.withDeadlineAfter(10, TimeUnit.SECONDS).searchStays(
                    searchRequest(rnd.nextBoolean() ? newest : rnd.nextInt(1, newest + 1), rnd));
            return Load.OK;
        };
        Load.Result few = Load.run("search warm-up", channels, SearchServiceGrpc::newBlockingStub, 4, CATALOG_TTL,
                ramp);
        Load.Result all = Load.run("search warm-up", channels, SearchServiceGrpc::newBlockingStub,
                settings.searchClients(), Duration.ofSeconds(10), op);
        onPage.reset();
        found.reset();
        Map<String, Double> rateBefore = Metrics.scrape(rate.managementPort());
        Map<String, Double> hotelBefore = Metrics.scrape(hotel.managementPort());
        Map<String, Double> stockBefore = Metrics.scrape(reservation.managementPort());
        CpuWatch cpu = CpuWatch.during(settings.searchDuration(), CpuWatch.services(ports));
        Load.Result ours = Load.run("search", channels, SearchServiceGrpc::newBlockingStub, settings.searchClients(),
                settings.searchDuration(), op);
        String cpuUse = cpu.report();
        Map<String, Double> rateAfter = Metrics.scrape(rate.managementPort());
        Map<String, Double> hotelAfter = Metrics.scrape(hotel.managementPort());
        Map<String, Double> stockAfter = Metrics.scrape(reservation.managementPort());
        long ok = ours.count(Load.OK);
        Row row = add("(s) stay search, " + String.format("%,d", search.hotels()) + " hotels, 1-" + MAX_SEARCH_NIGHTS
                + " nights", ours, notOk(ours));
        row.okOnly = true;
        row.notes.add(String.format("unmeasured warm-up before it: 4 clients bringing the cities in over %d s, %.1f/s,"
                        + " p50 %.0f ms, %s; then %d clients 10 s, %.1f/s, p50 %.0f ms, %s", CATALOG_TTL.toSeconds(),
                few.rate(), few.percentile(50), few.summary(),
                settings.searchClients(), all.rate(), all.percentile(50), all.summary()));
        row.notes.add(String.format("hits: %.1f hotels with an available offer per search (%.1f on the first page"
                + " of 20)", found.sum() / (double) Math.max(1, ok), onPage.sum() / (double) Math.max(1, ok)));
        row.notes.add("ours reuses from memory what rate-svc read in the last moments (its TTL copies): a city's"
                + " hotels and room types 30 s, rooms left 5 s, base prices and rules 10 s; reads only the rest");
        row.notes.add("this run's reuse (hits / gets): " + Metrics.cacheHits(rateBefore, rateAfter, "search-places",
                "search-stock", "search-prices", "search-rules"));
        row.notes.add(String.format("per search: %.3f FindHotels (hotel-svc), %.3f GetStock (reservation-svc)",
                Metrics.grpcCalls(hotelBefore, hotelAfter, "FindHotels") / Math.max(1, ours.ops()),
                Metrics.grpcCalls(stockBefore, stockAfter, "GetStock") / Math.max(1, ours.ops())));
        row.notes.add("ours cpu: " + cpuUse);
    }

    /**
     * What the search's downstream reads cost on their own, called straight from the bench after (s-edge): one at a
     * time (FindHotels of a small and of the biggest city, GetStock of their hotels over 3 nights), then FindHotels
     * from all the search clients at once, as rate-svc sends it when its copy of the places is empty. Notes under (s).
     * A failed call is reported, never fatal: the services may be in the state (s0) shows.
     */
    private void searchDownstream(ManagedChannel hotelChannel, List<ManagedChannel> stockChannels, SearchData search)
            throws Exception {
        int small = search.smallestCity();
        int big = search.biggestCity();
        String alone;
        try {
            HotelServiceBlockingStub hotels = HotelServiceGrpc.newBlockingStub(hotelChannel);
            InventoryServiceBlockingStub stock = InventoryServiceGrpc.newBlockingStub(stockChannels.get(0));
            List<Long> smallIds = hotelIds(hotels, small);
            List<Long> bigIds = hotelIds(hotels, big);
            alone = String.format("downstream alone, one call at a time (median of 20): FindHotels %d hotels"
                            + " %.1f ms, %d hotels %.1f ms; GetStock of them over 3 nights %.1f ms, %.1f ms",
                    smallIds.size(), median(() -> in10s(hotels).findHotels(findHotels(small))),
                    bigIds.size(), median(() -> in10s(hotels).findHotels(findHotels(big))),
                    median(() -> in10s(stock).getStock(getStock(smallIds))),
                    median(() -> in10s(stock).getStock(getStock(bigIds))));
        } catch (StatusRuntimeException e) {
            alone = "downstream alone: not measured, a call failed: " + e.getStatus();
        }
        Load.Result crowd = Load.run("FindHotels", List.of(hotelChannel), HotelServiceGrpc::newBlockingStub,
                settings.searchClients(), Duration.ofSeconds(5), (stub, rnd) -> {
                    stub.withDeadlineAfter(10, TimeUnit.SECONDS).findHotels(
                            findHotels(rnd.nextInt(1, search.cities() + 1)));
                    return Load.OK;
                });
        Row row = row("(s)");
        row.notes.add(alone);
        row.notes.add(String.format("FindHotels from %d clients at once, straight to hotel-svc, random cities, 5 s:"
                        + " %.0f/s, p50 %.0f ms, p99 %.0f ms (rate-svc's deadline for hotel-svc: 500 ms); %s",
                settings.searchClients(), crowd.rate(), crowd.percentile(50), crowd.percentile(99), crowd.summary()));
    }

    private static FindHotelsRequest findHotels(int city) {
        // as rate-svc asks: the city in lower case, at most hotelmesh.search.max-hotels (2,000)
        return FindHotelsRequest.newBuilder().setCity(SearchData.city(city).toLowerCase(Locale.ROOT)).setLimit(2000)
                .build();
    }

    private static GetStockRequest getStock(List<Long> hotelIds) {
        return GetStockRequest.newBuilder().addAllHotelIds(hotelIds).setDates(stay(10, MAX_SEARCH_NIGHTS)).build();
    }

    private static List<Long> hotelIds(HotelServiceBlockingStub hotels, int city) {
        return in10s(hotels).findHotels(findHotels(city)).getHotelsList().stream().map(h -> h.getHotel().getId())
                .toList();
    }

    private static <S extends io.grpc.stub.AbstractStub<S>> S in10s(S stub) {
        return stub.withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** The median latency of 20 calls, in ms, after 3 unmeasured ones. */
    private static double median(Runnable call) {
        long[] nanos = new long[20];
        for (int i = -3; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            call.run();
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(nanos);
        return nanos[nanos.length / 2] / 1e6;
    }

    /** (s-edge) the same searches through the REST edge (GET /v1/search, public: no token), for a shorter while. */
    private void searchThroughEdge(Edge edge, SearchData search) throws Exception {
        Load.HttpOp op = (client, rnd) -> {
            SearchStaysRequest ask = searchRequest(search, rnd);
            return edge.search(ask.getCity(), day(ask.getStay().getStartDate()), day(ask.getStay().getEndDate()),
                    ask.getRooms(), ask.getGuests());
        };
        // unmeasured: the edge's search path (its JSON of the hits) has not run yet
        Load.run("search warm-up, edge", edge.http(), settings.searchClients(), Duration.ofSeconds(5), op);
        Load.Result ours = Load.run("search, edge", edge.http(), settings.searchClients(),
                settings.edgeSearchDuration(), op);
        Row row = add("(s-edge) stay search through the edge", ours, notOk(ours));
        row.grpc = row("(s)");
        row.okOnly = true;
    }

    private static String notOk(Load.Result r) {
        long notOk = r.ops() - r.count(Load.OK);
        return String.format("not OK: %d of %,d answers (%.2f%%)", notOk, r.ops(),
                100.0 * notOk / Math.max(1, r.ops()));
    }

    /** (s) raw: bench/sql/search.sql at the same concurrency, on the one database holding copies of the tables. */
    private void rawSearch(SearchData search, String user, String password, Path logs) throws Exception {
        Pgbench pgbench = new Pgbench(pg, user, password, DB_SEARCH_RAW, root.resolve("bench/sql"), logs);
        CpuWatch cpu = CpuWatch.during(settings.searchDuration(), CpuWatch.services(Map.of()));
        raw("(s)", pgbench.run("search.sql", settings.searchClients(), settings.searchDuration(),
                search.pgbenchVariables(settings.searchDays())));
        String rawCpu = cpu.report();
        floor("(s)", pgbench.run("search-stay.sql", settings.searchClients(), settings.searchDuration(),
                search.pgbenchVariables(settings.searchDays())));
        Row row = row("(s)");
        row.notes.add("raw reads everything afresh in every transaction, nothing kept: the city's hotels (and their"
                + " ids), room types, the stay's inventory rows, base prices and rules, 6 statements");
        row.notes.add("floor: the stay's reads alone, as if the city's hotels were known (search-stay.sql: the ids,"
                + " inventory rows, base prices, rules, 4 statements)");
        row.notes.add("raw cpu: " + rawCpu);
    }

    private static LocalDate day(Date date) {
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
    }

    // --- checks -----------------------------------------------------------------------------------------------------

    /** Invariants 1 and 2 over every night: nothing above its limit, and total_reserved = active reservations. */
    private static String oversellCheck(Connection db) throws SQLException {
        try (var st = db.createStatement()) {
            ResultSet over = st.executeQuery("SELECT count(*) FROM room_type_inventory"
                    + " WHERE total_reserved > floor(total_inventory * overbooking_ratio)");
            over.next();
            long oversold = over.getLong(1);
            ResultSet drift = st.executeQuery("""
                    SELECT count(*) FROM room_type_inventory i
                    LEFT JOIN LATERAL (
                      SELECT coalesce(sum(r.rooms), 0) AS held FROM reservation r
                       WHERE r.hotel_id = i.hotel_id AND r.room_type_id = i.room_type_id
                         AND r.status IN ('pending', 'paid') AND i.night >= r.start_date AND i.night < r.end_date) a ON true
                    WHERE i.total_reserved <> a.held AND i.total_reserved > 0""");
            drift.next();
            long mismatched = drift.getLong(1);
            ResultSet statuses = st.executeQuery("SELECT count(*) FILTER (WHERE status = 'paid'),"
                    + " count(*) FILTER (WHERE status <> 'paid') FROM reservation");
            statuses.next();
            long unpaid = statuses.getLong(2);
            return (oversold == 0 ? "no night oversold" : oversold + " NIGHTS OVERSOLD")
                    + (mismatched == 0 ? ", totals = reservations" : ", " + mismatched + " NIGHTS MISCOUNTED")
                    + (unpaid == 0 ? ", all " + statuses.getLong(1) + " paid" : ", " + unpaid + " NOT PAID");
        }
    }

    /**
     * What a crowd for the last rooms must end with, besides no oversell: the rooms sold (as the clients heard it and
     * as the inventory counts it), every other guest told sold out or turned away by admission control
     * (resource_exhausted, fine), and no other answer at all (unavailable, deadline_exceeded, internal...).
     */
    private static String lastRoomsCheck(Load.Result ours, Connection db, long hotel, long roomType)
            throws SQLException {
        long booked = ours.count(Load.OK) + ours.count(Load.PENDING);
        long soldOut = ours.count(Load.SOLD_OUT);
        long turnedAway = ours.count(Load.RESOURCE_EXHAUSTED);
        long other = ours.ops() - booked - soldOut - turnedAway;
        return oversellCheck(db) + "; " + booked + " booked (inventory: " + reserved(db, hotel, roomType,
                LAST_ROOMS_DAY) + ") of " + LAST_ROOMS_SELLABLE + " sellable, " + soldOut + " sold out, " + turnedAway
                + " resource_exhausted, " + (other == 0 ? "no other answer" : other + " OTHER ANSWERS");
    }

    private static int reserved(Connection db, long hotel, long roomType, int day) throws SQLException {
        try (var st = db.prepareStatement("SELECT total_reserved FROM room_type_inventory"
                + " WHERE hotel_id = ? AND room_type_id = ? AND night = CURRENT_DATE + ?")) {
            st.setLong(1, hotel);
            st.setLong(2, roomType);
            st.setInt(3, day);
            ResultSet rs = st.executeQuery();
            return rs.next() ? rs.getInt(1) : -1;
        }
    }

    private Connection connect(String database, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return new org.postgresql.Driver().connect("jdbc:postgresql://" + pg + "/" + database, props);
    }

    // --- report -----------------------------------------------------------------------------------------------------

    private static final class Row {
        final String scenario;
        final Load.Result ours;
        final String check;
        Load.Result raw;
        /**
         * The four commits of a paid booking in SQL: what (a), (e) and (b) do without the network; for (s), the stay's
         * reads without the catalog's.
         */
        Load.Result floor;
        /** For a scenario through the edge: the same scenario over gRPC straight to the services. */
        Row grpc;
        /** Printed under the figures. */
        final List<String> notes = new ArrayList<>();
        /** Ratios from the OK answers alone: a failed search is no search (a booking's "sold out" is an answer). */
        boolean okOnly;

        Row(String scenario, Load.Result ours, String check) {
            this.scenario = scenario;
            this.ours = ours;
            this.check = check;
        }
    }

    private Row add(String scenario, Load.Result ours, String check) {
        Row row = new Row(scenario, ours, check);
        rows.add(row);
        System.out.println("  done: " + scenario);
        return row;
    }

    /** The row whose scenario starts with this prefix, e.g. "(a)" (not "(a-edge)"). */
    private Row row(String scenarioPrefix) {
        return rows.stream().filter(r -> r.scenario.startsWith(scenarioPrefix)).findFirst().orElseThrow();
    }

    private void floor(String scenarioPrefix, Load.Result floor) {
        row(scenarioPrefix).floor = floor;
        System.out.println("  done: floor " + scenarioPrefix);
    }

    /**
     * payment-svc's payment table and its index, exactly as its first migration creates them, as {@code bench_payment}
     * in the bench's reservation database: the floor commits payment-svc's writes on the real definition.
     */
    private void createPaymentTable(Path migration, String user, String password) throws Exception {
        String sql = Files.readString(migration);
        Matcher table = Pattern.compile("CREATE TABLE payment \\(.*?\\n\\);", Pattern.DOTALL).matcher(sql);
        Matcher index = Pattern.compile("CREATE INDEX payment_processing ON payment [^;]*;").matcher(sql);
        if (!table.find() || !index.find()) {
            throw new IllegalStateException(migration + " no longer creates the payment table the floor copies");
        }
        try (Connection db = connect(DB_RESERVATION, user, password); var st = db.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_payment");
            st.execute(table.group().replaceFirst("CREATE TABLE payment ", "CREATE TABLE bench_payment "));
            st.execute(index.group().replaceFirst("payment_processing ON payment ",
                    "bench_payment_processing ON bench_payment "));
        }
    }

    /** The hot night's raw room type back to nothing sold, so the floor books the same rooms as hot.sql did. */
    private void resetRawHotNight(Catalog catalog, String user, String password) throws SQLException {
        try (Connection db = connect(DB_RESERVATION, user, password); var st = db.prepareStatement(
                "UPDATE room_type_inventory SET total_reserved = 0 WHERE hotel_id = ? AND room_type_id = ?"
                        + " AND night = CURRENT_DATE + ?")) {
            st.setLong(1, catalog.rawHotHotel());
            st.setLong(2, catalog.rawHotRt());
            st.setInt(3, HOT_DAY);
            st.executeUpdate();
        }
    }

    private void raw(String scenarioPrefix, Load.Result raw) {
        row(scenarioPrefix).raw = raw;
        System.out.println("  done: raw SQL " + scenarioPrefix);
    }

    private void print() {
        int width = Math.max(36, rows.stream().mapToInt(r -> r.scenario.length()).max().orElse(0));
        System.out.println();
        System.out.println("cpu hog: " + hogDescription());
        System.out.printf("%-" + width + "s %-5s %7s %8s %9s %8s %8s %8s  %s%n", "scenario", "who", "clients", "ops",
                "ops/s", "p50 ms", "p95 ms", "p99 ms", "outcomes");
        for (Row row : rows) {
            line(width, row.scenario, "ours", row.ours);
            double ours = row.okOnly ? okRate(row.ours) : row.ours.rate();
            String okOnly = row.okOnly ? String.format(" (OK answers alone: ours %.1f/s)", ours) : "";
            if (row.grpc != null) {
                note(width, "", String.format("edge/grpc = %.2f%s", ours / (row.okOnly ? okRate(row.grpc.ours)
                        : row.grpc.ours.rate()), okOnly));
            }
            if (row.raw != null) {
                line(width, "", "raw", row.raw);
                note(width, "", String.format("ours/raw = %.2f%s", ours / row.raw.rate(), okOnly));
            }
            if (row.floor != null) {
                line(width, "", "floor", row.floor);
                note(width, "", String.format("ours/floor = %.2f%s", ours / row.floor.rate(), okOnly));
            }
            row.notes.forEach(text -> note(width, "", text));
            note(width, "check", row.check);
        }
    }

    private static double okRate(Load.Result r) {
        return r.count(Load.OK) / (r.elapsedNanos() / 1e9);
    }

    private static void line(int width, String scenario, String who, Load.Result r) {
        System.out.printf("%-" + width + "s %-5s %7d %8d %9.1f %8.2f %8.2f %8.2f  %s%n", scenario, who, r.clients(),
                r.ops(), r.rate(), r.percentile(50), r.percentile(95), r.percentile(99), r.summary());
    }

    private static void note(int width, String who, String text) {
        System.out.printf("%-" + width + "s %-5s %s%n", "", who, text);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** A service's identity (its workload token) and, unless --plaintext, its TLS certificate of the bench's CA. */
    private Map<String, String> identity(Path keys, String service) {
        Map<String, String> config = new HashMap<>(DevTokens.serviceIdentity(keys, service));
        if (settings.plaintext()) {
            config.put("hotelmesh.tls.plaintext", "true");
        } else {
            config.putAll(DevCertificates.serviceTls(keys.resolve("tls"), service));
        }
        return config;
    }

    private List<ManagedChannel> channels(int port, int count, ClientInterceptor credentials) {
        List<ManagedChannel> channels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            channels.add((settings.plaintext()
                    ? ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
                    : GrpcChannels.tls("127.0.0.1", port, tlsCa)).intercept(credentials).build());
        }
        return channels;
    }

    /** --cpu-hog: one busy process per core while (b), (b2) and (b3) run. */
    private int hogProcesses() {
        return settings.cpuHog() ? Runtime.getRuntime().availableProcessors() : 0;
    }

    private String hogDescription() {
        return settings.cpuHog() ? hogProcesses() + " busy processes during (b), (b2) and (b3)" : "off";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
