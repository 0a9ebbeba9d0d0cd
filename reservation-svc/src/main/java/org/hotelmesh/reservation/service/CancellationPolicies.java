package org.hotelmesh.reservation.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.config.CancellationConfig;
import org.hotelmesh.reservation.domain.CancellationPolicy;
import org.hotelmesh.reservation.domain.Reservation;
import org.hotelmesh.reservation.repository.CancellationPolicyRepository;
import org.hotelmesh.support.catalog.CatalogLookup;
import org.hotelmesh.support.error.NotFound;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The hotels' cancellation policies for new bookings. A booking keeps the policy in force when it was made (copied
 * onto the reservation in the booking's own statement), so changing a policy never changes what was sold.
 */
@ApplicationScoped
public class CancellationPolicies {

    /** A hotel's policy, and whether it is the hotel's own ({@code false}: the configured default). */
    public record Effective(CancellationPolicy policy, boolean own) {
    }

    private final Pool pool;
    private final CancellationPolicyRepository repository;
    private final CatalogLookup catalog;
    private final CancellationConfig config;

    public CancellationPolicies(Pool pool, CancellationPolicyRepository repository, CatalogLookup catalog,
            CancellationConfig config) {
        this.pool = pool;
        this.repository = repository;
        this.catalog = catalog;
        this.config = config;
    }

    /** The policy a reservation was booked under; the default for one booked before policies. */
    public CancellationPolicy of(Reservation reservation) {
        return reservation.cancellationPolicy() != null ? reservation.cancellationPolicy() : defaultPolicy();
    }

    public CancellationPolicy defaultPolicy() {
        return config.policy();
    }

    public Uni<Effective> get(long hotelId) {
        ReservationValidator.ids(hotelId, 0, true);
        return requireHotel(hotelId)
                .flatMap(ignored -> repository.find(pool, hotelId))
                .map(own -> own.map(policy -> new Effective(policy, true))
                        .orElseGet(() -> new Effective(defaultPolicy(), false)));
    }

    /** Sets the hotel's policy for bookings made from now on. */
    public Uni<CancellationPolicy> set(long hotelId, int freeUntilDays, CancellationPolicy.Fee fee, int feePercent) {
        ReservationValidator.ids(hotelId, 0, true);
        CancellationPolicy policy = ReservationValidator.cancellationPolicy(freeUntilDays, fee, feePercent);
        return requireHotel(hotelId)
                .flatMap(ignored -> repository.save(pool, hotelId, policy))
                .replaceWith(policy);
    }

    private Uni<Void> requireHotel(long hotelId) {
        return catalog.hotel(hotelId).map(hotel -> {
            if (hotel.isEmpty()) {
                throw new NotFound("hotel " + hotelId + " not found");
            }
            return null;
        });
    }
}
