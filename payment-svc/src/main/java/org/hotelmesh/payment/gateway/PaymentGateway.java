package org.hotelmesh.payment.gateway;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * The port to a card processor. payment-svc's bookkeeping (idempotency, states, resuming) does not depend on which
 * processor is behind it. {@link GatewayChoice} picks the adapter configuration names: {@link StripeGateway}, or the
 * {@link SimulatedGateway} of test tokens.
 *
 * <p>Both operations are called with an idempotency key (the payment or refund id) and must honour it the way the big
 * processors do: the same key always gets the same outcome and never moves money twice. payment-svc relies on that
 * when it asks again about an operation whose answer it never received.
 */
public interface PaymentGateway {

    /** Why this token can never be charged (unknown format), or empty; checked before anything is stored. */
    Optional<String> rejectToken(String token);

    Uni<ChargeOutcome> charge(String idempotencyKey, long amountMinor, String currency, String token);

    /**
     * Refunds part or all of a captured charge: the processor's id of the refund once it confirmed the money went
     * back; a failure while it has not (the refund stays requested and is asked about again). A charge may be refunded
     * several times, each with its own key, up to what it captured.
     */
    Uni<String> refund(String idempotencyKey, String chargeReference, long amountMinor, String currency);

    /** What a processor answered to a charge. */
    sealed interface ChargeOutcome {
    }

    /** Money was captured; {@code reference} is the processor's id of the charge. */
    record Captured(String reference, String paymentMethod) implements ChargeOutcome {
    }

    /** The card was declined; {@code code} in the processors' style, e.g. "insufficient_funds". */
    record Declined(String code) implements ChargeOutcome {
    }

    /** The processor could not complete the charge; nothing was captured. */
    record Failed(String reason) implements ChargeOutcome {
    }
}
