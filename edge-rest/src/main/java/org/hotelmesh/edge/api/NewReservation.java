package org.hotelmesh.edge.api;

import java.time.LocalDate;

/**
 * A validated booking: what the edge asks reservation-svc to create. A guest's own booking has their subject as
 * {@code guestID} and no {@code guestName}; staff booking for a guest give {@code guestName} and, optionally, the
 * guest's account as {@code guestID} (null otherwise). {@code quoteID} is null when the booking cites no quote (it is
 * then priced at booking time). {@code paymentToken} is what it is charged to.
 */
public record NewReservation(String reservationID, long hotelID, long roomTypeID, LocalDate startDate,
                             LocalDate endDate, int rooms, String guestID, String quoteID, String paymentToken,
                             String guestName) {

    /** A guest's booking for themselves. */
    public NewReservation(String reservationID, long hotelID, long roomTypeID, LocalDate startDate, LocalDate endDate,
                          int rooms, String guestID, String quoteID, String paymentToken) {
        this(reservationID, hotelID, roomTypeID, startDate, endDate, rooms, guestID, quoteID, paymentToken, null);
    }
}
