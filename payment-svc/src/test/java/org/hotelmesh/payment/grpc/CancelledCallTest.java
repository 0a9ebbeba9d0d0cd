package org.hotelmesh.payment.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;

import org.hotelmesh.proto.payment.v1.PaymentStatus;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
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
        String id = newReservationId();
        // tok_slow answers after 1.5 s in tests; the caller gives up after 300 ms.
        assertStatus(Status.Code.DEADLINE_EXCEEDED, null, () -> payments.withDeadlineAfter(300, TimeUnit.MILLISECONDS)
                .charge(charge(id, AMOUNT, "tok_slow")));

        // Keep the connection busy past the moment the late answer is ready.
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(2500);
        while (System.nanoTime() < until) {
            paymentOf(id);
            Thread.sleep(5);
        }
        assertEquals(PaymentStatus.CAPTURED, paymentOf(id).getStatus());
    }
}
