package org.hotelmesh.edge.api;

import java.util.List;

/**
 * A hotel's day at the front desk, in its calendar: {@code arrivals} are paid stays due that day (and late ones not
 * marked no-show yet), {@code checkedInToday} the arrivals done, {@code inHouse} the checked-in guests staying that
 * night, {@code departures} the checked-in guests due out that day (or before).
 */
public record FrontDeskDto(String date, List<ReservationDto> arrivals, List<ReservationDto> checkedInToday,
                           List<ReservationDto> inHouse, List<ReservationDto> departures) {
}
