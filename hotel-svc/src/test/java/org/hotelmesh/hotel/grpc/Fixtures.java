package org.hotelmesh.hotel.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotelmesh.proto.hotel.v1.Address;
import org.hotelmesh.proto.hotel.v1.Contact;
import org.hotelmesh.proto.hotel.v1.CreateHotelRequest;
import org.hotelmesh.proto.hotel.v1.CreateRoomRequest;
import org.hotelmesh.proto.hotel.v1.CreateRoomTypeRequest;
import org.hotelmesh.proto.hotel.v1.Hotel;
import org.hotelmesh.proto.hotel.v1.HotelInput;
import org.hotelmesh.proto.hotel.v1.HotelServiceGrpc.HotelServiceBlockingStub;
import org.hotelmesh.proto.hotel.v1.Room;
import org.hotelmesh.proto.hotel.v1.RoomInput;
import org.hotelmesh.proto.hotel.v1.RoomType;
import org.hotelmesh.proto.hotel.v1.RoomTypeInput;
import org.junit.jupiter.api.function.Executable;

import com.google.rpc.BadRequest;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** Builders and assertions shared by the gRPC tests; every test creates its own hotels. */
final class Fixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {
    }

    static HotelInput hotelInput(String name, String city, String country) {
        return HotelInput.newBuilder()
                .setName(name)
                .setAddress(Address.newBuilder().setLine1("1 Sejong-daero").setCity(city).setPostalCode("04524")
                        .setCountry(country))
                .setTimeZone("Asia/Seoul")
                .setStarRating(5)
                .setDescription("A test hotel")
                .setContact(Contact.newBuilder().setEmail("front@grand.example").setPhone("+82 2 123 4567"))
                .build();
    }

    static HotelInput hotelInput() {
        return hotelInput("Hotel " + SEQ.incrementAndGet(), "Seoul", "KR");
    }

    static Hotel createHotel(HotelServiceBlockingStub stub) {
        return stub.createHotel(CreateHotelRequest.newBuilder().setHotel(hotelInput()).build()).getHotel();
    }

    static RoomTypeInput roomTypeInput(String name) {
        return RoomTypeInput.newBuilder().setName(name).setDescription("Nice").setMaxOccupancy(2)
                .setBedConfiguration("1 king").addAllAmenities(List.of("wifi", "minibar")).build();
    }

    static RoomType createRoomType(HotelServiceBlockingStub stub, long hotelId, String name) {
        return stub.createRoomType(CreateRoomTypeRequest.newBuilder().setHotelId(hotelId)
                .setRoomType(roomTypeInput(name)).build()).getRoomType();
    }

    static RoomInput roomInput(String number, long roomTypeId, boolean inService) {
        return RoomInput.newBuilder().setNumber(number).setFloor(12).setRoomTypeId(roomTypeId)
                .setInService(inService).build();
    }

    static Room createRoom(HotelServiceBlockingStub stub, long hotelId, long roomTypeId, String number,
            boolean inService) {
        return stub.createRoom(CreateRoomRequest.newBuilder().setHotelId(hotelId)
                .setRoom(roomInput(number, roomTypeId, inService)).build()).getRoom();
    }

    static StatusRuntimeException assertStatus(Status.Code code, String description, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, e.getStatus().getCode(), () -> "status of " + e);
        if (description != null) {
            assertEquals(description, e.getStatus().getDescription());
        }
        return e;
    }

    /** Asserts INVALID_ARGUMENT with a BadRequest detail naming exactly these fields, in this order. */
    static BadRequest assertInvalid(Executable call, String... fields) throws Exception {
        StatusRuntimeException e = assertStatus(Status.Code.INVALID_ARGUMENT, null, call);
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        assertTrue(status != null && status.getDetailsCount() == 1, "one BadRequest detail expected in " + e);
        BadRequest badRequest = status.getDetails(0).unpack(BadRequest.class);
        assertEquals(List.of(fields),
                badRequest.getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField).toList());
        assertTrue(e.getStatus().getDescription().startsWith(fields[0] + ": "),
                "description names the first field: " + e.getStatus().getDescription());
        return badRequest;
    }
}
