package org.hotelmesh.devtools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the demo catalog through the public REST edge, as a chain administrator would: a few dozen hotels, each with
 * three room types, their rooms and their base prices in the local currency. Does nothing when the catalog already
 * has hotels.
 *
 * <pre>java -cp ... org.hotelmesh.devtools.DemoData EDGE_URL ADMIN_TOKEN</pre>
 */
public final class DemoData {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(\\d+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"totalSize\"\\s*:\\s*(\\d+)");

    /** {@code standardRate}: a standard room's weekday base price, in minor units of {@code currency}. */
    private record City(String name, String country, String zone, String postalCode, String currency,
                        long standardRate) {
    }

    /** {@code rateFactor}: the room type's base price relative to the city's standard rate. */
    private record RoomTypeSpec(String name, String description, int maxOccupancy, String beds, List<String> amenities,
                                int rooms, double rateFactor) {
    }

    /** Base prices are set for this many nights from today, weekends 20% dearer. */
    private static final int PRICED_NIGHTS = 400;
    private static final int MAX_NIGHTS_PER_CALL = 366;

    private static final List<City> CITIES = List.of(
            new City("Seoul", "KR", "Asia/Seoul", "04524", "KRW", 150000),
            new City("Busan", "KR", "Asia/Seoul", "48058", "KRW", 120000),
            new City("Jeju", "KR", "Asia/Seoul", "63122", "KRW", 130000),
            new City("Tokyo", "JP", "Asia/Tokyo", "100-0005", "JPY", 21000),
            new City("Osaka", "JP", "Asia/Tokyo", "530-0001", "JPY", 17000),
            new City("Singapore", "SG", "Asia/Singapore", "018956", "SGD", 24000),
            new City("Bangkok", "TH", "Asia/Bangkok", "10330", "THB", 320000),
            new City("Sydney", "AU", "Australia/Sydney", "2000", "AUD", 26000),
            new City("Paris", "FR", "Europe/Paris", "75001", "EUR", 18000),
            new City("Berlin", "DE", "Europe/Berlin", "10117", "EUR", 13000),
            new City("Lisbon", "PT", "Europe/Lisbon", "1100-148", "EUR", 11000),
            new City("New York", "US", "America/New_York", "10019", "USD", 26000));

    private static final List<String> BRANDS = List.of("Harbor View", "Grand Central");

    private static final List<RoomTypeSpec> ROOM_TYPES = List.of(
            new RoomTypeSpec("Standard Queen", "A quiet room with a queen bed and a work desk.", 2, "1 queen",
                    List.of("wifi", "air conditioning", "tea and coffee"), 6, 1.0),
            new RoomTypeSpec("Deluxe King", "A corner room with a king bed and a city view.", 2, "1 king",
                    List.of("wifi", "air conditioning", "minibar", "bathtub"), 4, 1.5),
            new RoomTypeSpec("Family Suite", "Two bedrooms and a living room for families.", 5, "1 king, 2 single",
                    List.of("wifi", "air conditioning", "minibar", "kitchenette", "sofa bed"), 2, 2.2));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String edge;
    private final String token;

