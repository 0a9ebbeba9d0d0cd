package org.hotelmesh.hotel.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertInvalid;
import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.hotel.grpc.Fixtures.createHotel;
import static org.hotelmesh.hotel.grpc.Fixtures.createRoom;
import static org.hotelmesh.hotel.grpc.Fixtures.createRoomType;
import static org.hotelmesh.hotel.grpc.Fixtures.roomInput;
import static org.hotelmesh.hotel.grpc.Fixtures.roomTypeInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.common.v1.PageRequest;
import org.hotelmesh.proto.hotel.v1.CreateRoomRequest;
import org.hotelmesh.proto.hotel.v1.CreateRoomTypeRequest;
import org.hotelmesh.proto.hotel.v1.DeleteRoomRequest;
import org.hotelmesh.proto.hotel.v1.DeleteRoomTypeRequest;
import org.hotelmesh.proto.hotel.v1.GetHotelRequest;
import org.hotelmesh.proto.hotel.v1.GetHotelResponse;
import org.hotelmesh.proto.hotel.v1.GetRoomRequest;
import org.hotelmesh.proto.hotel.v1.GetRoomTypeRequest;
import org.hotelmesh.proto.hotel.v1.Hotel;
import org.hotelmesh.proto.hotel.v1.HotelServiceGrpc.HotelServiceBlockingStub;
import org.hotelmesh.proto.hotel.v1.ListRoomTypesRequest;
import org.hotelmesh.proto.hotel.v1.ListRoomTypesResponse;
import org.hotelmesh.proto.hotel.v1.ListRoomsRequest;
import org.hotelmesh.proto.hotel.v1.ListRoomsResponse;
import org.hotelmesh.proto.hotel.v1.Room;
import org.hotelmesh.proto.hotel.v1.RoomInput;
import org.hotelmesh.proto.hotel.v1.RoomType;
import org.hotelmesh.proto.hotel.v1.RoomTypeInput;
import org.hotelmesh.proto.hotel.v1.UpdateRoomRequest;
import org.hotelmesh.proto.hotel.v1.UpdateRoomTypeRequest;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "hotel_test"), @ResourceArg(name = "redisDatabase", value = "1") })
class RoomTypeAndRoomTest extends HotelTestBase {

    @GrpcClient("hotel")
    HotelServiceBlockingStub hotels;

    // ---- room types

    @Test
    void createdRoomTypeCanBeReadUpdatedAndDeleted() {
        long hotelId = createHotel(hotels).getId();
        RoomType created = createRoomType(hotels, hotelId, "Deluxe King");
        assertEquals(hotelId, created.getHotelId());
        assertEquals(roomTypeInput("Deluxe King"), created.getDetails());
        assertEquals(0, created.getRoomCount());

        assertEquals(created, hotels.getRoomType(GetRoomTypeRequest.newBuilder().setHotelId(hotelId)
                .setRoomTypeId(created.getId()).build()).getRoomType());

        RoomTypeInput changed = RoomTypeInput.newBuilder().setName("Family").setMaxOccupancy(4)
                .setBedConfiguration("2 queen").build();
        RoomType updated = hotels.updateRoomType(UpdateRoomTypeRequest.newBuilder().setHotelId(hotelId)
                .setRoomTypeId(created.getId()).setRoomType(changed).build()).getRoomType();
        assertEquals(changed, updated.getDetails());
        assertEquals(0, updated.getDetails().getAmenitiesCount());

        hotels.deleteRoomType(DeleteRoomTypeRequest.newBuilder().setHotelId(hotelId).setRoomTypeId(created.getId())
                .build());
        assertStatus(Status.Code.NOT_FOUND, "room type " + created.getId() + " not found in hotel " + hotelId,
                () -> hotels.getRoomType(GetRoomTypeRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(created.getId()).build()));
    }

    @Test
    void roomTypeOfAnotherHotelIsNotFound() {
        long hotelId = createHotel(hotels).getId();
        long otherHotelId = createHotel(hotels).getId();
        RoomType type = createRoomType(hotels, otherHotelId, "Suite");

        assertStatus(Status.Code.NOT_FOUND, "room type " + type.getId() + " not found in hotel " + hotelId,
                () -> hotels.getRoomType(GetRoomTypeRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(type.getId()).build()));
        assertStatus(Status.Code.NOT_FOUND, "room type " + type.getId() + " not found in hotel " + hotelId,
                () -> hotels.updateRoomType(UpdateRoomTypeRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(type.getId()).setRoomType(roomTypeInput("X")).build()));
        assertStatus(Status.Code.NOT_FOUND, "hotel 999999991 not found",
                () -> hotels.createRoomType(CreateRoomTypeRequest.newBuilder().setHotelId(999_999_991L)
                        .setRoomType(roomTypeInput("X")).build()));
    }

