package org.hotelmesh.payment.service;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.payment.config.GatewayConfig;
import org.hotelmesh.payment.config.PaymentsConfig;
import org.hotelmesh.payment.domain.ChargeCommand;
import org.hotelmesh.payment.domain.Payment;
import org.hotelmesh.payment.domain.PaymentState;
import org.hotelmesh.payment.domain.Refund;
import org.hotelmesh.payment.domain.RefundCommand;
import org.hotelmesh.payment.gateway.PaymentGateway.Captured;
import org.hotelmesh.payment.gateway.PaymentGateway.ChargeOutcome;
import org.hotelmesh.payment.gateway.PaymentGateway.Declined;
import org.hotelmesh.payment.gateway.PaymentGateway.Failed;
import org.hotelmesh.payment.gateway.PaymentGateway;
import org.hotelmesh.payment.repository.PaymentRepository;
import org.hotelmesh.support.error.NotFound;
import org.hotelmesh.support.error.PreconditionFailed;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Charges and refunds, each at most once per reservation. The row is written (PROCESSING) before the gateway is
 * asked, and the gateway is asked with the row's id as idempotency key, so any caller - a retry, a concurrent
 * duplicate, the resume job after a crash - can finish an operation another one started, and the conditional
 * updates let exactly one of them record the outcome.
 */
@ApplicationScoped
public class Payments {

