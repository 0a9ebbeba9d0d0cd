package org.hotelmesh.hotel.mapping;

import java.util.List;

import org.hotelmesh.hotel.domain.Address;
import org.hotelmesh.hotel.domain.Contact;
import org.hotelmesh.hotel.domain.Hotel;
import org.hotelmesh.hotel.domain.HotelDetails;
import org.hotelmesh.hotel.domain.HotelFilter;
import org.hotelmesh.hotel.domain.Place;
import org.hotelmesh.hotel.domain.HotelInput;
import org.hotelmesh.hotel.domain.Page;
import org.hotelmesh.hotel.domain.Room;
import org.hotelmesh.hotel.domain.RoomInput;
import org.hotelmesh.hotel.domain.RoomType;
import org.hotelmesh.hotel.domain.RoomTypeInput;
import org.hotelmesh.hotel.service.HotelValidator;
import org.hotelmesh.proto.common.v1.PageInfo;
import org.hotelmesh.proto.hotel.v1.GetHotelResponse;

/**
 * Protobuf <-> domain. Proto3 strings cannot be absent, so an empty optional string means "not set" (null in the
 * domain) and null goes back out as "".
 */
public final class HotelMapper {

    private HotelMapper() {
    }

    public static HotelInput toDomain(org.hotelmesh.proto.hotel.v1.HotelInput in) {
        org.hotelmesh.proto.hotel.v1.Address a = in.getAddress();
        Contact contact = null;
        if (in.hasContact()) {
            String email = optional(in.getContact().getEmail());
            String phone = optional(in.getContact().getPhone());
            contact = email == null && phone == null ? null : new Contact(email, phone);
        }
        return new HotelInput(in.getName(),
                new Address(a.getLine1(), optional(a.getLine2()), a.getCity(), optional(a.getPostalCode()),
                        a.getCountry()),
                in.getTimeZone(), in.getStarRating(), optional(in.getDescription()), contact);
    }

    public static RoomTypeInput toDomain(org.hotelmesh.proto.hotel.v1.RoomTypeInput in) {
        return new RoomTypeInput(in.getName(), optional(in.getDescription()), in.getMaxOccupancy(),
                in.getBedConfiguration(), List.copyOf(in.getAmenitiesList()));
    }

    public static RoomInput toDomain(org.hotelmesh.proto.hotel.v1.RoomInput in) {
        return new RoomInput(in.getNumber(), in.getFloor(), in.getRoomTypeId(), in.getInService());
    }

    public static HotelFilter toFilter(org.hotelmesh.proto.hotel.v1.ListHotelsRequest request) {
        return new HotelFilter(optional(request.getCity()), optional(request.getCountry()));
    }

    public static HotelFilter toFilter(org.hotelmesh.proto.hotel.v1.FindHotelsRequest request) {
        return new HotelFilter(optional(request.getCity()), optional(request.getCountry()));
    }

    public static org.hotelmesh.proto.hotel.v1.HotelWithRoomTypes toFound(HotelDetails details) {
        return org.hotelmesh.proto.hotel.v1.HotelWithRoomTypes.newBuilder()
                .setHotel(toProto(details.hotel()))
                .addAllRoomTypes(details.roomTypes().stream().map(HotelMapper::toProto).toList())
                .build();
    }

    public static org.hotelmesh.proto.hotel.v1.Place toProto(Place place) {
        return org.hotelmesh.proto.hotel.v1.Place.newBuilder().setCity(place.city()).setCountry(place.country())
                .setHotels(place.hotels()).build();
    }

    public static org.hotelmesh.proto.hotel.v1.Hotel toProto(Hotel hotel) {
        HotelInput d = hotel.details();
        Address a = d.address();
        org.hotelmesh.proto.hotel.v1.HotelInput.Builder details = org.hotelmesh.proto.hotel.v1.HotelInput.newBuilder()
                .setName(d.name())
                .setAddress(org.hotelmesh.proto.hotel.v1.Address.newBuilder()
                        .setLine1(a.line1())
                        .setLine2(orEmpty(a.line2()))
                        .setCity(a.city())
                        .setPostalCode(orEmpty(a.postalCode()))
                        .setCountry(a.country()))
                .setTimeZone(d.timeZone())
                .setStarRating(d.starRating())
                .setDescription(orEmpty(d.description()));
        if (d.contact() != null) {
            details.setContact(org.hotelmesh.proto.hotel.v1.Contact.newBuilder()
                    .setEmail(orEmpty(d.contact().email()))
                    .setPhone(orEmpty(d.contact().phone())));
        }
        return org.hotelmesh.proto.hotel.v1.Hotel.newBuilder()
                .setId(hotel.id())
                .setDetails(details)
                .setVersion(hotel.version())
                .setCreatedAt(hotel.createdAt().toString())
                .setUpdatedAt(hotel.updatedAt().toString())
                .setOffSale(hotel.offSale())
                .build();
    }

    public static org.hotelmesh.proto.hotel.v1.RoomType toProto(RoomType type) {
        RoomTypeInput d = type.details();
        return org.hotelmesh.proto.hotel.v1.RoomType.newBuilder()
                .setId(type.id())
                .setHotelId(type.hotelId())
                .setDetails(org.hotelmesh.proto.hotel.v1.RoomTypeInput.newBuilder()
                        .setName(d.name())
                        .setDescription(orEmpty(d.description()))
                        .setMaxOccupancy(d.maxOccupancy())
                        .setBedConfiguration(d.bedConfiguration())
                        .addAllAmenities(d.amenities()))
                .setRoomCount(type.roomCount())
                .setRoomsInService(type.roomsInService())
                .build();
    }

    public static org.hotelmesh.proto.hotel.v1.Room toProto(Room room) {
        RoomInput d = room.details();
        return org.hotelmesh.proto.hotel.v1.Room.newBuilder()
                .setId(room.id())
                .setHotelId(room.hotelId())
                .setDetails(org.hotelmesh.proto.hotel.v1.RoomInput.newBuilder()
                        .setNumber(d.number())
                        .setFloor(d.floor())
                        .setRoomTypeId(d.roomTypeId())
                        .setInService(d.inService()))
                .build();
    }

    public static GetHotelResponse toProto(HotelDetails details) {
        return GetHotelResponse.newBuilder()
                .setHotel(toProto(details.hotel()))
                .addAllRoomTypes(details.roomTypes().stream().map(HotelMapper::toProto).toList())
                .build();
    }

    public static PageInfo toPageInfo(Page<?> page) {
        return PageInfo.newBuilder()
                .setNextPageToken(page.nextAfterId() > 0 ? HotelValidator.encodeToken(page.nextAfterId()) : "")
                .setTotalSize(page.totalSize())
                .build();
    }

    private static String optional(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
