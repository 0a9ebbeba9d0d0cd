package org.hotelmesh.edge.mapping;

import org.hotelmesh.edge.api.AddressDto;
import org.hotelmesh.edge.api.ContactDto;
import org.hotelmesh.edge.api.HotelDto;
import org.hotelmesh.edge.api.HotelInput;
import org.hotelmesh.edge.api.PageDto;
import org.hotelmesh.edge.api.RoomDto;
import org.hotelmesh.edge.api.RoomInput;
import org.hotelmesh.edge.api.RoomTypeDto;
import org.hotelmesh.edge.api.RoomTypeInput;
import org.hotelmesh.proto.common.v1.PageInfo;
import org.hotelmesh.proto.hotel.v1.Address;
import org.hotelmesh.proto.hotel.v1.Contact;
import org.hotelmesh.proto.hotel.v1.Hotel;
import org.hotelmesh.proto.hotel.v1.Room;
import org.hotelmesh.proto.hotel.v1.RoomType;

import java.util.List;
import java.util.function.Function;

/** Proto messages <-> API records. Proto3 has no null: empty optional strings become JSON null and back. */
public final class HotelMapper {

    private HotelMapper() {
    }

    public static HotelDto toDto(Hotel hotel) {
        var d = hotel.getDetails();
        return new HotelDto(
                String.valueOf(hotel.getId()),
                d.getName(),
                d.hasAddress() ? toDto(d.getAddress()) : null,
                d.getTimeZone(),
                d.getStarRating(),
                emptyToNull(d.getDescription()),
                contact(d),
                hotel.getVersion(),
                emptyToNull(hotel.getCreatedAt()),
                emptyToNull(hotel.getUpdatedAt()),
                hotel.getOffSale(),
                null);
    }

    public static AddressDto toDto(Address a) {
        return new AddressDto(a.getLine1(), emptyToNull(a.getLine2()), a.getCity(), emptyToNull(a.getPostalCode()),
                a.getCountry());
    }

    private static ContactDto contact(org.hotelmesh.proto.hotel.v1.HotelInput d) {
        if (!d.hasContact()) {
            return null;
        }
        Contact c = d.getContact();
        if (c.getEmail().isEmpty() && c.getPhone().isEmpty()) {
            return null;
        }
        return new ContactDto(emptyToNull(c.getEmail()), emptyToNull(c.getPhone()));
    }

    public static RoomTypeDto toDto(RoomType rt) {
        var d = rt.getDetails();
        return new RoomTypeDto(
                String.valueOf(rt.getId()),
                String.valueOf(rt.getHotelId()),
                d.getName(),
                emptyToNull(d.getDescription()),
                d.getMaxOccupancy(),
                d.getBedConfiguration(),
                List.copyOf(d.getAmenitiesList()),
                rt.getRoomCount(),
                rt.getRoomsInService());
    }

    public static RoomDto toDto(Room room) {
        var d = room.getDetails();
        return new RoomDto(
                String.valueOf(room.getId()),
                String.valueOf(room.getHotelId()),
                String.valueOf(d.getRoomTypeId()),
                d.getNumber(),
                d.getFloor(),
                d.getInService());
    }

    public static <P, D> PageDto<D> toPage(List<P> items, PageInfo page, Function<P, D> mapper) {
        return new PageDto<>(items.stream().map(mapper).toList(), emptyToNull(page.getNextPageToken()),
                page.getTotalSize());
    }

    public static org.hotelmesh.proto.hotel.v1.HotelInput toProto(HotelInput in) {
        var b = org.hotelmesh.proto.hotel.v1.HotelInput.newBuilder()
                .setName(in.name())
                .setTimeZone(in.timeZone())
                .setStarRating(in.starRatingOrDefault())
                .setDescription(nullToEmpty(in.description()));
        AddressDto a = in.address();
        b.setAddress(Address.newBuilder()
                .setLine1(a.line1())
                .setLine2(nullToEmpty(a.line2()))
                .setCity(a.city())
                .setPostalCode(nullToEmpty(a.postalCode()))
                .setCountry(a.country()));
        if (in.contact() != null) {
            b.setContact(Contact.newBuilder()
                    .setEmail(nullToEmpty(in.contact().email()))
                    .setPhone(nullToEmpty(in.contact().phone())));
        }
        return b.build();
    }

    public static org.hotelmesh.proto.hotel.v1.RoomTypeInput toProto(RoomTypeInput in) {
        return org.hotelmesh.proto.hotel.v1.RoomTypeInput.newBuilder()
                .setName(in.name())
                .setDescription(nullToEmpty(in.description()))
                .setMaxOccupancy(in.maxOccupancy())
                .setBedConfiguration(in.bedConfiguration())
                .addAllAmenities(in.amenitiesOrEmpty())
                .build();
    }

    public static org.hotelmesh.proto.hotel.v1.RoomInput toProto(RoomInput in) {
        return org.hotelmesh.proto.hotel.v1.RoomInput.newBuilder()
                .setNumber(in.number())
                .setFloor(in.floor())
                .setRoomTypeId(in.roomTypeID())
                .setInService(in.inServiceOrDefault())
                .build();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
