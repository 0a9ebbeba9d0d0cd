package org.hotelmesh.reservation.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.hotelmesh.support.error.PreconditionFailed;

/**
 * The reservation life cycle: pending -> paid | rejected | canceled; paid -> refunded (canceled after payment) |
 * checked_in | no_show; checked_in -> checked_out. The database trigger
 * {@code reservation_status_guard} enforces the same table, so a buggy writer cannot skip it either.
 */
public final class StatusMachine {

    private static final Map<ReservationStatus, Set<ReservationStatus>> NEXT = Map.of(
            ReservationStatus.PENDING,
            EnumSet.of(ReservationStatus.PAID, ReservationStatus.REJECTED, ReservationStatus.CANCELED),
            ReservationStatus.PAID,
            EnumSet.of(ReservationStatus.REFUNDED, ReservationStatus.CHECKED_IN, ReservationStatus.NO_SHOW),
            ReservationStatus.CHECKED_IN, EnumSet.of(ReservationStatus.CHECKED_OUT),
            ReservationStatus.CHECKED_OUT, EnumSet.noneOf(ReservationStatus.class),
            ReservationStatus.NO_SHOW, EnumSet.noneOf(ReservationStatus.class),
            ReservationStatus.REJECTED, EnumSet.noneOf(ReservationStatus.class),
            ReservationStatus.CANCELED, EnumSet.noneOf(ReservationStatus.class),
            ReservationStatus.REFUNDED, EnumSet.noneOf(ReservationStatus.class));

    private StatusMachine() {
    }

    public static boolean allows(ReservationStatus from, ReservationStatus to) {
        return NEXT.get(from).contains(to);
    }

    public static boolean isFinal(ReservationStatus status) {
        return NEXT.get(status).isEmpty();
    }

    /** @throws PreconditionFailed when the transition is not in the table */
    public static void require(String reservationId, ReservationStatus from, ReservationStatus to) {
        if (!allows(from, to)) {
            throw new PreconditionFailed("reservation " + reservationId + " is " + from.db() + " and cannot become "
                    + to.db());
        }
    }
}
