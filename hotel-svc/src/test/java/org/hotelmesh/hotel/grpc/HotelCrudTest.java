package org.hotelmesh.hotel.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertInvalid;
import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.hotel.grpc.Fixtures.createHotel;
import static org.hotelmesh.hotel.grpc.Fixtures.createRoom;
import static org.hotelmesh.hotel.grpc.Fixtures.createRoomType;
import static org.hotelmesh.hotel.grpc.Fixtures.hotelInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.common.v1.PageRequest;
import org.hotelmesh.proto.hotel.v1.Address;
import org.hotelmesh.proto.hotel.v1.Contact;
import org.hotelmesh.proto.hotel.v1.CreateHotelRequest;
import org.hotelmesh.proto.hotel.v1.DeleteHotelRequest;
import org.hotelmesh.proto.hotel.v1.GetHotelRequest;
import org.hotelmesh.proto.hotel.v1.GetHotelResponse;
import org.hotelmesh.proto.hotel.v1.GetRoomRequest;
import org.hotelmesh.proto.hotel.v1.Hotel;
import org.hotelmesh.proto.hotel.v1.HotelInput;
import org.hotelmesh.proto.hotel.v1.HotelServiceGrpc.HotelServiceBlockingStub;
import org.hotelmesh.proto.hotel.v1.ListHotelsRequest;
import org.hotelmesh.proto.hotel.v1.ListHotelsResponse;
import org.hotelmesh.proto.hotel.v1.Room;
import org.hotelmesh.proto.hotel.v1.RoomType;
import org.hotelmesh.proto.hotel.v1.UpdateHotelRequest;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "hotel_test"), @ResourceArg(name = "redisDatabase", value = "1") })
class HotelCrudTest extends HotelTestBase {

    @GrpcClient("hotel")
    HotelServiceBlockingStub hotels;

    @Inject
    AgroalDataSource db;

    @Test
    void createdHotelIsReturnedWithAllFieldsAndVersionOne() {
        HotelInput input = hotelInput("Grand Seoul", "Seoul", "KR");
        Hotel created = hotels.createHotel(CreateHotelRequest.newBuilder().setHotel(input).build()).getHotel();

        assertTrue(created.getId() > 0);
        assertEquals(input, created.getDetails());
        assertEquals(1, created.getVersion());
        assertEquals(created.getCreatedAt(), created.getUpdatedAt());
        Instant.parse(created.getCreatedAt());

        GetHotelResponse got = hotels.getHotel(GetHotelRequest.newBuilder().setHotelId(created.getId()).build());
        assertEquals(created, got.getHotel());
        assertEquals(0, got.getRoomTypesCount());
    }

    @Test
    void optionalFieldsMayBeLeftEmpty() {
        HotelInput input = HotelInput.newBuilder().setName("Minimal")
                .setAddress(Address.newBuilder().setLine1("Main st 1").setCity("Oslo").setCountry("NO"))
                .setTimeZone("Europe/Oslo").build();
        Hotel created = hotels.createHotel(CreateHotelRequest.newBuilder().setHotel(input).build()).getHotel();

        assertEquals(input, created.getDetails());
        assertEquals(0, created.getDetails().getStarRating());
        assertFalse(created.getDetails().hasContact());
    }

    @Test
    void updateReplacesEveryFieldAndIncrementsVersion() {
        Hotel hotel = createHotel(hotels);
        HotelInput changed = HotelInput.newBuilder().setName("Renamed")
                .setAddress(Address.newBuilder().setLine1("2 Other st").setLine2("Floor 3").setCity("Busan")
                        .setCountry("KR"))
                .setTimeZone("Asia/Tokyo").setStarRating(3)
                .setContact(Contact.newBuilder().setPhone("+81 3 1234 5678")).build();

        Hotel updated = hotels.updateHotel(UpdateHotelRequest.newBuilder().setHotelId(hotel.getId())
                .setHotel(changed).build()).getHotel();

        assertEquals(changed, updated.getDetails());
        assertEquals(2, updated.getVersion());
        assertEquals(hotel.getCreatedAt(), updated.getCreatedAt());
        assertEquals(updated, hotels.getHotel(GetHotelRequest.newBuilder().setHotelId(hotel.getId()).build())
                .getHotel());
    }

