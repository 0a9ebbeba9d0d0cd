package org.hotelmesh.hotel.domain;

import java.time.Instant;

public record Hotel(long id, HotelInput details, long version, Instant createdAt, Instant updatedAt) {
}