    @Test
    void secondRoomTypeWithSameNameIgnoringCaseIsRejected() {
        long hotelId = createHotel(hotels).getId();
        createRoomType(hotels, hotelId, "Deluxe");
        assertStatus(Status.Code.ALREADY_EXISTS, "room type name 'DELUXE' already exists in hotel " + hotelId,
                () -> createRoomType(hotels, hotelId, "DELUXE"));
        // the same name in another hotel is fine
        createRoomType(hotels, createHotel(hotels).getId(), "Deluxe");
    }

    @Test
    void renamingRoomTypeToAnExistingNameIsRejected() {
        long hotelId = createHotel(hotels).getId();
        createRoomType(hotels, hotelId, "Standard");
        RoomType other = createRoomType(hotels, hotelId, "Superior");
        assertStatus(Status.Code.ALREADY_EXISTS, "room type name 'standard' already exists in hotel " + hotelId,
                () -> hotels.updateRoomType(UpdateRoomTypeRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(other.getId()).setRoomType(roomTypeInput("standard")).build()));
    }

    @Test
    void invalidRoomTypeFieldsAreReported() throws Exception {
        long hotelId = createHotel(hotels).getId();
        List<String> amenities = new ArrayList<>(Collections.nCopies(51, "wifi"));
        RoomTypeInput bad = RoomTypeInput.newBuilder().setName("").setMaxOccupancy(21).setBedConfiguration("1 king")
                .addAllAmenities(amenities).build();
        assertInvalid(() -> hotels.createRoomType(CreateRoomTypeRequest.newBuilder().setHotelId(hotelId)
                .setRoomType(bad).build()), "name", "maxOccupancy", "amenities");

        RoomTypeInput badAmenity = roomTypeInput("Ok").toBuilder().setMaxOccupancy(0).addAmenities("a".repeat(51))
                .build();
        assertInvalid(() -> hotels.createRoomType(CreateRoomTypeRequest.newBuilder().setHotelId(hotelId)
                .setRoomType(badAmenity).build()), "maxOccupancy", "amenities[2]");
    }

    @Test
    void roomTypeWithRoomsCannotBeDeleted() {
        long hotelId = createHotel(hotels).getId();
        RoomType type = createRoomType(hotels, hotelId, "Twin");
        for (int i = 1; i <= 12; i++) {
            createRoom(hotels, hotelId, type.getId(), "T" + i, true);
        }
        assertStatus(Status.Code.FAILED_PRECONDITION,
                "room type " + type.getId() + " still has 12 rooms; delete or move them first",
                () -> hotels.deleteRoomType(DeleteRoomTypeRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(type.getId()).build()));
    }

    @Test
    void roomCountsAreComputedInGetRoomTypeListRoomTypesAndGetHotel() {
        long hotelId = createHotel(hotels).getId();
        RoomType a = createRoomType(hotels, hotelId, "A");
        RoomType b = createRoomType(hotels, hotelId, "B");
        RoomType empty = createRoomType(hotels, hotelId, "Empty");
        createRoom(hotels, hotelId, a.getId(), "1", true);
        createRoom(hotels, hotelId, a.getId(), "2", false);
        createRoom(hotels, hotelId, a.getId(), "3", true);
        createRoom(hotels, hotelId, b.getId(), "4", false);

        RoomType gotA = hotels.getRoomType(GetRoomTypeRequest.newBuilder().setHotelId(hotelId)
                .setRoomTypeId(a.getId()).build()).getRoomType();
        assertEquals(3, gotA.getRoomCount());
        assertEquals(2, gotA.getRoomsInService());

        ListRoomTypesResponse list = hotels.listRoomTypes(ListRoomTypesRequest.newBuilder().setHotelId(hotelId)
                .build());
        assertEquals(List.of(a.getId(), b.getId(), empty.getId()),
                list.getRoomTypesList().stream().map(RoomType::getId).toList());
        assertEquals(List.of(3, 1, 0), list.getRoomTypesList().stream().map(RoomType::getRoomCount).toList());
        assertEquals(List.of(2, 0, 0), list.getRoomTypesList().stream().map(RoomType::getRoomsInService).toList());
        assertEquals(3, list.getPage().getTotalSize());

        GetHotelResponse details = hotels.getHotel(GetHotelRequest.newBuilder().setHotelId(hotelId).build());
        assertEquals(list.getRoomTypesList(), details.getRoomTypesList());
    }

