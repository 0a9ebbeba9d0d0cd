package org.hotelmesh.payment.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hotelmesh.proto.payment.v1.ChargeResponse;
import org.hotelmesh.proto.payment.v1.PaymentStatus;
import org.hotelmesh.support.grpc.GrpcStatuses;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Admission control: with two slow charges in progress (the limit here), a third call is answered
 * RESOURCE_EXHAUSTED at once with when to come back, nothing recorded for it; once the two are answered the service
 * takes calls again.
 */
@QuarkusTest
@TestProfile(AdmissionControlTest.TwoAtATime.class)
class AdmissionControlTest extends PaymentTestBase {

    public static class TwoAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hotelmesh.grpc.max-in-flight", "2", "hotelmesh.grpc.retry-after", "2s");
        }
    }

    @Test
    void aCallBeyondTheLimitIsTurnedAwayAtOnceAndNothingIsDone() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<Future<ChargeResponse>> slow = new ArrayList<>();
            List<String> slowIds = List.of(newReservationId(), newReservationId());
            for (String id : slowIds) {
                // tok_slow answers after 1.5 s in tests
                slow.add(callers.submit(() -> payments.withDeadlineAfter(10, TimeUnit.SECONDS)
                        .charge(charge(id, AMOUNT, "tok_slow"))));
            }
            // both are in progress once their PROCESSING rows are written (before the processor is asked)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (slowIds.stream().anyMatch(id -> rows("payment", id) == 0) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(slowIds.stream().allMatch(id -> rows("payment", id) == 1), "both slow charges started");

            String turnedAway = newReservationId();
            long started = System.nanoTime();
            StatusRuntimeException busy = assertThrows(StatusRuntimeException.class,
                    () -> payments.charge(charge(turnedAway, AMOUNT, "tok_visa")));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, busy.getStatus().getCode());
            assertEquals(Duration.ofSeconds(2), GrpcStatuses.retryAfter(busy).orElseThrow());
            assertTrue(tookMillis < 1000, "answered at once, not after the slow ones: " + tookMillis + " ms");
            assertEquals(0, rows("payment", turnedAway), "nothing recorded for the call turned away");

            for (Future<ChargeResponse> call : slow) {
                assertEquals(PaymentStatus.CAPTURED, call.get(10, TimeUnit.SECONDS).getPayment().getStatus());
            }
            String after = newReservationId();
            assertEquals(PaymentStatus.CAPTURED,
                    payments.charge(charge(after, AMOUNT, "tok_visa")).getPayment().getStatus());
        } finally {
            callers.shutdownNow();
        }
    }
}