    @Test
    void deletedHotelIsGoneEvenAfterItsDetailsWereCached() {
        Hotel hotel = createHotel(hotels);
        hotels.getHotel(GetHotelRequest.newBuilder().setHotelId(hotel.getId()).build());
        hotels.deleteHotel(DeleteHotelRequest.newBuilder().setHotelId(hotel.getId()).build());

        assertStatus(Status.Code.NOT_FOUND, "hotel " + hotel.getId() + " not found",
                () -> hotels.getHotel(GetHotelRequest.newBuilder().setHotelId(hotel.getId()).build()));
        assertStatus(Status.Code.NOT_FOUND, "hotel " + hotel.getId() + " not found",
                () -> hotels.deleteHotel(DeleteHotelRequest.newBuilder().setHotelId(hotel.getId()).build()));
    }

    @Test
    void deletingHotelCascadesToRoomTypesAndRooms() throws Exception {
        Hotel hotel = createHotel(hotels);
        RoomType type = createRoomType(hotels, hotel.getId(), "Deluxe");
        Room room = createRoom(hotels, hotel.getId(), type.getId(), "101", true);
        createRoom(hotels, hotel.getId(), type.getId(), "102", true);
        assertEquals(1, countRows("room_type", hotel.getId()));
        assertEquals(2, countRows("room", hotel.getId()));

        hotels.deleteHotel(DeleteHotelRequest.newBuilder().setHotelId(hotel.getId()).build());

        assertEquals(0, countRows("room_type", hotel.getId()));
        assertEquals(0, countRows("room", hotel.getId()));
        assertStatus(Status.Code.NOT_FOUND, "hotel " + hotel.getId() + " not found",
                () -> hotels.getRoom(GetRoomRequest.newBuilder().setHotelId(hotel.getId()).setRoomId(room.getId())
                        .build()));
    }

    @Test
    void unknownHotelIsNotFoundForGetUpdateAndDelete() {
        long missing = 987_654_321L;
        String message = "hotel " + missing + " not found";
        assertStatus(Status.Code.NOT_FOUND, message,
                () -> hotels.getHotel(GetHotelRequest.newBuilder().setHotelId(missing).build()));
        assertStatus(Status.Code.NOT_FOUND, message, () -> hotels.updateHotel(UpdateHotelRequest.newBuilder()
                .setHotelId(missing).setHotel(hotelInput()).build()));
        assertStatus(Status.Code.NOT_FOUND, message,
                () -> hotels.deleteHotel(DeleteHotelRequest.newBuilder().setHotelId(missing).build()));
    }

    @Test
    void invalidHotelFieldsAreAllReportedAsBadRequest() throws Exception {
        HotelInput bad = HotelInput.newBuilder().setName("   ")
                .setAddress(Address.newBuilder().setLine1("x").setCity("Seoul").setCountry("XX"))
                .setTimeZone("Mars/Olympus").setStarRating(6).setDescription("d".repeat(4001))
                .setContact(Contact.newBuilder().setEmail("not-an-email")).build();

        assertInvalid(() -> hotels.createHotel(CreateHotelRequest.newBuilder().setHotel(bad).build()),
                "name", "address.country", "timeZone", "starRating", "description", "contact.email");
    }

    @Test
    void lowerCaseCountryIsRejectedWithItsFieldName() throws Exception {
        HotelInput bad = hotelInput("Lower", "Seoul", "kr");
        var badRequest = assertInvalid(() -> hotels.createHotel(CreateHotelRequest.newBuilder().setHotel(bad).build()),
                "address.country");
        assertEquals("must be an ISO-3166 alpha-2 code in upper case, e.g. KR",
                badRequest.getFieldViolations(0).getDescription());
    }

    @Test
    void nulCharacterIsAnInvalidArgumentNotAnInternalError() throws Exception {
        HotelInput bad = hotelInput("Nul\u0000Hotel", "Seoul", "KR");
        assertInvalid(() -> hotels.createHotel(CreateHotelRequest.newBuilder().setHotel(bad).build()), "name");
    }