    @Test
    void everyWriteToRoomTypesAndRoomsIncrementsHotelVersion() {
        Hotel hotel = createHotel(hotels);
        long hotelId = hotel.getId();
        RoomType type = createRoomType(hotels, hotelId, "V"); // 2
        Room room = createRoom(hotels, hotelId, type.getId(), "1", true); // 3
        hotels.updateRoom(UpdateRoomRequest.newBuilder().setHotelId(hotelId).setRoomId(room.getId())
                .setRoom(roomInput("1", type.getId(), false)).build()); // 4
        hotels.updateRoomType(UpdateRoomTypeRequest.newBuilder().setHotelId(hotelId).setRoomTypeId(type.getId())
                .setRoomType(roomTypeInput("V2")).build()); // 5
        hotels.deleteRoom(DeleteRoomRequest.newBuilder().setHotelId(hotelId).setRoomId(room.getId()).build()); // 6
        hotels.deleteRoomType(DeleteRoomTypeRequest.newBuilder().setHotelId(hotelId).setRoomTypeId(type.getId())
                .build()); // 7

        assertEquals(7, hotels.getHotel(GetHotelRequest.newBuilder().setHotelId(hotelId).build()).getHotel()
                .getVersion());
    }

    @Test
    void listRoomTypesPagesByIdWithBadTokenRejected() throws Exception {
        long hotelId = createHotel(hotels).getId();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(createRoomType(hotels, hotelId, "T" + i).getId());
        }
        ListRoomTypesResponse first = hotels.listRoomTypes(ListRoomTypesRequest.newBuilder().setHotelId(hotelId)
                .setPage(PageRequest.newBuilder().setPageSize(2)).build());
        ListRoomTypesResponse second = hotels.listRoomTypes(ListRoomTypesRequest.newBuilder().setHotelId(hotelId)
                .setPage(PageRequest.newBuilder().setPageSize(2).setPageToken(first.getPage().getNextPageToken()))
                .build());
        assertEquals(ids.subList(0, 2), first.getRoomTypesList().stream().map(RoomType::getId).toList());
        assertEquals(ids.subList(2, 3), second.getRoomTypesList().stream().map(RoomType::getId).toList());
        assertEquals("", second.getPage().getNextPageToken());
        assertInvalid(() -> hotels.listRoomTypes(ListRoomTypesRequest.newBuilder().setHotelId(hotelId)
                .setPage(PageRequest.newBuilder().setPageToken("!!")).build()), "pageToken");
        assertStatus(Status.Code.NOT_FOUND, "hotel 999999992 not found",
                () -> hotels.listRoomTypes(ListRoomTypesRequest.newBuilder().setHotelId(999_999_992L).build()));
    }

    // ---- rooms

    @Test
    void createdRoomCanBeReadUpdatedAndDeleted() {
        long hotelId = createHotel(hotels).getId();
        RoomType king = createRoomType(hotels, hotelId, "King");
        RoomType twin = createRoomType(hotels, hotelId, "Twin");
        Room created = createRoom(hotels, hotelId, king.getId(), "A-12", true);
        assertEquals(roomInput("A-12", king.getId(), true), created.getDetails());
        assertEquals(hotelId, created.getHotelId());

        assertEquals(created, hotels.getRoom(GetRoomRequest.newBuilder().setHotelId(hotelId)
                .setRoomId(created.getId()).build()).getRoom());

        RoomInput moved = RoomInput.newBuilder().setNumber("B-1").setFloor(-5).setRoomTypeId(twin.getId())
                .setInService(false).build();
        Room updated = hotels.updateRoom(UpdateRoomRequest.newBuilder().setHotelId(hotelId)
                .setRoomId(created.getId()).setRoom(moved).build()).getRoom();
        assertEquals(moved, updated.getDetails());
        assertEquals(updated, hotels.getRoom(GetRoomRequest.newBuilder().setHotelId(hotelId)
                .setRoomId(created.getId()).build()).getRoom());

        hotels.deleteRoom(DeleteRoomRequest.newBuilder().setHotelId(hotelId).setRoomId(created.getId()).build());
        assertStatus(Status.Code.NOT_FOUND, "room " + created.getId() + " not found in hotel " + hotelId,
                () -> hotels.getRoom(GetRoomRequest.newBuilder().setHotelId(hotelId).setRoomId(created.getId())
                        .build()));
        assertStatus(Status.Code.NOT_FOUND, "room " + created.getId() + " not found in hotel " + hotelId,
                () -> hotels.deleteRoom(DeleteRoomRequest.newBuilder().setHotelId(hotelId)
                        .setRoomId(created.getId()).build()));
    }

    @Test
    void secondRoomWithSameNumberInHotelIsRejected() {
        long hotelId = createHotel(hotels).getId();
        RoomType type = createRoomType(hotels, hotelId, "Std");
        createRoom(hotels, hotelId, type.getId(), "1205", true);
        assertStatus(Status.Code.ALREADY_EXISTS, "room number 1205 already exists in hotel " + hotelId,
                () -> createRoom(hotels, hotelId, type.getId(), "1205", false));
        Room other = createRoom(hotels, hotelId, type.getId(), "1206", true);
        assertStatus(Status.Code.ALREADY_EXISTS, "room number 1205 already exists in hotel " + hotelId,
                () -> hotels.updateRoom(UpdateRoomRequest.newBuilder().setHotelId(hotelId).setRoomId(other.getId())
                        .setRoom(roomInput("1205", type.getId(), true)).build()));
    }

    @Test
    void concurrentCreatesOfSameRoomNumberLetExactlyOneSucceed() throws Exception {
        long hotelId = createHotel(hotels).getId();
        RoomType type = createRoomType(hotels, hotelId, "Race");
        int clients = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Status.Code>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<Status.Code> call = () -> {
                    start.await();
                    try {
                        hotels.createRoom(CreateRoomRequest.newBuilder().setHotelId(hotelId)
                                .setRoom(roomInput("777", type.getId(), true)).build());
                        return Status.Code.OK;
                    } catch (StatusRuntimeException e) {
                        return e.getStatus().getCode();
                    }
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Status.Code> codes = new ArrayList<>();
            for (Future<Status.Code> f : results) {
                codes.add(f.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, Collections.frequency(codes, Status.Code.OK), codes::toString);
            assertEquals(clients - 1, Collections.frequency(codes, Status.Code.ALREADY_EXISTS), codes::toString);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, hotels.listRooms(ListRoomsRequest.newBuilder().setHotelId(hotelId).build()).getPage()
                .getTotalSize());
    }

    @Test
    void roomTypeOfAnotherHotelIsAnInvalidRoomTypeId() throws Exception {
        long hotelId = createHotel(hotels).getId();
        RoomType foreign = createRoomType(hotels, createHotel(hotels).getId(), "Foreign");
        var badRequest = assertInvalid(() -> createRoom(hotels, hotelId, foreign.getId(), "1", true), "roomTypeID");
        assertEquals("room type " + foreign.getId() + " does not exist in hotel " + hotelId,
                badRequest.getFieldViolations(0).getDescription());
    }

    @Test
    void invalidRoomFieldsAreReported() throws Exception {
        long hotelId = createHotel(hotels).getId();
        RoomInput bad = RoomInput.newBuilder().setNumber("12 05").setFloor(201).setRoomTypeId(0).build();
        assertInvalid(() -> hotels.createRoom(CreateRoomRequest.newBuilder().setHotelId(hotelId).setRoom(bad)
                .build()), "number", "floor", "roomTypeID");
        RoomInput tooLong = RoomInput.newBuilder().setNumber("x".repeat(21)).setFloor(-6).setRoomTypeId(1).build();
        assertInvalid(() -> hotels.createRoom(CreateRoomRequest.newBuilder().setHotelId(hotelId).setRoom(tooLong)
                .build()), "number", "floor");
        assertInvalid(() -> hotels.getRoom(GetRoomRequest.newBuilder().setHotelId(hotelId).setRoomId(0).build()),
                "roomID");
    }

    @Test
    void listRoomsPagesThroughThreePagesAndFiltersByRoomType() throws Exception {
        long hotelId = createHotel(hotels).getId();
        RoomType a = createRoomType(hotels, hotelId, "A");
        RoomType b = createRoomType(hotels, hotelId, "B");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(createRoom(hotels, hotelId, a.getId(), "A" + i, true).getId());
        }
        createRoom(hotels, hotelId, b.getId(), "B0", true);

        List<Long> seen = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ListRoomsResponse page = hotels.listRooms(ListRoomsRequest.newBuilder().setHotelId(hotelId)
                    .setRoomTypeId(a.getId())
                    .setPage(PageRequest.newBuilder().setPageSize(3).setPageToken(token)).build());
            assertEquals(7, page.getPage().getTotalSize());
            page.getRoomsList().forEach(r -> seen.add(r.getId()));
            token = page.getPage().getNextPageToken();
            pages++;
        } while (!token.isEmpty());
        assertEquals(3, pages);
        assertEquals(ids, seen);

        assertEquals(8, hotels.listRooms(ListRoomsRequest.newBuilder().setHotelId(hotelId).build()).getPage()
                .getTotalSize());
        assertStatus(Status.Code.NOT_FOUND, "room type 999999993 not found in hotel " + hotelId,
                () -> hotels.listRooms(ListRoomsRequest.newBuilder().setHotelId(hotelId).setRoomTypeId(999_999_993L)
                        .build()));
        assertInvalid(() -> hotels.listRooms(ListRoomsRequest.newBuilder().setHotelId(hotelId)
                .setPage(PageRequest.newBuilder().setPageToken("LTU")).build()), "pageToken"); // base64 of "-5"
        assertTrue(ids.get(0) < ids.get(6));
    }
}
