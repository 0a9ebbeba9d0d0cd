package org.hotelmesh.reservation.domain;

import java.time.LocalDate;

/** A stay's room type, nights [{@code startDate}, {@code endDate}), rooms and total (minor units). */
public record StayTerms(long roomTypeId, LocalDate startDate, LocalDate endDate, int rooms, long totalMinor) {

    public boolean sameStay(StayTerms other) {
        return roomTypeId == other.roomTypeId && startDate.equals(other.startDate) && endDate.equals(other.endDate)
                && rooms == other.rooms;
    }
}
