package org.hotelmesh.hotel.domain;

import java.time.Instant;

/** A hotel; {@code offSale}: its staff took it off sale (no new bookings or quotes). */
public record Hotel(long id, HotelInput details, long version, Instant createdAt, Instant updatedAt,
                    boolean offSale) {
}