    private static final Logger LOG = Logger.getLogger(Payments.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RESUME_BATCH = 100;

    private final Pool pool;
    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final GatewayConfig gatewayConfig;
    private final PaymentsConfig config;

    /** Refunds not confirmed in time, as the resume job last counted them. */
    private final AtomicLong stuckRefunds = new AtomicLong();
    private final MeterRegistry registry;
    private final Gauge stuckRefundsGauge;

    public Payments(Pool pool, PaymentRepository payments, PaymentGateway gateway, GatewayConfig gatewayConfig,
                    PaymentsConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.payments = payments;
        this.gateway = gateway;
        this.gatewayConfig = gatewayConfig;
        this.config = config;
        this.registry = registry;
        this.stuckRefundsGauge = Gauge.builder("hotelmesh.refunds.stuck", stuckRefunds, AtomicLong::get)
                .description("Refunds the processor has not confirmed for longer than"
                        + " hotelmesh.payments.refund-stuck-after (as of the resume job's last pass)")
                .register(registry);
    }

    /** A gauge outlives its bean in Micrometer's global registry (an application restarted in one JVM) unless removed. */
    @PreDestroy
    void close() {
        registry.remove(stuckRefundsGauge);
    }

    /**
     * Charges the reservation, or answers its charge when it has one. The gateway's work is detached from the caller:
     * a caller whose deadline expires does not stop it, and GetPayment tells the outcome.
     */
    public Uni<Payment> charge(ChargeCommand charge) {
        PaymentValidator.charge(charge, gateway);
        return payments.insertCharge(pool, newId("pay_"), charge)
                .chain(inserted -> inserted.isPresent() ? Uni.createFrom().item(inserted.get())
                        : current(charge.reservationId()))
                .chain(payment -> {
                    if (payment.amountMinor() != charge.amountMinor() || !payment.currency().equals(charge.currency())
                            || !payment.tokenFingerprint().equals(Payment.fingerprint(charge.paymentToken()))) {
                        return Uni.createFrom().failure(new PreconditionFailed("reservation " + charge.reservationId()
                                + " was already charged " + payment.currency() + " " + payment.amountMinor()
                                + " (minor units) with another token or amount; a reservation is charged once"));
                    }
                    return payment.state() == PaymentState.PROCESSING ? detached(capture(payment))
                            : Uni.createFrom().item(payment);
                });
    }

    /**
     * Refunds part or all of the reservation's captured charge, once; a retry with the same amount answers where it
     * stands (refunded once the processor confirmed it, else still asked for).
     */
    public Uni<Payment> refund(RefundCommand refund) {
        PaymentValidator.refund(refund);
        RefundCommand withReason = refund.reason() == null || refund.reason().isBlank()
                ? new RefundCommand(refund.reservationId(), refund.amountMinor(), refund.currency(), "requested")
                : refund;
        return current(refund.reservationId())
                .chain(payment -> {
                    refundable(payment, withReason);
                    return payments.insertRefund(pool, newId("re_"), withReason)
                            .chain(inserted -> payments.findRefund(pool, refund.reservationId()).chain(found -> {
                                Refund existing = found.orElseThrow();
                                if (existing.amountMinor() != refund.amountMinor()) {
                                    return Uni.createFrom().failure(new PreconditionFailed("reservation "
                                            + refund.reservationId() + " was already refunded " + payment.currency()
                                            + " " + existing.amountMinor()
                                            + " (minor units); a reservation is refunded once"));
                                }
                                // the call that asked for the refund asks the processor; a repeat while it is not
                                // confirmed answers where it stands, and the resume job alone asks again, so a
                                // refund the processor keeps pending is not asked about at every caller's retry
                                return inserted ? detached(payBack(payment, existing))
                                        : current(refund.reservationId());
                            }));
                });
    }

    public Uni<Payment> get(String reservationId) {
        PaymentValidator.reservationId(reservationId);
        return current(reservationId);
    }

    @Scheduled(identity = "payment-resume", every = "${hotelmesh.payments.resume-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledResume() {
        return resumeStuck().invoke(resumed -> {
            if (resumed > 0) {
                LOG.infof("resumed %d charges and refunds left processing", resumed);
            }
        }).chain(this::countStuckRefunds).replaceWithVoid();
    }

    /** Counts the refunds the processor has not confirmed in time, for the metric hotelmesh_refunds_stuck. */
    public Uni<Long> countStuckRefunds() {
        return payments.countStuckRefunds(pool, config.refundStuckAfter()).invoke(stuck -> {
            if (stuck > 0 && stuckRefunds.get() != stuck) {
                LOG.warnf("%d refunds are not confirmed by the processor after %s; staff see them on the"
                        + " reservations (refundOverdue)", stuck, config.refundStuckAfter());
            }
            stuckRefunds.set(stuck);
        });
    }

    /**
     * Finishes the charges and refunds left PROCESSING longer than hotelmesh.payments.resume-after (a crash between
     * writing the row and recording the gateway's answer, or a gateway timeout); returns how many it looked at.
     */
    public Uni<Integer> resumeStuck() {
        Uni<Integer> charges = payments.stuckCharges(pool, config.resumeAfter(), RESUME_BATCH)
                .chain(stuck -> Multi.createFrom().iterable(stuck).onItem().transformToUniAndConcatenate(this::capture)
                        .collect().asList().map(done -> stuck.size()));
        Uni<Integer> refunds = payments.stuckRefunds(pool, config.resumeAfter(), RESUME_BATCH)
                .chain(stuck -> Multi.createFrom().iterable(stuck).onItem()
                        .transformToUniAndConcatenate(refund -> current(refund.reservationId())
                                .chain(payment -> payBack(payment, refund)))
                        .collect().asList().map(done -> stuck.size()));
        return charges.chain(c -> refunds.map(r -> c + r));
    }

    /** Asks the gateway (idempotently) and records its answer; a gateway failure leaves the payment PROCESSING. */
    private Uni<Payment> capture(Payment payment) {
        return gateway.charge(payment.paymentId(), payment.amountMinor(), payment.currency(), payment.paymentToken())
                .ifNoItem().after(gatewayConfig.timeout()).fail()
                .chain(outcome -> record(payment, outcome))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("charge %s of reservation %s: the gateway did not answer (%s); left processing for the"
                            + " resume job", payment.paymentId(), payment.reservationId(), failure.toString());
                    return Uni.createFrom().item(Optional.<Payment>empty());
                })
                // recorded by this call: as written; else by another, or not at all: as it stands now
                .chain(recorded -> recorded.isPresent() ? Uni.createFrom().item(recorded.get())
                        : current(payment.reservationId()));
    }

    private Uni<Optional<Payment>> record(Payment payment, ChargeOutcome outcome) {
        if (outcome instanceof Captured c) {
            return payments.completeCharge(pool, payment.paymentId(), PaymentState.CAPTURED, null,
                    c.paymentMethod(), c.reference());
        }
        if (outcome instanceof Declined d) {
            return payments.completeCharge(pool, payment.paymentId(), PaymentState.DECLINED, d.code(), null, null);
        }
        LOG.warnf("charge %s of reservation %s failed at the processor: %s", payment.paymentId(),
                payment.reservationId(), ((Failed) outcome).reason());
        return payments.completeCharge(pool, payment.paymentId(), PaymentState.FAILED, null, null, null);
    }

    private Uni<Payment> payBack(Payment payment, Refund refund) {
        return gateway.refund(refund.refundId(), payment.gatewayReference(), refund.amountMinor(), payment.currency())
                .ifNoItem().after(gatewayConfig.timeout()).fail()
                .chain(reference -> pool.withTransaction(tx -> payments.completeRefund(tx, refund.reservationId(),
                        reference)))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("refund %s of reservation %s: the processor has not confirmed it (%s); left processing"
                            + " for the resume job", refund.refundId(), refund.reservationId(), failure.toString());
                    return Uni.createFrom().voidItem();
                })
                .chain(() -> current(refund.reservationId()));
    }

    private static void refundable(Payment payment, RefundCommand refund) {
        String id = payment.reservationId();
        if (!payment.currency().equals(refund.currency())) {
            throw new PreconditionFailed("reservation " + id + " was charged in " + payment.currency()
                    + "; a refund is in the charge's currency");
        }
        if (refund.amountMinor() > payment.amountMinor()) {
            throw new PreconditionFailed("reservation " + id + " was charged " + payment.currency() + " "
                    + payment.amountMinor() + " (minor units); a refund cannot be more");
        }
        switch (payment.state()) {
            case PROCESSING -> throw new PreconditionFailed("the charge of reservation " + id
                    + " is still processing; refund it once it is captured");
            case DECLINED, FAILED -> throw new PreconditionFailed("the charge of reservation " + id + " was "
                    + payment.state().column() + ": nothing was captured, so there is nothing to refund");
            default -> {
                // captured, or refunded before: the refund row decides
            }
        }
    }

    private Uni<Payment> current(String reservationId) {
        return payments.find(pool, reservationId).map(found -> found.orElseThrow(
                () -> new NotFound("reservation " + reservationId + " has no payment")));
    }

    /**
     * Runs {@code work} to its end even if the caller goes away: cancelling the returned Uni (a client's deadline)
     * stops the wait, never the work, so a charge is never abandoned between the gateway and the database.
     */
    static <T> Uni<T> detached(Uni<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        work.subscribe().with(done::complete, done::completeExceptionally);
        return Uni.createFrom().completionStage(done);
    }

    /** A prefix and 128 random bits, URL-safe. */
    static String newId(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
