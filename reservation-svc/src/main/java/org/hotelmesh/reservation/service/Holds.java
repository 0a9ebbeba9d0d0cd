package org.hotelmesh.reservation.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.domain.InventoryNight;
import org.hotelmesh.reservation.repository.InventoryRepository;
import org.hotelmesh.reservation.repository.ReservationRepository.ReleasedStay;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Gives a reservation's rooms back, in the transaction that ended it (cancel, rejection, expiry, refund), so every
 * path that ends a reservation releases exactly once: the conditional status update before it decides which call
 * does.
 */
@ApplicationScoped
public class Holds {

    private final InventoryRepository inventory;

    public Holds(InventoryRepository inventory) {
        this.inventory = inventory;
    }

    /** The inventory rows as updated, for the availability cache once the transaction commits. */
    public Uni<List<InventoryNight>> release(SqlConnection conn, String reservationId, ReleasedStay stay) {
        return inventory.release(conn, stay.hotelId(), stay.roomTypeId(), stay.startDate(), stay.endDate(),
                stay.rooms()).map(nights -> {
                    long expected = stay.startDate().datesUntil(stay.endDate()).count();
                    if (nights.size() != expected) {
                        throw new IllegalStateException("reservation " + reservationId + " held " + expected
                                + " nights but only " + nights.size() + " inventory rows exist");
                    }
                    return nights;
                });
    }
}
