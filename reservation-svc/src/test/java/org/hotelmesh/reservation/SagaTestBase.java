package org.hotelmesh.reservation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.hotelmesh.proto.reservation.v1.GetReservationRequest;
import org.hotelmesh.proto.reservation.v1.Reservation;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.service.SagaJobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The saga tests: payment-svc is {@link ScriptedPaymentService}, the jobs are run by hand. Other test classes leave
 * reservations whose charge never ends (tok_pending); they are set aside first, so a job run here sees only this
 * test's reservations.
 */
public abstract class SagaTestBase extends ReservationTestBase {

    @Inject
    protected SagaJobs jobs;

    @Inject
    protected CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    protected void onlyThisTestsSagasAreOpen() throws SQLException {
        ScriptedPaymentService.down.set(false);
        circuitBreakers.resetAll();
        execute("UPDATE reservation SET payment_state = 'none' WHERE payment_state = 'charging' AND status = 'pending'");
        execute("UPDATE reservation SET hold_expires_at = now() + interval '1 day' WHERE status = 'pending'");
        execute("UPDATE reservation_change SET state = 'declined', decline_code = 'set_aside' WHERE state = 'charging'");
    }

    @AfterEach
    protected void paymentSvcUp() {
        ScriptedPaymentService.down.set(false);
    }

    protected Reservation get(String id) {
        return reservations.getReservation(GetReservationRequest.newBuilder().setReservationId(id).build())
                .getReservation();
    }

    /**
     * The saga's invariants for one room type's night: rooms held equal the active reservations' rooms, every paid
     * reservation of the hotel has exactly one captured charge, and nothing not paid kept money without a refund.
     */
    protected void assertInvariants(RoomTypeRef rt, LocalDate night) {
        assertEquals(activeRooms(rt, night), totalReserved(rt, night), "inventory equals active reservations");
        assertEquals(0, queryInt("SELECT count(*) FROM reservation WHERE hotel_id = ? AND status IN ('paid', 'refunded')"
                + " AND payment_state <> 'captured'", rt.hotelId()), "paid means captured");
        queryIds("SELECT reservation_id FROM reservation WHERE hotel_id = ? AND status = 'paid'", rt.hotelId())
                .forEach(id -> assertEquals(1, ScriptedPaymentService.captures(id), "one capture for " + id));
        queryIds("SELECT reservation_id FROM reservation WHERE hotel_id = ? AND status IN ('pending', 'rejected',"
                + " 'canceled') AND refund_state = 'none'", rt.hotelId())
                .forEach(id -> assertEquals(0, ScriptedPaymentService.captures(id),
                        "no money kept for the unpaid " + id));
    }

    /** Polls up to {@code limit}; the saga's background steps finish in their own time. */
    protected static void await(Duration limit, BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.sleep(50);
        }
    }
}
