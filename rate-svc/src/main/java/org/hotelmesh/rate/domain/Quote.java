package org.hotelmesh.rate.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A priced stay kept for one guest until {@code expiresAt}: a booking citing it (with its reservation id) is
 * charged exactly {@code price.totalMinor()}, whatever occupancy did since.
 */
public record Quote(String quoteId, String reservationId, String guestId, long hotelId, long roomTypeId,
        LocalDate startDate, LocalDate endDate, int rooms, StayPrice price, Instant createdAt, Instant expiresAt) {
}
