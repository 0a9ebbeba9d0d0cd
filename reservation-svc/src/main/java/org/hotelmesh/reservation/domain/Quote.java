package org.hotelmesh.reservation.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A quote from rate-svc, as far as a booking that cites it needs it. */
public record Quote(String quoteId, String reservationId, String guestId, long hotelId, long roomTypeId,
        LocalDate startDate, LocalDate endDate, int rooms, StayPrice price, Instant expiresAt) {
}
