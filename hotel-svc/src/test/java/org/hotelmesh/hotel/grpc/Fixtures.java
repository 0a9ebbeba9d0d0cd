package org.hotelmesh.hotel.grpc;

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
}
