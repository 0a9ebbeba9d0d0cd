package org.hotelmesh.reservation.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.reservation.SagaTestBase;
import org.hotelmesh.reservation.ScriptedPaymentService;
import org.hotelmesh.reservation.domain.PaymentView;
import org.hotelmesh.support.client.DownstreamUnavailable;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * The payment-svc guard (the scripted payment-svc of this test app, 1 s deadline in tests, circuit after 10 calls):
 * a slow but live payment-svc is waited for call by call, never cut off; an unreachable one opens the circuit.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_test"), @ResourceArg(name = "redisDatabase", value = "4") })
class PaymentClientTest extends SagaTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    PaymentClient payments;

    @Test
    void aSlowButLivePaymentSvcDoesNotOpenTheCircuit() {
        // 12 charges at once whose answers all come after the deadline: every one is "too slow"...
        List<Uni<Throwable>> slow = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            slow.add(payments.charge("slow-" + System.nanoTime() + "-" + i, 10_000, "EUR", "tok_lostAnswer")
                    .map(answered -> (Throwable) new AssertionError("answered in time: " + answered))
                    .onFailure().recoverWithItem(failure -> failure));
        }
        List<Throwable> failures = Uni.join().all(slow).andFailFast().await().atMost(WAIT);
        for (Throwable failure : failures) {
            assertEquals(DownstreamUnavailable.Reason.TOO_SLOW,
                    assertInstanceOf(DownstreamUnavailable.class, failure).reason());
        }

        // ...and the next charge still reaches payment-svc instead of failing at once on an open circuit.
        PaymentView captured = payments.charge("after-slow-" + System.nanoTime(), 10_000, "EUR", "tok_visa")
                .await().atMost(WAIT);
        assertEquals(PaymentView.Status.CAPTURED, captured.status());
    }

    @Test
    void anUnreachablePaymentSvcOpensTheCircuit() {
        ScriptedPaymentService.down.set(true);
        DownstreamUnavailable last = null;
        for (int i = 0; i < 12; i++) {
            try {
                payments.find("down-" + i).await().atMost(WAIT);
            } catch (DownstreamUnavailable e) {
                last = e;
            }
        }
        ScriptedPaymentService.down.set(false);

        assertEquals(DownstreamUnavailable.Reason.CIRCUIT_OPEN, last.reason());
    }
}
