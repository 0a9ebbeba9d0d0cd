package org.hotelmesh.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.hotelmesh.payment.config.GatewayConfig;
import org.junit.jupiter.api.Test;

/** A start without a processor, or with Stripe and no key, fails with a message that says what to set. */
class GatewayChoiceTest {

    private static GatewayConfig config(String kind, String secretKey) {
        return new GatewayConfig() {
            public Optional<String> kind() {
                return Optional.ofNullable(kind);
            }

            public Duration timeout() {
                return Duration.ofSeconds(30);
            }

            public Duration slowDelay() {
                return Duration.ofSeconds(5);
            }

            public Stripe stripe() {
                return new Stripe() {
                    public String apiBase() {
                        return "https://api.stripe.com";
                    }

                    public Optional<String> secretKey() {
                        return Optional.ofNullable(secretKey);
                    }

                    public String apiVersion() {
                        return "2024-06-20";
                    }

                    public Duration connectTimeout() {
                        return Duration.ofSeconds(5);
                    }
                };
            }
        };
    }

    private static String refusal(String kind, String secretKey) {
        return assertThrows(IllegalStateException.class,
                () -> new GatewayChoice().gateway(config(kind, secretKey), null, null)).getMessage();
    }

    @Test
    void noProcessorConfiguredFailsTheStart() {
        String message = refusal(null, null);
        assertTrue(message.contains("no card processor is configured") && message.contains("HOTELMESH_GATEWAY"),
                message);
    }

    @Test
    void stripeWithoutASecretKeyFailsTheStart() {
        String message = refusal("stripe", " ");
        assertTrue(message.contains("HOTELMESH_STRIPE_SECRET_KEY"), message);
    }

    @Test
    void anUnknownProcessorFailsTheStart() {
        String message = refusal("paypal", null);
        assertTrue(message.contains("stripe and simulated"), message);
    }
}
