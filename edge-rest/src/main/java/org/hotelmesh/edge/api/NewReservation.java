package org.hotelmesh.edge.api;

import java.time.LocalDate;

/**
 * A validated booking: what the edge asks reservation-svc to create, for the guest of the token. {@code quoteID} is
 * null when the booking cites no quote (it is then priced at booking time). {@code paymentToken} is what it is charged
 * to.
 */
public record NewReservation(String reservationID, long hotelID, long roomTypeID, LocalDate startDate,
                             LocalDate endDate, int rooms, String guestID, String quoteID, String paymentToken) {
}
