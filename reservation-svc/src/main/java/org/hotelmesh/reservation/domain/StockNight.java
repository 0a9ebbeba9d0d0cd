package org.hotelmesh.reservation.domain;

import java.time.LocalDate;

/** One inventory night of one room type of one hotel, as the stay search reads it: rooms left and occupancy. */
public record StockNight(long hotelId, long roomTypeId, LocalDate date, int remaining, int totalInventory,
        int totalReserved) {
}
