package org.hotelmesh.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The stay search's data (scenario (s)): a chain of {@code hotels} hotels (5,000 by default: the source documents'
 * chain) in {@code cities} cities, written straight into the services' tables with generate_series, never through
 * the APIs. Four cities are big (6% of the hotels each), the rest share the others; a city's hotels are scattered over
 * the ids, as hotels added over the years are. Every hotel has 3 room types (Standard for 2, Superior for 3, Family for
 * 4) of 60 to 70 rooms each, 0 to 2 of them out of service (some 975,000 rooms for 5,000 hotels), and for each night of
 * [today, today + nights): an inventory row (8% of them sold out, the rest between empty and 94% full, 2% with 5
 * rooms in maintenance) and a base price (3% of them missing: that night is not sellable). 30% of the hotels have
 * occupancy pricing rules of their own, a tenth a rule of their Family rooms; the rest take rate-svc's defaults.
 * <p>
 * Every value is a hash of the row's key (PostgreSQL's hashint8), so the same statements write the same rows into the
 * services' databases and into the raw floor's copy of the tables. Ids start at {@link #HOTEL_BASE} and friends: ids
 * no service has seen, so no cache (hotel-svc's Redis copy of hotels, reservation-svc's availability cache, rate-svc's
 * search copies) can hold anything older about them.
 */
final class SearchData {

    /** Hotel k has id HOTEL_BASE + k; its room type t (0..2) ROOM_TYPE_BASE + 3k + t. */
    static final long HOTEL_BASE = 1_000_000;
    static final long ROOM_TYPE_BASE = 1_000_000;
    /** Room j of room type r = ROOM_TYPE_BASE + i has id ROOM_BASE + 100 i + j. */
    static final long ROOM_BASE = 1_000_000;
    static final String CITY_PREFIX = "Bench City ";
    /** Share of the hotels in each of the 4 big cities, in percent. */
    private static final int BIG_CITIES = 4;
    private static final int BIG_CITY_PERCENT = 6;
    /** Every city's country, time zone and currency: city c is in COUNTRIES[(c - 1) mod 20]. */
    private static final String[][] COUNTRIES = {
            {"FR", "Europe/Paris", "EUR"}, {"DE", "Europe/Berlin", "EUR"}, {"IT", "Europe/Rome", "EUR"},
            {"ES", "Europe/Madrid", "EUR"}, {"GB", "Europe/London", "GBP"}, {"US", "America/New_York", "USD"},
            {"NL", "Europe/Amsterdam", "EUR"}, {"PT", "Europe/Lisbon", "EUR"}, {"CH", "Europe/Zurich", "CHF"},
            {"AT", "Europe/Vienna", "EUR"}, {"SE", "Europe/Stockholm", "SEK"}, {"NO", "Europe/Oslo", "NOK"},
            {"DK", "Europe/Copenhagen", "DKK"}, {"PL", "Europe/Warsaw", "PLN"}, {"CZ", "Europe/Prague", "CZK"},
            {"JP", "Asia/Tokyo", "JPY"}, {"KR", "Asia/Seoul", "KRW"}, {"SG", "Asia/Singapore", "SGD"},
            {"AU", "Australia/Sydney", "AUD"}, {"CA", "America/Toronto", "CAD"}};

    private final int hotels;
    private final int cities;
    private final int nights;
    private final LocalDate today;

    /** {@code nights}: the inventory and prices cover [today, today + nights). */
    SearchData(int hotels, int cities, int nights, LocalDate today) {
        if (hotels < 1 || hotels > 1_000_000 || cities < 1 || cities > hotels || nights < 1 || nights > 1000) {
            throw new IllegalArgumentException("search data: 1..1,000,000 hotels in 1..hotels cities, 1..1000 nights");
        }
        this.hotels = hotels;
        this.cities = cities;
        this.nights = nights;
        this.today = today;
    }

    /** The name of city c (1..cities), as the hotels spell it. */
    static String city(int c) {
        return CITY_PREFIX + c;
    }

    int hotels() {
        return hotels;
    }

    int cities() {
        return cities;
    }

    /** How many hotels city c has (from the same formula the SQL uses). */
    int hotelsIn(int c) {
        int count = 0;
        for (long k = 0; k < hotels; k++) {
            if (cityOf(k) == c) {
                count++;
            }
        }
        return count;
    }

    /** A city with the fewest hotels. */
    int smallestCity() {
        int best = 1;
        for (int c = 1; c <= cities; c++) {
            best = hotelsIn(c) < hotelsIn(best) ? c : best;
        }
        return best;
    }

    /** A city with the most hotels. */
    int biggestCity() {
        int best = 1;
        for (int c = 1; c <= cities; c++) {
            best = hotelsIn(c) > hotelsIn(best) ? c : best;
        }
        return best;
    }

    private int bigCities() {
        return cities >= 10 ? BIG_CITIES : 0;
    }

    private long bigSize() {
        return bigCities() == 0 ? 0 : Math.max(1, (long) hotels * BIG_CITY_PERCENT / 100);
    }

    /** A multiplier coprime with the number of hotels: k -> k * m mod hotels scatters a city's hotels over the ids. */
    private long scatter() {
        long m = 7919;
        while (gcd(m, hotels) != 1) {
            m += 2;
        }
        return m;
    }

    private int cityOf(long k) {
        long s = k * scatter() % hotels;
        long bigEnd = bigCities() * bigSize();
        return (int) (s < bigEnd ? 1 + s / bigSize() : 1 + bigCities() + (s - bigEnd) % (cities - bigCities()));
    }

    /** The SQL of {@link #cityOf}: the city number of hotel k (a bigint column or expression). */
    private String cityExpr(String k) {
        long bigEnd = bigCities() * bigSize();
        String s = "(" + k + " * " + scatter() + " % " + hotels + ")";
        return bigCities() == 0 ? "(1 + " + s + " % " + cities + ")"
                : "(CASE WHEN " + s + " < " + bigEnd + " THEN 1 + " + s + " / " + bigSize() + " ELSE 1 + "
                + bigCities() + " + (" + s + " - " + bigEnd + ") % " + (cities - bigCities()) + " END)";
    }

    // --- what each service's database gets --------------------------------------------------------------------------

    /** hotel-svc's: hotel, room_type, room; the ids' sequences moved past them. */
    List<String> catalog() {
        return List.of(fill("""
                INSERT INTO hotel (id, name, address_line1, city, postal_code, country, time_zone, star_rating,
                                   description, contact_email, version, off_sale)
                SELECT {hb} + k, 'Search hotel ' || k, (1 + k % 400) || ' Market Street', '{prefix}' || c,
                       (10000 + k % 90000)::text, ({countries})[1 + (c - 1) % 20], ({zones})[1 + (c - 1) % 20],
                       1 + {h:k * 8 + 1} % 5, 'A hotel of the search benchmark.', 'desk' || k || '@bench.example', 1,
                       {h:k * 8 + 2} % 100 = 0
                  FROM (SELECT k, {city} AS c FROM generate_series(0::bigint, {hotels} - 1) k) x"""),
                fill("""
                INSERT INTO room_type (id, hotel_id, name, max_occupancy, bed_configuration, amenities)
                SELECT {rtb} + 3 * k + t, {hb} + k, (ARRAY['Standard', 'Superior', 'Family'])[t + 1],
                       (ARRAY[2, 3, 4])[t + 1], (ARRAY['1 queen', '1 king and a sofa bed', '2 doubles'])[t + 1],
                       CASE t WHEN 0 THEN '{wifi}'::text[] WHEN 1 THEN '{wifi,minibar}'::text[]
                              ELSE '{wifi,minibar,kitchenette}'::text[] END
                  FROM generate_series(0::bigint, {hotels} - 1) k, generate_series(0, 2) t"""),
                fill("""
                INSERT INTO room (id, hotel_id, room_type_id, number, floor, in_service)
                SELECT {rb} + 100 * (rt - {rtb}) + j, hotel, rt, ((t + 1) * 1000 + j)::text, 1 + t * 4 + j / 20,
                       j < rooms - out_of_service
                  FROM (SELECT {hb} + k AS hotel, t, {rtb} + 3 * k + t AS rt
                          FROM generate_series(0::bigint, {hotels} - 1) k, generate_series(0, 2) t) r
                 CROSS JOIN LATERAL (SELECT {rooms} AS rooms, {oos} AS out_of_service) n
                 CROSS JOIN LATERAL generate_series(0, n.rooms - 1) j"""),
                "SELECT setval(pg_get_serial_sequence('hotel', 'id'), (SELECT max(id) FROM hotel))",
                "SELECT setval(pg_get_serial_sequence('room_type', 'id'), (SELECT max(id) FROM room_type))",
                "SELECT setval(pg_get_serial_sequence('room', 'id'), (SELECT max(id) FROM room))",
                "VACUUM (ANALYZE) hotel, room_type, room");
    }

    /**
     * reservation-svc's: each room type's capacity (its rooms in service, as hotel-svc would report them) and the
     * inventory rows of the nights.
     */
    List<String> inventory() {
        return List.of(fill("""
                INSERT INTO room_type_capacity (hotel_id, room_type_id, rooms_in_service, catalog_version)
                SELECT hotel, rt, {inService}, 1
                  FROM (SELECT {hb} + k AS hotel, {rtb} + 3 * k + t AS rt
                          FROM generate_series(0::bigint, {hotels} - 1) k, generate_series(0, 2) t) r"""),
                fill("""
                INSERT INTO room_type_inventory (hotel_id, room_type_id, night, rooms_in_service, maintenance,
                                                 total_reserved, overbooking_ratio)
                SELECT hotel, rt, DATE '{today}' + d, in_service, maintenance,
                       CASE WHEN {h:(rt * 1000 + d) * 8 + 1} % 100 < 8 THEN sellable
                            ELSE sellable * ({h:(rt * 1000 + d) * 8 + 2} % 95) / 100 END,
                       1.10
                  FROM (SELECT {hb} + k AS hotel, {rtb} + 3 * k + t AS rt
                          FROM generate_series(0::bigint, {hotels} - 1) k, generate_series(0, 2) t) r
                 CROSS JOIN generate_series(0, {nights} - 1) d
                 CROSS JOIN LATERAL (SELECT {inService} AS in_service,
                                            CASE WHEN {h:(rt * 1000 + d) * 8 + 3} % 100 < 2 THEN 5 ELSE 0 END
                                                AS maintenance) n
                 CROSS JOIN LATERAL (SELECT floor(greatest(in_service - maintenance, 0) * 1.10)::int AS sellable) s"""),
                "VACUUM (ANALYZE) room_type_capacity, room_type_inventory");
    }

    /** rate-svc's: each hotel's currency, the base prices of the nights, and some hotels' pricing rules. */
    List<String> rates() {
        return List.of(fill("""
                INSERT INTO hotel_currency (hotel_id, currency)
                SELECT {hb} + k, ({currencies})[1 + ({city} - 1) % 20]
                  FROM generate_series(0::bigint, {hotels} - 1) k"""),
                fill("""
                INSERT INTO room_type_rate (hotel_id, room_type_id, date, base_price_minor, currency)
                SELECT {hb} + k, rt, DATE '{today}' + d,
                       (8000 + {h:k * 8 + 3} % 20 * 1000) * (ARRAY[100, 130, 165])[t + 1] / 100
                           + {h:(rt * 1000 + d) * 8 + 4} % 5 * 500,
                       currency
                  FROM (SELECT k, t, {rtb} + 3 * k + t AS rt, ({currencies})[1 + ({city} - 1) % 20] AS currency
                          FROM generate_series(0::bigint, {hotels} - 1) k, generate_series(0, 2) t) r
                 CROSS JOIN generate_series(0, {nights} - 1) d
                 WHERE {h:(rt * 1000 + d) * 8 + 5} % 100 >= 3"""),
                fill("""
                INSERT INTO pricing_rule (hotel_id, room_type_id, floor_minor, ceiling_minor)
                SELECT {hb} + k, 0, 6000, 60000 FROM generate_series(0::bigint, {hotels} - 1) k
                 WHERE {h:k * 8 + 4} % 10 < 3
                UNION ALL
                SELECT {hb} + k, {rtb} + 3 * k + 2, 0, 0 FROM generate_series(0::bigint, {hotels} - 1) k
                 WHERE {h:k * 8 + 5} % 10 = 0"""),
                fill("""
                INSERT INTO pricing_threshold (hotel_id, room_type_id, min_occupancy, multiplier, surcharge_minor)
                SELECT r.hotel_id, r.room_type_id, o.min_occupancy, o.multiplier, o.surcharge_minor
                  FROM pricing_rule r,
                       (VALUES (0.60, 1.05, 0), (0.80, 1.20, 0), (0.95, 1.40, 1000))
                           o (min_occupancy, multiplier, surcharge_minor)
                 WHERE r.hotel_id BETWEEN {hb} AND {hb} + {hotels} - 1"""),
                "VACUUM (ANALYZE) hotel_currency, room_type_rate, pricing_rule, pricing_threshold");
    }

    /** Runs the statements on the connection (autocommit: VACUUM cannot run in a transaction). */
    static void execute(Connection db, List<String> statements) throws SQLException {
        db.setAutoCommit(true);
        try (Statement st = db.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /**
     * The raw floor's database: the tables of hotel-svc, reservation-svc and rate-svc exactly as the Flyway migrations
     * packaged with the services the bench runs define them (no two services share a table name), each service's
     * migrations in version order. Read from the packaged jars, not the sources, so the floor has the services' schema
     * even when the sources have moved on since the last build.
     */
    static void createRawTables(Connection db, Path root) throws IOException, SQLException {
        db.setAutoCommit(true);
        for (String service : List.of("hotel-svc", "reservation-svc", "rate-svc")) {
            Path app = root.resolve(service).resolve("target/quarkus-app/app");
            List<Path> jars;
            try (Stream<Path> files = Files.list(app)) {
                jars = files.filter(f -> f.getFileName().toString().startsWith(service)
                        && f.getFileName().toString().endsWith(".jar")).toList();
            }
            if (jars.size() != 1) {
                throw new IllegalStateException("expected one " + service + " jar in " + app + ", found " + jars);
            }
            try (JarFile jar = new JarFile(jars.get(0).toFile()); Statement st = db.createStatement()) {
                List<JarEntry> migrations = jar.stream()
                        .filter(e -> MIGRATION.matcher(e.getName()).matches())
                        .sorted(Comparator.comparingInt(SearchData::version)).toList();
                if (migrations.isEmpty()) {
                    throw new IllegalStateException("no migrations in " + jars.get(0));
                }
                for (JarEntry migration : migrations) {
                    try (InputStream in = jar.getInputStream(migration)) {
                        st.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    } catch (SQLException e) {
                        throw new IllegalStateException("the raw floor's copy of " + service + "'s "
                                + migration.getName() + ": " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    private static final Pattern MIGRATION = Pattern.compile("db/migration/V(\\d+)__[^/]*\\.sql");

    private static int version(JarEntry migration) {
        Matcher m = MIGRATION.matcher(migration.getName());
        if (!m.matches()) {
            throw new IllegalArgumentException(migration.getName());
        }
        return Integer.parseInt(m.group(1));
    }

    // --- the statements' text ---------------------------------------------------------------------------------------

    private static final Pattern HASH = Pattern.compile("\\{h:([^}]*)}");

    /** Fills {hb}, {hotels}... and turns {h:EXPR} into a non-negative hash of the bigint EXPR. */
    private String fill(String sql) {
        String rooms = "(60 + " + hash("rt * 8 + 6") + " % 11)";
        String outOfService = "(" + hash("rt * 8 + 7") + " % 3)";
        String filled = sql
                .replace("{inService}", "(" + rooms + " - " + outOfService + ")")
                .replace("{rooms}", rooms)
                .replace("{oos}", outOfService)
                .replace("{city}", cityExpr("k"))
                .replace("{hb}", String.valueOf(HOTEL_BASE))
                .replace("{rtb}", String.valueOf(ROOM_TYPE_BASE))
                .replace("{rb}", String.valueOf(ROOM_BASE))
                .replace("{hotels}", String.valueOf(hotels))
                .replace("{nights}", String.valueOf(nights))
                .replace("{today}", today.toString())
                .replace("{prefix}", CITY_PREFIX)
                .replace("{countries}", array(0))
                .replace("{zones}", array(1))
                .replace("{currencies}", array(2));
        Matcher m = HASH.matcher(filled);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(hash(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String hash(String expr) {
        return "(hashint8((" + expr + ")::bigint) & 2147483647)";
    }

    private static String array(int column) {
        StringBuilder sb = new StringBuilder("ARRAY[");
        for (int i = 0; i < COUNTRIES.length; i++) {
            sb.append(i == 0 ? "" : ", ").append('\'').append(COUNTRIES[i][column]).append('\'');
        }
        return sb.append(']').toString();
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** For the printed header: hotels, cities and their sizes. */
    String describe() {
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int c = 1; c <= cities; c++) {
            int n = hotelsIn(c);
            smallest = Math.min(smallest, n);
            largest = Math.max(largest, n);
        }
        return String.format("%,d hotels in %d cities (%d to %d hotels each), 3 room types of 60-70 rooms per hotel,"
                + " %d nights of inventory and base prices from %s", hotels, cities, smallest, largest, nights, today);
    }

    Map<String, String> pgbenchVariables(int days) {
        return Map.of("cities", String.valueOf(cities), "days", String.valueOf(days), "today", today.toString());
    }
}
