package org.hotelmesh.edge.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A hotel as the API shows it; {@code roomTypes} only on GET /v1/hotels/{id}. {@code offSale}: its staff took it off
 * sale, so it takes no new bookings or quotes (stays already booked are kept).
 */
public record HotelDto(
        String id,
        String name,
        AddressDto address,
        String timeZone,
        int starRating,
        String description,
        ContactDto contact,
        long version,
        String createdAt,
        String updatedAt,
        boolean offSale,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<RoomTypeDto> roomTypes) {

    public HotelDto withRoomTypes(List<RoomTypeDto> types) {
        return new HotelDto(id, name, address, timeZone, starRating, description, contact, version, createdAt,
                updatedAt, offSale, types);
    }
}
