package org.hotelmesh.payment.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.hotelmesh.proto.payment.v1.PaymentStatus;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;

/**
 * gRPC shares the HTTP port, where a late answer to a call its client already cancelled would make the server tear
 * the whole HTTP/2 connection down (GOAWAY), failing every other call on it. The service drops such an answer, so the
 * calls that follow on the same connection all succeed.
 */
@QuarkusTest
class CancelledCallTest extends PaymentTestBase {

    @Test
    void aLateAnswerToACancelledCallDoesNotBreakTheConnection() throws Exception {
        // A first charge warms the path up, so the next one is slow only by its token.
        payments.charge(charge(newReservationId(), AMOUNT, "tok_visa"));
        String id = newReservationId();
        // tok_slow answers after 1.5 s in tests; the caller gives up after 500 ms.
        assertStatus(Status.Code.DEADLINE_EXCEEDED, null, () -> payments.withDeadlineAfter(500, TimeUnit.MILLISECONDS)
                .charge(charge(id, AMOUNT, "tok_slow")));

        // Keep the connection busy past the moment the late answer is ready: every call must be answered.
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2500);
        while (System.nanoTime() < until) {
            try {
                paymentOf(id);
            } catch (StatusRuntimeException e) {
                assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode(), "the connection must keep answering");
            }
            Thread.sleep(5);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (paymentOf(id).getStatus() == PaymentStatus.PROCESSING && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(PaymentStatus.CAPTURED, paymentOf(id).getStatus());
    }
}
