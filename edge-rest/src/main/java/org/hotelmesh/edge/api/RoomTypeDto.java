package org.hotelmesh.edge.api;

import java.util.List;

/** A room type as the API shows it. */
public record RoomTypeDto(
        String id,
        String hotelID,
        String name,
        String description,
        int maxOccupancy,
        String bedConfiguration,
        List<String> amenities,
        int roomCount,
        int roomsInService) {
}
