package org.hotelmesh.reservation.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch's running account of what its guests hold at one hotel: what the database said when the batch read it
 * (under the guests' locks), plus what the batch has accepted so far.
 */
public final class GuestLedger {

    private final Map<String, Long> holds = new HashMap<>();
    private final Map<String, Map<LocalDate, Long>> rooms = new HashMap<>();

    public void held(String guestId, long unpaidHolds) {
        holds.merge(guestId, unpaidHolds, Long::sum);
    }

    public void heldOn(String guestId, LocalDate night, long roomsHeld) {
        rooms.computeIfAbsent(guestId, g -> new HashMap<>()).merge(night, roomsHeld, Long::sum);
    }

    /** What the request's guest holds now, on the request's nights. */
    public GuestHoldings of(BookingRequest request) {
        Map<LocalDate, Long> nights = rooms.getOrDefault(request.guestId(), Map.of());
        long most = 0;
        for (LocalDate night : request.nightDates()) {
            most = Math.max(most, nights.getOrDefault(night, 0L));
        }
        return new GuestHoldings(holds.getOrDefault(request.guestId(), 0L), most);
    }

    /** The request was accepted: its guest now holds one more unpaid hold and its rooms on its nights. */
    public void accepted(BookingRequest request) {
        held(request.guestId(), 1);
        List<LocalDate> nights = request.nightDates();
        nights.forEach(night -> heldOn(request.guestId(), night, request.rooms()));
    }
}
