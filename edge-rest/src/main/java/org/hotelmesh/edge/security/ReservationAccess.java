package org.hotelmesh.edge.security;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hotelmesh.edge.api.ReservationDto;
import org.hotelmesh.edge.client.ReservationClient;
import org.hotelmesh.edge.error.ResourceNotFoundException;

/**
 * Who may act on one reservation. Its hotel is only known once it is read, so these rules fetch it first and then
 * judge; a reservation the caller may not see answers the same 404 as one that does not exist, so ids cannot be
 * probed. The write gate applies them before a request's body is read, and the resource again for itself.
 */
@ApplicationScoped
public class ReservationAccess {

    static final String FRONT_DESK_ONLY = "Only staff of the reservation's hotel or an administrator may check guests"
            + " in, move them or check them out";

    private final ReservationClient reservations;
    private final Authorizer authorizer;
    private final ReservationLookups lookups;

    public ReservationAccess(ReservationClient reservations, Authorizer authorizer, ReservationLookups lookups) {
        this.reservations = reservations;
        this.authorizer = authorizer;
        this.lookups = lookups;
    }

    /**
     * The reservation if this caller may see it (its guest, staff of its hotel, an administrator), else 404. Read once
     * per request ({@link ReservationLookups}), however often the gate and the resource ask.
     */
    public Uni<ReservationDto> visible(Caller caller, String id) {
        return lookups.get(id, reservations::getReservation)
                .map(found -> found.filter(r -> authorizer.canSeeReservation(caller, r))
                        .orElseThrow(() -> new ResourceNotFoundException("Reservation " + id + " does not exist")));
    }

    /**
     * Front-desk work on a reservation (check-in, room moves, check-out): staff of its hotel or an administrator. A
     * caller who is neither staff nor administrator is refused before anything is looked up.
     */
    public Uni<ReservationDto> atTheFrontDesk(Caller caller, String id) {
        requireFrontDeskRole(caller);
        return visible(caller, id).invoke(found -> {
            if (!caller.isAdmin() && !caller.isStaffOf(Long.parseLong(found.hotelID()))) {
                throw new AccessDeniedException("Only staff of hotel " + found.hotelID()
                        + " or an administrator may check guests in, move them or check them out");
            }
        });
    }

    /** Whether the caller could work at any front desk at all (the check that needs no reservation). */
    public static void requireFrontDeskRole(Caller caller) {
        if (!caller.isAdmin() && !caller.isStaff()) {
            throw new AccessDeniedException(FRONT_DESK_ONLY);
        }
    }

    /**
     * A change of stay: whoever may see the reservation (its guest, staff of its hotel, an administrator).
     * reservation-svc decides what each of them may change (a guest only before arrival).
     */
    public Uni<ReservationDto> toChange(Caller caller, String id) {
        return visible(caller, id);
    }
}
