package org.hotelmesh.reservation.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.config.GuestLimitsConfig;
import org.hotelmesh.reservation.config.SagaConfig;
import org.hotelmesh.reservation.domain.BookingRequest;
import org.hotelmesh.reservation.domain.GuestHoldings;
import org.hotelmesh.support.error.Overloaded;

/**
 * What one guest booking for themselves may hold ({@link GuestLimitsConfig}): unpaid holds at once, rooms at a hotel
 * on one night. Checked in the booking's own transaction under a lock per guest ({@link BookingEngine}), so that a
 * burst of one guest's concurrent bookings cannot pass together.
 */
@ApplicationScoped
public class GuestLimits {

    private final GuestLimitsConfig config;
    private final SagaConfig saga;

    public GuestLimits(GuestLimitsConfig config, SagaConfig saga) {
        this.config = config;
        this.saga = saga;
    }

    /** Why {@code request} is refused when its guest already holds {@code held}, or null when it is not. */
    public Overloaded refusal(BookingRequest request, GuestHoldings held) {
        if (held.unpaidHolds() >= config.unpaidHolds()) {
            return new Overloaded("guest " + request.guestId() + " has " + held.unpaidHolds()
                    + " unpaid holds, the most one guest may have at once (" + config.unpaidHolds()
                    + "); pay or cancel one first", saga.holdTtl());
        }
        return roomsRefusal(request, held);
    }

    /**
     * Why {@code request}'s rooms are refused when its guest already holds {@code held} on its nights, or null: for a
     * change of stay, which adds no hold.
     */
    public Overloaded roomsRefusal(BookingRequest request, GuestHoldings held) {
        if (held.mostRoomsOnANight() + request.rooms() > config.roomsPerHotelNight()) {
            return new Overloaded("guest " + request.guestId() + " would hold " + (held.mostRoomsOnANight()
                    + request.rooms()) + " rooms at hotel " + request.hotelId() + " on one night; one guest may hold"
                    + " at most " + config.roomsPerHotelNight() + " (the hotel books groups)", saga.holdTtl());
        }
        return null;
    }
}
