package org.hotelmesh.payment.gateway;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import org.hotelmesh.payment.config.GatewayConfig;

import io.smallrye.mutiny.Uni;

/**
 * A card processor simulated with test tokens in the style of the big processors. The outcome is a function of the
 * token only, so asking again with the same idempotency key answers the same; the ledger of what was captured and
 * refunded, by idempotency key, shows that nothing was ever moved twice. A charge may be refunded several times, as
 * the big processors allow, never beyond what it captured (a refund that would is refused and nothing moves; the
 * ledger is in memory, so this is checked for the charges captured since the start).
 *
 * <ul>
 * <li>{@code tok_visa}, {@code tok_mastercard}: approved;</li>
 * <li>{@code tok_chargeDeclined} (card_declined), {@code tok_chargeDeclinedInsufficientFunds} (insufficient_funds),
 * {@code tok_chargeDeclinedExpiredCard} (expired_card): declined;</li>
 * <li>{@code tok_processingError}: the processor fails, nothing is captured;</li>
 * <li>{@code tok_slow}: approved after {@code hotelmesh.gateway.slow-delay};</li>
 * <li>anything else: not a token (refused before anything is stored).</li>
 * </ul>
 *
 * <p>No money moves, so it runs only where it is chosen ({@code hotelmesh.gateway.kind=simulated}: {@code ./mesh up},
 * the tests, the benchmark).
 */
@ApplicationScoped
@Typed(SimulatedGateway.class)
public class SimulatedGateway implements PaymentGateway {

    static final Map<String, ChargeOutcome> OUTCOMES = Map.of(
            "tok_visa", new Captured("", "visa"),
            "tok_mastercard", new Captured("", "mastercard"),
            "tok_chargeDeclined", new Declined("card_declined"),
            "tok_chargeDeclinedInsufficientFunds", new Declined("insufficient_funds"),
            "tok_chargeDeclinedExpiredCard", new Declined("expired_card"),
            "tok_processingError", new Failed("processing_error"),
            "tok_slow", new Captured("", "visa"));

    private final GatewayConfig config;
    private final Map<String, Long> captured = new ConcurrentHashMap<>();
    private final Map<String, Long> refunded = new ConcurrentHashMap<>();
    private final Map<String, Integer> refundRequests = new ConcurrentHashMap<>();
    /** What was captured and refunded of each charge, by the charge's reference. */
    private final Map<String, Long> capturedByCharge = new ConcurrentHashMap<>();
    private final Map<String, Long> refundedByCharge = new ConcurrentHashMap<>();

    public SimulatedGateway(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public Optional<String> rejectToken(String token) {
        return OUTCOMES.containsKey(token) ? Optional.empty()
                : Optional.of("is not a payment token; test tokens are " + String.join(", ",
                        OUTCOMES.keySet().stream().sorted().toList()));
    }

    @Override
    public Uni<ChargeOutcome> charge(String idempotencyKey, long amountMinor, String currency, String token) {
        ChargeOutcome outcome = OUTCOMES.get(token);
        if (outcome == null) {
            return Uni.createFrom().failure(new IllegalArgumentException("not a payment token: " + token));
        }
        Uni<ChargeOutcome> answer = Uni.createFrom().item(() -> {
            if (outcome instanceof Captured c) {
                captured.putIfAbsent(idempotencyKey, amountMinor);
                capturedByCharge.putIfAbsent("ch_" + idempotencyKey, amountMinor);
                return new Captured("ch_" + idempotencyKey, c.paymentMethod());
            }
            return outcome;
        });
        return "tok_slow".equals(token) ? Uni.createFrom().voidItem().onItem().delayIt().by(config.slowDelay())
                .replaceWith(answer) : answer;
    }

    @Override
    public Uni<String> refund(String idempotencyKey, String chargeReference, long amountMinor, String currency) {
        return Uni.createFrom().item(() -> {
            refundRequests.merge(idempotencyKey, 1, Integer::sum);
            synchronized (refunded) {
                if (!refunded.containsKey(idempotencyKey)) {
                    long before = refundedByCharge.getOrDefault(chargeReference, 0L);
                    Long charged = capturedByCharge.get(chargeReference);
                    // a charge captured before a restart is not in memory: its refunds are taken on trust
                    if (charged != null && before + amountMinor > charged) {
                        throw new IllegalStateException("refund " + idempotencyKey + " of " + amountMinor
                                + " is more than what is left of charge " + chargeReference);
                    }
                    refundedByCharge.put(chargeReference, before + amountMinor);
                    refunded.put(idempotencyKey, amountMinor);
                }
            }
            return "re_" + idempotencyKey;
        });
    }

    /** Amounts captured, by idempotency key: one entry per charge however often it was asked. */
    public Map<String, Long> captured() {
        return Map.copyOf(captured);
    }

    /** Amounts refunded, by idempotency key. */
    public Map<String, Long> refunded() {
        return Map.copyOf(refunded);
    }

    /** How often a refund was asked with this idempotency key (the first time and every repeat). */
    public int refundRequests(String idempotencyKey) {
        return refundRequests.getOrDefault(idempotencyKey, 0);
    }

    /** What was refunded of a charge, by its reference (the processor's id, {@code ch_} and the payment id). */
    public long refundedOfCharge(String chargeReference) {
        return refundedByCharge.getOrDefault(chargeReference, 0L);
    }
}
