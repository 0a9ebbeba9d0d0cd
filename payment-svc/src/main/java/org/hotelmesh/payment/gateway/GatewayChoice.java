package org.hotelmesh.payment.gateway;

import java.util.Locale;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.hotelmesh.payment.config.GatewayConfig;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/**
 * The card processor payment-svc uses, as configuration names it ({@code hotelmesh.gateway.kind}). Chosen at start,
 * so a deployment without a processor, or with Stripe but no secret key, fails to start with a message that says
 * what to set, instead of taking bookings it cannot charge (or "charging" test tokens).
 */
public class GatewayChoice {

    private static final Logger LOG = Logger.getLogger(GatewayChoice.class);

    @Produces
    @Singleton
    @Startup
    PaymentGateway gateway(GatewayConfig config, Instance<StripeGateway> stripe, Instance<SimulatedGateway> simulated) {
        String kind = config.kind().map(k -> k.trim().toLowerCase(Locale.ROOT)).orElse("");
        return switch (kind) {
            case "stripe" -> {
                if (config.stripe().secretKey().filter(key -> !key.isBlank()).isEmpty()) {
                    throw new IllegalStateException("hotelmesh.gateway.kind is stripe but no secret key is set: set"
                            + " HOTELMESH_STRIPE_SECRET_KEY (hotelmesh.gateway.stripe.secret-key) from a Secret");
                }
                LOG.infof("card payments go to Stripe at %s", config.stripe().apiBase());
                yield stripe.get();
            }
            case "simulated" -> {
                LOG.warn("card payments are SIMULATED (hotelmesh.gateway.kind=simulated): test tokens are"
                        + " \"captured\" and no money moves; never run a hotel like this");
                yield simulated.get();
            }
            case "" -> throw new IllegalStateException("no card processor is configured: set HOTELMESH_GATEWAY"
                    + " (hotelmesh.gateway.kind) to stripe, with HOTELMESH_STRIPE_SECRET_KEY, or to simulated for"
                    + " development and tests (no money moves)");
            default -> throw new IllegalStateException("hotelmesh.gateway.kind is '" + kind
                    + "'; the processors are stripe and simulated");
        };
    }
}
