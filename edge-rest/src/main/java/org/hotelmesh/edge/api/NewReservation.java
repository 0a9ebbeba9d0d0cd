package org.hotelmesh.edge.api;

import java.time.LocalDate;

/** A validated booking: what the edge asks reservation-svc to create, for the guest of the token. */
public record NewReservation(String reservationID, long hotelID, long roomTypeID, LocalDate startDate,
                             LocalDate endDate, int rooms, String guestID) {
}
