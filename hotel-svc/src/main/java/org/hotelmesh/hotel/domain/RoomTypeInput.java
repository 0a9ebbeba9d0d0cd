package org.hotelmesh.hotel.domain;

import java.util.List;

/** The writable fields of a room type; description may be null. */
public record RoomTypeInput(String name, String description, int maxOccupancy, String bedConfiguration,
        List<String> amenities) {
}
