package org.hotelmesh.rate.domain;

import java.time.LocalDate;

/** One night of one room type of one hotel, as reservation-svc keeps it: rooms left to sell and how full it is. */
public record StockNight(long hotelId, long roomTypeId, LocalDate date, int remaining, Occupancy occupancy) {
}