    private DemoData(String edge, String token) {
        this.edge = edge.endsWith("/") ? edge.substring(0, edge.length() - 1) : edge;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DemoData EDGE_URL ADMIN_TOKEN");
            System.exit(2);
        }
        new DemoData(args[0], args[1]).load();
    }

    private void load() throws IOException, InterruptedException {
        String existing = send("GET", "/v1/hotels?pageSize=1", null, 200);
        Matcher total = TOTAL.matcher(existing);
        if (total.find() && Long.parseLong(total.group(1)) > 0) {
            System.out.println("demo data: the catalog already has " + total.group(1) + " hotels; nothing loaded");
            return;
        }
        int hotels = 0;
        int rooms = 0;
        for (String brand : BRANDS) {
            for (City city : CITIES) {
                String hotelId = createHotel(brand, city);
                hotels++;
                int floor = 2;
                for (RoomTypeSpec type : ROOM_TYPES) {
                    String roomTypeId = id(send("POST", "/v1/hotels/" + hotelId + "/room-types", roomTypeJson(type), 201));
                    setBaseRates(hotelId, roomTypeId, city, type);
                    for (int i = 1; i <= type.rooms(); i++) {
                        String number = floor + String.format("%02d", i);
                        send("POST", "/v1/hotels/" + hotelId + "/rooms",
                                "{\"number\":\"" + number + "\",\"floor\":" + floor + ",\"roomTypeID\":\"" + roomTypeId
                                        + "\",\"inService\":true}", 201);
                        rooms++;
                    }
                    floor++;
                }
            }
        }
        System.out.println("demo data: loaded " + hotels + " hotels, " + hotels * ROOM_TYPES.size()
                + " room types and " + rooms + " rooms, with base prices for the next " + PRICED_NIGHTS + " nights");
    }

    private String createHotel(String brand, City city) throws IOException, InterruptedException {
        String name = brand + " " + city.name();
        String slug = (brand + "-" + city.name()).toLowerCase().replace(' ', '-');
        String body = "{\"name\":" + DevTokens.json(name)
                + ",\"address\":{\"line1\":" + DevTokens.json((10 + name.length()) + " Main Street")
                + ",\"city\":" + DevTokens.json(city.name())
                + ",\"postalCode\":" + DevTokens.json(city.postalCode())
                + ",\"country\":\"" + city.country() + "\"}"
                + ",\"timeZone\":\"" + city.zone() + "\""
                + ",\"starRating\":" + (brand.startsWith("Grand") ? 5 : 4)
                + ",\"description\":" + DevTokens.json("The " + name + " is a demo hotel of the chain in " + city.name() + ".")
                + ",\"contact\":{\"email\":\"" + slug + "@hotels.example\",\"phone\":\"+1 555 0100\"}}";
        return id(send("POST", "/v1/hotels", body, 201));
    }

    /** Weekday and weekend (Friday, Saturday) base prices for the next {@link #PRICED_NIGHTS} nights. */
    private void setBaseRates(String hotelId, String roomTypeId, City city, RoomTypeSpec type)
            throws IOException, InterruptedException {
        long weekday = Math.round(city.standardRate() * type.rateFactor());
        long weekend = Math.round(weekday * 1.2);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int offset = 0; offset < PRICED_NIGHTS; offset += MAX_NIGHTS_PER_CALL) {
            LocalDate start = today.plusDays(offset);
            LocalDate end = today.plusDays(Math.min(PRICED_NIGHTS, offset + MAX_NIGHTS_PER_CALL));
            String path = "/v1/hotels/" + hotelId + "/room-types/" + roomTypeId + "/base-rates";
            String range = "{\"startDate\":\"" + start + "\",\"endDate\":\"" + end + "\",\"currency\":\""
                    + city.currency() + "\"";
            send("PUT", path, range + ",\"amount\":" + weekday + "}", 200);
            send("PUT", path, range + ",\"amount\":" + weekend + ",\"daysOfWeek\":[\"FRIDAY\",\"SATURDAY\"]}", 200);
        }
    }

    private static String roomTypeJson(RoomTypeSpec type) {
        StringBuilder amenities = new StringBuilder("[");
        for (String amenity : type.amenities()) {
            amenities.append(amenities.length() > 1 ? "," : "").append(DevTokens.json(amenity));
        }
        amenities.append("]");
        return "{\"name\":" + DevTokens.json(type.name()) + ",\"description\":" + DevTokens.json(type.description())
                + ",\"maxOccupancy\":" + type.maxOccupancy() + ",\"bedConfiguration\":" + DevTokens.json(type.beds())
                + ",\"amenities\":" + amenities + "}";
    }

    private static String id(String json) {
        Matcher matcher = ID.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in the edge's answer: " + json);
        }
        return matcher.group(1);
    }

    /** Sends one request, waiting out a rate limit (429 + Retry-After) rather than failing the load. */
    private String send(String method, String path, String body, int expected) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(edge + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == expected) {
                return response.body();
            }
            if (response.statusCode() == 429 && attempt < 10) {
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Duration.ofSeconds(Math.max(1, wait)).toMillis());
                continue;
            }
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
