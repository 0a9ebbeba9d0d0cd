package org.hotelmesh.edge.api;

import java.util.List;

/** Rooms left per night and room type over [startDate, endDate). */
public record AvailabilityDto(String hotelID, String startDate, String endDate, List<RoomTypeAvailability> roomTypes) {

    public record RoomTypeAvailability(String roomTypeID, List<Night> nights) {
    }

    public record Night(String date, int remaining) {
    }
}
