package org.hotelmesh.hotel.domain;

/** The writable fields of a hotel; description and contact may be null. */
public record HotelInput(String name, Address address, String timeZone, int starRating, String description,
        Contact contact) {
}