    @Test
    void controlCharactersAndBidiOverridesAreRefusedByTheServiceToo() throws Exception {
        for (String name : new String[] {"Red\u001b[31mHotel", "Bell\u0007", "evil\u202egnp"}) {
            HotelInput bad = hotelInput(name, "Seoul", "KR");
            var badRequest = assertInvalid(() -> hotels.createHotel(CreateHotelRequest.newBuilder().setHotel(bad)
                    .build()), "name");
            assertTrue(badRequest.getFieldViolations(0).getDescription().startsWith("must not contain"));
        }
    }

    @Test
    void nameLongerThan200IsRejectedOnUpdate() throws Exception {
        Hotel hotel = createHotel(hotels);
        HotelInput bad = hotelInput("n".repeat(201), "Seoul", "KR");
        assertInvalid(() -> hotels.updateHotel(UpdateHotelRequest.newBuilder().setHotelId(hotel.getId())
                .setHotel(bad).build()), "name");
    }

    @Test
    void nonPositiveHotelIdIsInvalid() throws Exception {
        assertInvalid(() -> hotels.getHotel(GetHotelRequest.newBuilder().setHotelId(0).build()), "hotelID");
        assertInvalid(() -> hotels.deleteHotel(DeleteHotelRequest.newBuilder().setHotelId(-4).build()), "hotelID");
    }

    @Test
    void listHotelsPagesThroughAFilteredListInIdOrder() {
        String city = "Pagecity-" + UUID.randomUUID();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(hotels.createHotel(CreateHotelRequest.newBuilder()
                    .setHotel(hotelInput("P" + i, city, "FR")).build()).getHotel().getId());
        }
        // another country in the same city must be filtered out
        hotels.createHotel(CreateHotelRequest.newBuilder().setHotel(hotelInput("Other", city, "DE")).build());
        assertEquals(6, hotels.listHotels(ListHotelsRequest.newBuilder().setCity(city).build())
                .getPage().getTotalSize());

        ListHotelsResponse first = listByCity(city.toUpperCase(), "FR", 2, "");
        ListHotelsResponse second = listByCity(city, "FR", 2, first.getPage().getNextPageToken());
        ListHotelsResponse third = listByCity(city, "FR", 2, second.getPage().getNextPageToken());

        assertEquals(ids.subList(0, 2), idsOf(first));
        assertEquals(ids.subList(2, 4), idsOf(second));
        assertEquals(ids.subList(4, 5), idsOf(third));
        assertEquals("", third.getPage().getNextPageToken());
        assertEquals(5, first.getPage().getTotalSize());
        assertEquals(5, second.getPage().getTotalSize());
        assertEquals(5, third.getPage().getTotalSize());
    }

    @Test
    void listHotelsUsesDefaultPageSizeOf20() {
        String city = "Bigcity-" + UUID.randomUUID();
        for (int i = 0; i < 21; i++) {
            hotels.createHotel(CreateHotelRequest.newBuilder().setHotel(hotelInput("B" + i, city, "IT")).build());
        }
        ListHotelsResponse page = listByCity(city, "IT", 0, "");
        assertEquals(20, page.getHotelsCount());
        assertEquals(21, page.getPage().getTotalSize());
        assertEquals(1, listByCity(city, "IT", 0, page.getPage().getNextPageToken()).getHotelsCount());
    }

    @Test
    void malformedPageTokenAndPageSizeAreInvalidArguments() throws Exception {
        assertInvalid(() -> listByCity("Seoul", "KR", 10, "%%%not-base64"), "pageToken");
        assertInvalid(() -> listByCity("Seoul", "KR", 10, "YWJj"), "pageToken"); // base64 of "abc"
        assertInvalid(() -> listByCity("Seoul", "KR", 101, ""), "pageSize");
        assertInvalid(() -> listByCity("Seoul", "KR", -1, ""), "pageSize");
        assertInvalid(() -> hotels.listHotels(ListHotelsRequest.newBuilder().setCountry("ZZ").build()), "country");
    }

    private ListHotelsResponse listByCity(String city, String country, int size, String token) {
        return hotels.listHotels(ListHotelsRequest.newBuilder().setCity(city).setCountry(country)
                .setPage(PageRequest.newBuilder().setPageSize(size).setPageToken(token)).build());
    }

    private static List<Long> idsOf(ListHotelsResponse response) {
        return response.getHotelsList().stream().map(Hotel::getId).toList();
    }

    private long countRows(String table, long hotelId) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from " + table + " where hotel_id = ?")) {
            ps.setLong(1, hotelId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
