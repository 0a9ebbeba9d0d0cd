package org.hotelmesh.edge;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hotelmesh.devtools.DevTokens;
import org.hotelmesh.edge.api.AddressDto;
import org.hotelmesh.edge.api.ContactDto;
import org.hotelmesh.edge.api.HotelDto;
import org.hotelmesh.edge.api.RoomDto;
import org.hotelmesh.edge.api.RoomTypeDto;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Test data and tokens shared by the edge tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static final String HOTEL_JSON = """
            {"name":"Grand Seoul",
             "address":{"line1":"1 Sejong-daero","line2":null,"city":"Seoul","postalCode":"04524","country":"KR"},
             "timeZone":"Asia/Seoul","starRating":5,"description":"By the palace",
             "contact":{"email":"front@grand.example","phone":"+82 2 123 4567"}}""";

    public static final String ROOM_TYPE_JSON = """
            {"name":"Deluxe King","description":"City view","maxOccupancy":2,"bedConfiguration":"1 king",
             "amenities":["wifi","minibar"]}""";

    public static final String ROOM_JSON = """
            {"number":"1205","floor":12,"roomTypeID":"12","inService":true}""";

    public static HotelDto hotel(long id) {
        return new HotelDto(String.valueOf(id), "Grand Seoul",
                new AddressDto("1 Sejong-daero", null, "Seoul", "04524", "KR"),
                "Asia/Seoul", 5, "By the palace", new ContactDto("front@grand.example", "+82 2 123 4567"),
                3, "2026-11-22T10:00:00Z", "2026-11-22T11:00:00Z", false, null);
    }

    public static RoomTypeDto roomType(long hotelId, long id) {
        return new RoomTypeDto(String.valueOf(id), String.valueOf(hotelId), "Deluxe King", "City view", 2, "1 king",
                List.of("wifi", "minibar"), 10, 9);
    }

    public static RoomDto room(long hotelId, long id) {
        return new RoomDto(String.valueOf(id), String.valueOf(hotelId), "12", "1205", 12, true);
    }

    public static <T> Uni<T> ok(T value) {
        return Uni.createFrom().item(value);
    }

    public static <T> Uni<Optional<T>> found(T value) {
        return Uni.createFrom().item(Optional.of(value));
    }

    public static <T> Uni<T> failed(Throwable t) {
        return Uni.createFrom().failure(t);
    }

    public static Path privateKey() {
        return Path.of(ConfigProvider.getConfig().getValue("hotelmesh.test.jwt.private-key", String.class));
    }

    public static String bearer(String subject, List<String> groups, List<Long> hotels) {
        return "Bearer " + DevTokens.mint(privateKey(), "hotelmesh", subject, groups, hotels, Duration.ofMinutes(10));
    }

    public static String admin() {
        return bearer("admin-1", List.of("admin"), List.of());
    }

    public static String guest() {
        return bearer("guest-1", List.of("guest"), List.of());
    }

    public static String staffOf(long... hotelIds) {
        return bearer("staff-" + hotelIds[0], List.of("staff"), java.util.Arrays.stream(hotelIds).boxed().toList());
    }
}
