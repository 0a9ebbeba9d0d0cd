package org.hotelmesh.reservation.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.cache.AvailabilityCache;
import org.hotelmesh.reservation.domain.InventoryNight;
import org.hotelmesh.reservation.repository.InventoryRepository;
import org.hotelmesh.reservation.repository.ReservationRepository.ReleasedStay;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Gives a reservation's rooms back, in the transaction that ended it (cancel, rejection, expiry, refund), so every
 * path that ends a reservation releases exactly once: the conditional status update before it decides which call
 * does; then, after the commit, tells the availability cache.
 */
@ApplicationScoped
public class Holds {

    /** The inventory rows a transition gave rooms back to, as committed; none when it released nothing. */
    public record Released(long hotelId, List<InventoryNight> nights) {
        public static final Released NOTHING = new Released(0, List.of());

        public boolean any() {
            return !nights.isEmpty();
        }
    }

    private final InventoryRepository inventory;
    private final AvailabilityCache cache;

    public Holds(InventoryRepository inventory, AvailabilityCache cache) {
        this.inventory = inventory;
        this.cache = cache;
    }

    /** Releases the stay a status change returned; nothing when it changed nothing (another call ended it). */
    public Uni<Released> release(SqlConnection conn, String reservationId, Optional<ReleasedStay> ended) {
        if (ended.isEmpty()) {
            return Uni.createFrom().item(Released.NOTHING);
        }
        ReleasedStay stay = ended.get();
        return inventory.release(conn, stay.hotelId(), stay.roomTypeId(), stay.startDate(), stay.endDate(),
                stay.rooms()).map(nights -> {
                    long expected = stay.startDate().datesUntil(stay.endDate()).count();
                    if (nights.size() != expected) {
                        throw new IllegalStateException("reservation " + reservationId + " held " + expected
                                + " nights but only " + nights.size() + " inventory rows exist");
                    }
                    return new Released(stay.hotelId(), nights);
                });
    }

    /** After the commit: the availability cache learns the nights' new totals. */
    public Uni<Void> publish(Released released) {
        return cache.put(released.hotelId(), released.nights());
    }
}
