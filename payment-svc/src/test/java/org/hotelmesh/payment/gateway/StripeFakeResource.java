package org.hotelmesh.payment.gateway;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the {@link StripeFake} and points payment-svc's Stripe adapter at it, with short timeouts. */
public class StripeFakeResource implements QuarkusTestResourceLifecycleManager {

    public static StripeFake fake;

    @Override
    public Map<String, String> start() {
        fake = new StripeFake().launch();
        return Map.of("hotelmesh.gateway.kind", "stripe",
                "hotelmesh.gateway.stripe.api-base", fake.baseUrl(),
                "hotelmesh.gateway.stripe.secret-key", StripeFake.SECRET_KEY,
                // Stripe's slow answer (2.5 s) outlasts it: the payment stays PROCESSING, the resume job finishes it
                "hotelmesh.gateway.timeout", "1s");
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.shutdown();
        }
    }
}
