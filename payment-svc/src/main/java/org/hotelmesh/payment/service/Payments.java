package org.hotelmesh.payment.service;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
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
import org.hotelmesh.payment.domain.RefundPart;
import org.hotelmesh.payment.domain.RefundResult;
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
 * Charges and refunds, each at most once per key: a charge per (reservation, charge id), a refund per (reservation,
 * refund id). The row is written (PROCESSING) before the gateway is asked, and the gateway is asked with the row's id
 * as idempotency key, so any caller - a retry, a concurrent duplicate, the resume job after a crash - can finish an
 * operation another one started, and the conditional updates let exactly one of them record the outcome. A refund is
 * taken from the reservation's captured charges, newest first ({@link RefundPlan}), as one refund at the processor per
 * charge it touches (a part, with its own id as the key).
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
     * Charges the reservation (its booking's charge, or a further one by charge id), or answers that charge when it
     * exists. The gateway's work is detached from the caller: a caller whose deadline expires does not stop it, and
     * GetPayment tells the outcome.
     */
    public Uni<Payment> charge(ChargeCommand charge) {
        PaymentValidator.charge(charge, gateway);
        Uni<Void> sameCurrency = Payment.BOOKING.equals(charge.chargeId()) ? Uni.createFrom().voidItem()
                : payments.otherCurrency(pool, charge.reservationId(), charge.chargeId(), charge.currency())
                        .invoke(other -> other.ifPresent(currency -> {
                            throw new PreconditionFailed("reservation " + charge.reservationId() + " is charged in "
                                    + currency + "; a further charge is in the same currency");
                        }))
                        .replaceWithVoid();
        return sameCurrency
                .chain(() -> payments.insertCharge(pool, newId("pay_"), charge))
                .chain(inserted -> inserted.isPresent() ? Uni.createFrom().item(inserted.get())
                        : current(charge.reservationId(), charge.chargeId()))
                .chain(payment -> {
                    if (payment.amountMinor() != charge.amountMinor() || !payment.currency().equals(charge.currency())
                            || !payment.tokenFingerprint().equals(Payment.fingerprint(charge.paymentToken()))) {
                        return Uni.createFrom().failure(new PreconditionFailed(Payment.BOOKING.equals(
                                charge.chargeId())
                                ? "reservation " + charge.reservationId() + " was already charged "
                                        + payment.currency() + " " + payment.amountMinor() + " (minor units) with"
                                        + " another token or amount; a reservation is charged once"
                                : "charge " + charge.chargeId() + " of reservation " + charge.reservationId()
                                        + " was already made for " + payment.currency() + " "
                                        + payment.amountMinor() + " (minor units) with another token or amount; a"
                                        + " charge id is charged once"));
                    }
                    return payment.state() == PaymentState.PROCESSING ? detached(capture(payment))
                            : Uni.createFrom().item(payment);
                });
    }

    /**
     * Refunds part or all of what the reservation's charges captured, once per refund id: taken from the newest
     * charges first, never more than they captured less every refund taken from them before. The parts are decided
     * in one transaction that holds the reservation's charges locked, so concurrent refunds are judged one after the
     * other. A retry with the same amount answers where the refund stands (done once the processor confirmed every
     * part); the processor is asked by the call that recorded the refund, and again only by the resume job.
     */
    public Uni<RefundResult> refund(RefundCommand refund) {
        PaymentValidator.refund(refund);
        RefundCommand asked = refund.reason() == null || refund.reason().isBlank()
                ? new RefundCommand(refund.reservationId(), refund.refundId(), refund.amountMinor(),
                        refund.currency(), "requested")
                : refund;
        String id = asked.reservationId();
        return pool.withTransaction(tx -> payments.lockCharges(tx, id)
                        .chain(charges -> {
                            if (charges.isEmpty()) {
                                return Uni.createFrom().failure(noPayment(id, Payment.BOOKING));
                            }
                            return payments.findRefund(tx, id, asked.refundId()).chain(existing -> {
                                if (existing.isPresent()) {
                                    sameRefund(existing.get(), asked);
                                    return Uni.createFrom().item(List.<Asked>of());
                                }
                                return payments.takenByCharge(tx, id).chain(taken -> {
                                    List<Asked> parts = RefundPlan.split(charges, taken, asked).stream()
                                            .map(share -> new Asked(new RefundPart(newId("re_"), id,
                                                    asked.refundId(), share.charge().paymentId(),
                                                    share.amountMinor(), false), share.charge()))
                                            .toList();
                                    return payments.insertRefund(tx, asked, parts.stream().map(Asked::part)
                                            .toList()).replaceWith(parts);
                                });
                            });
                        }))
                // the call that recorded the refund asks the processor; a repeat while it is not confirmed answers
                // where it stands, and the resume job alone asks again, so a refund the processor keeps pending is
                // not asked about at every caller's retry
                .chain(parts -> parts.isEmpty() ? Uni.createFrom().voidItem()
                        : detached(Multi.createFrom().iterable(parts).onItem()
                                .transformToUniAndConcatenate(part -> payBack(part.charge(), part.part()))
                                .collect().last().replaceWithVoid()))
                .chain(() -> refunded(id, asked.refundId()));
    }

    public Uni<Payment> get(String reservationId, String chargeId) {
        PaymentValidator.payment(reservationId, chargeId);
        return current(reservationId, chargeId);
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

    /**
     * Counts the refunds the processor has not confirmed in full in time, for the metric hotelmesh_refunds_stuck: a
     * refund counts once however many of its parts are unconfirmed.
     */
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
        Uni<Integer> refunds = payments.stuckParts(pool, config.resumeAfter(), RESUME_BATCH)
                .chain(stuck -> Multi.createFrom().iterable(stuck).onItem()
                        .transformToUniAndConcatenate(part -> payments.findById(pool, part.paymentId())
                                .chain(charge -> payBack(charge.orElseThrow(), part)))
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
                        : payments.findById(pool, payment.paymentId()).map(Optional::orElseThrow));
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

    /**
     * Asks the processor to refund one part from its charge (idempotently, by the part's id) and records the
     * confirmation; a processor that has not confirmed it leaves the part PROCESSING for the resume job.
     */
    private Uni<Void> payBack(Payment charge, RefundPart part) {
        return gateway.refund(part.partId(), charge.gatewayReference(), part.amountMinor(), charge.currency())
                .ifNoItem().after(gatewayConfig.timeout()).fail()
                .chain(reference -> pool.withTransaction(tx -> payments.completePart(tx, part.partId(), reference)))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("refund %s (refund '%s' of reservation %s, from charge %s): the processor has not"
                            + " confirmed it (%s); left processing for the resume job", part.partId(),
                            part.refundId(), part.reservationId(), charge.paymentId(), failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** A refund asked again: the same amount in the same currency, or refused. */
    private static void sameRefund(Refund existing, RefundCommand asked) {
        if (existing.amountMinor() == asked.amountMinor() && existing.currency().equals(asked.currency())) {
            return;
        }
        String id = asked.reservationId();
        String was = existing.currency() + " " + existing.amountMinor() + " (minor units)";
        throw new PreconditionFailed(Payment.BOOKING.equals(asked.refundId())
                ? "reservation " + id + " was already refunded " + was + "; a reservation is refunded once"
                : "refund " + asked.refundId() + " of reservation " + id + " was already asked for " + was
                        + "; a refund id is refunded once");
    }

    /** The refund as it stands, with the booking's charge as it stands. */
    private Uni<RefundResult> refunded(String reservationId, String refundId) {
        return payments.findRefund(pool, reservationId, refundId)
                .chain(refund -> payments.find(pool, reservationId, Payment.BOOKING)
                        .map(booking -> new RefundResult(booking.orElse(null), refund.orElseThrow())));
    }

    private Uni<Payment> current(String reservationId, String chargeId) {
        return payments.find(pool, reservationId, chargeId)
                .map(found -> found.orElseThrow(() -> noPayment(reservationId, chargeId)));
    }

    private static NotFound noPayment(String reservationId, String chargeId) {
        return new NotFound(Payment.BOOKING.equals(chargeId) ? "reservation " + reservationId + " has no payment"
                : "reservation " + reservationId + " has no charge " + chargeId);
    }

    /** A part of a refund and the charge it is taken from. */
    private record Asked(RefundPart part, Payment charge) {
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
