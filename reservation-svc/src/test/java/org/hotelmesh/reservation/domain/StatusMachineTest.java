package org.hotelmesh.reservation.domain;

import static org.hotelmesh.reservation.domain.ReservationStatus.CANCELED;
import static org.hotelmesh.reservation.domain.ReservationStatus.CHECKED_IN;
import static org.hotelmesh.reservation.domain.ReservationStatus.CHECKED_OUT;
import static org.hotelmesh.reservation.domain.ReservationStatus.NO_SHOW;
import static org.hotelmesh.reservation.domain.ReservationStatus.PAID;
import static org.hotelmesh.reservation.domain.ReservationStatus.PENDING;
import static org.hotelmesh.reservation.domain.ReservationStatus.REFUNDED;
import static org.hotelmesh.reservation.domain.ReservationStatus.REJECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.hotelmesh.support.error.PreconditionFailed;
import org.junit.jupiter.api.Test;

class StatusMachineTest {

    @Test
    void exactlyTheDocumentedTransitionsAreAllowed() {
        Set<String> allowed = new java.util.TreeSet<>();
        for (ReservationStatus from : ReservationStatus.values()) {
            for (ReservationStatus to : ReservationStatus.values()) {
                if (StatusMachine.allows(from, to)) {
                    allowed.add(from.db() + "->" + to.db());
                }
            }
        }
        assertEquals(Set.of("pending->paid", "pending->rejected", "pending->canceled", "paid->refunded",
                "paid->checked_in", "paid->no_show", "checked_in->checked_out"), allowed);
    }

    @Test
    void rejectedCanceledRefundedCheckedOutAndNoShowAreFinal() {
        assertEquals(EnumSet.of(REJECTED, CANCELED, REFUNDED, CHECKED_OUT, NO_SHOW),
                EnumSet.copyOf(java.util.Arrays.stream(ReservationStatus.values()).filter(StatusMachine::isFinal)
                        .toList()));
        assertFalse(StatusMachine.allows(CANCELED, PENDING));
        assertFalse(StatusMachine.allows(PENDING, PENDING));
    }

    @Test
    void requireNamesBothStates() {
        PreconditionFailed e = assertThrows(PreconditionFailed.class,
                () -> StatusMachine.require("r-1", REFUNDED, PAID));
        assertEquals("reservation r-1 is refunded and cannot become paid", e.getMessage());
        StatusMachine.require("r-1", PENDING, CANCELED);
    }

    @Test
    void onlyPendingPaidAndCheckedInHoldEveryNight() {
        assertTrue(PENDING.holdsInventory());
        assertTrue(PAID.holdsInventory());
        assertTrue(CHECKED_IN.holdsInventory());
        assertFalse(CANCELED.holdsInventory() || REJECTED.holdsInventory() || REFUNDED.holdsInventory()
                || CHECKED_OUT.holdsInventory() || NO_SHOW.holdsInventory());
    }
}
