package org.hotelmesh.edge.mapping;

import org.hotelmesh.edge.api.AddressDto;
import org.hotelmesh.edge.api.HotelDto;
import org.hotelmesh.edge.api.HotelInput;
import org.hotelmesh.edge.api.RoomInput;
import org.hotelmesh.edge.api.RoomTypeInput;
import org.hotelmesh.proto.hotel.v1.Address;
import org.hotelmesh.proto.hotel.v1.Hotel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HotelMapperTest {

    @Test
    void emptyOptionalProtoFieldsBecomeJsonNull() {
        Hotel proto = Hotel.newBuilder().setId(9).setVersion(2).setCreatedAt("2026-01-01T00:00:00Z")
                .setDetails(org.hotelmesh.proto.hotel.v1.HotelInput.newBuilder()
                        .setName("Inn").setTimeZone("Europe/Paris")
                        .setAddress(Address.newBuilder().setLine1("1 rue").setCity("Paris").setCountry("FR")))
                .build();

        HotelDto dto = HotelMapper.toDto(proto);

        assertEquals(new HotelDto("9", "Inn", new AddressDto("1 rue", null, "Paris", null, "FR"), "Europe/Paris", 0,
                null, null, 2, "2026-01-01T00:00:00Z", null, false, null), dto);
    }

    @Test
    void omittedInputFieldsGetTheirDefaults() {
        var hotel = HotelMapper.toProto(new HotelInput("Inn", new AddressDto("1 rue", null, "Paris", null, "FR"),
                "Europe/Paris", null, null, null));
        assertEquals(0, hotel.getStarRating());
        assertEquals("", hotel.getAddress().getLine2());
        assertEquals(false, hotel.hasContact());

        var roomType = HotelMapper.toProto(new RoomTypeInput("Twin", null, 2, "2 single", null));
        assertEquals(List.of(), roomType.getAmenitiesList());

        var room = HotelMapper.toProto(new RoomInput("A-12", -1, 7L, null));
        assertEquals(true, room.getInService());
        assertEquals(7L, room.getRoomTypeId());
    }
}
