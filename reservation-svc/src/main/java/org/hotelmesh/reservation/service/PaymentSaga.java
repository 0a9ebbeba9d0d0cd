package org.hotelmesh.reservation.service;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.client.PaymentClient;
import org.hotelmesh.reservation.config.SagaConfig;
import org.hotelmesh.reservation.domain.PaymentState;
import org.hotelmesh.reservation.domain.PaymentView;
import org.hotelmesh.reservation.domain.RefundState;
import org.hotelmesh.reservation.domain.Reservation;
import org.hotelmesh.reservation.domain.ReservationStatus;
import org.hotelmesh.reservation.repository.SagaRepository.SagaState;
import org.hotelmesh.reservation.repository.SagaRepository;
import org.hotelmesh.support.client.DownstreamUnavailable;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The booking saga, orchestrated here: a reservation is stored pending with its charge about to be asked (payment
 * state charging), then
 * <ul>
 * <li>captured -> paid; declined or failed -> rejected and its rooms released;</li>
 * <li>no answer (payment-svc down, slower than the deadline, still processing) -> stays as it is: a later step (the
 * recovery job, a replay of the booking) asks payment-svc again, which is idempotent by reservation id;</li>
 * <li>a capture on a reservation that ended meanwhile (hold expired, canceled while charging) -> refunded in full;</li>
 * <li>an owed refund (cancellation of a paid reservation) -> asked of payment-svc until it answers.</li>
 * </ul>
 * Every step re-reads the row and every transition is conditional (see {@link SagaRepository}), so a crash anywhere
 * loses nothing and repeats nothing: the next step starts from what was committed. In this process, concurrent
 * callers for one reservation share one step, which runs to its end even if they stop waiting.
 */
@ApplicationScoped
public class PaymentSaga {

    private static final Logger LOG = Logger.getLogger(PaymentSaga.class);

    /** How a step may treat a charge that never reached payment-svc. */
    public enum Mode {
        /** The reservation was just created: charge it now (payment-svc answers the same if it was charged). */
        CHARGE,
        /** Ask payment-svc first; charge only if it has never seen the charge and the reservation is still pending. */
        RESUME,
        /** Ask payment-svc and record what it knows; never start a charge (the hold is over). */
        SETTLE_ONLY
    }

    private final Pool pool;
    private final SagaRepository saga;
    private final Holds holds;
    private final PaymentClient payments;
    private final SagaConfig config;
    private final ConcurrentHashMap<String, Uni<Void>> inFlight = new ConcurrentHashMap<>();

    public PaymentSaga(Pool pool, SagaRepository saga, Holds holds, PaymentClient payments, SagaConfig config) {
        this.pool = pool;
        this.saga = saga;
        this.holds = holds;
        this.payments = payments;
        this.config = config;
    }

    /**
     * Takes the reservation as far as payment-svc's answers allow. Never fails: what could not be done now (payment-svc
     * unreachable, an unexpected error, which is logged) is left for the recovery job.
     */
    public Uni<Void> advance(String reservationId, Mode mode) {
        return shared(reservationId, () -> step(reservationId, mode, null));
    }

    /** The first step of a booking just made: its charge, from what the booking knows (nothing to re-read). */
    public Uni<Void> charge(Reservation created, String paymentToken) {
        SagaState state = new SagaState(created.reservationId(), ReservationStatus.PENDING, PaymentState.CHARGING,
                paymentToken, created.price().currency(), created.price().totalMinor(), RefundState.NONE, null);
        return shared(created.reservationId(), () -> step(created.reservationId(), Mode.CHARGE, state));
    }

    /** One step per reservation at a time in this process: a caller arriving meanwhile waits for the running one. */
    private Uni<Void> shared(String reservationId, Supplier<Uni<Void>> work) {
        Uni<Void> running = inFlight.get(reservationId);
        if (running != null) {
            return running;
        }
        AtomicReference<Uni<Void>> self = new AtomicReference<>();
        Uni<Void> step = Uni.createFrom().<Void>deferred(work::get)
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf(failure, "the saga step of reservation %s failed; the recovery job will retry",
                            reservationId);
                    return Uni.createFrom().voidItem();
                })
                .onTermination().invoke(() -> inFlight.remove(reservationId, self.get()))
                .memoize().indefinitely();
        self.set(step);
        Uni<Void> other = inFlight.putIfAbsent(reservationId, step);
        if (other != null) {
            return other;
        }
        step.subscribe().with(ignored -> {
        }); // detached from the callers: their deadline must not cut a step between payment-svc and the database
        return step;
    }

    /** {@code known}: the reservation's saga state when the caller has it; else it is read. */
    private Uni<Void> step(String id, Mode mode, SagaState known) {
        Uni<Optional<SagaState>> read = known != null ? Uni.createFrom().item(Optional.of(known))
                : saga.find(pool, id);
        return read.flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            SagaState state = found.get();
            if (state.payment() != PaymentState.CHARGING) {
                return state.refund() == RefundState.REQUESTED ? refund(state) : Uni.createFrom().voidItem();
            }
            // a capture on a reservation that ended meanwhile makes a refund owed: then read what is owed
            return settlePayment(state, mode).flatMap(owedBack -> !owedBack ? Uni.createFrom().voidItem()
                    : saga.find(pool, id).flatMap(now -> now.isPresent() && now.get().refund() == RefundState.REQUESTED
                            ? refund(now.get()) : Uni.createFrom().voidItem()));
        });
    }

    /** Learns (or makes) the charge's outcome and records it; true when it captured on a reservation that ended. */
    private Uni<Boolean> settlePayment(SagaState state, Mode mode) {
        String id = state.reservationId();
        boolean pending = state.status() == ReservationStatus.PENDING;
        Uni<Optional<PaymentView>> known = mode == Mode.CHARGE && pending ? charge(state).map(Optional::of)
                : payments.find(id).flatMap(found -> found.isEmpty() && pending && mode != Mode.SETTLE_ONLY
                        ? charge(state).map(Optional::of) : Uni.createFrom().item(found));
        return known.flatMap(payment -> record(state, payment, mode))
                .onFailure(PaymentSaga::unanswered).recoverWithUni(failure -> {
                    LOG.debugf("reservation %s: payment outcome still unknown (%s)", id, failure.getMessage());
                    return Uni.createFrom().item(false);
                });
    }

    private Uni<PaymentView> charge(SagaState state) {
        if (state.paymentToken() == null || state.totalMinor() == null) {
            throw new IllegalStateException("reservation " + state.reservationId() + " is charging without a "
                    + (state.paymentToken() == null ? "payment token" : "price"));
        }
        return payments.charge(state.reservationId(), state.totalMinor(), state.currency(), state.paymentToken());
    }

    /** Records what payment-svc knows; true when a capture came after the reservation ended. */
    private Uni<Boolean> record(SagaState state, Optional<PaymentView> known, Mode mode) {
        String id = state.reservationId();
        if (known.isEmpty()) {
            // SETTLE_ONLY on a pending one, or the reservation ended and no charge ever reached payment-svc
            return state.status() == ReservationStatus.PENDING ? Uni.createFrom().item(false)
                    : saga.abandonCharge(pool, id, config.recoverAfter()).replaceWith(false);
        }
        PaymentView payment = known.get();
        if (payment.status() == PaymentView.Status.PROCESSING) {
            return Uni.createFrom().item(false); // payment-svc finishes it on its own; the next step reads the outcome
        }
        if (payment.status().captured()) {
            return saga.markPaid(pool, id, payment.paymentId()).flatMap(paid -> {
                if (paid) {
                    if (mode != Mode.CHARGE) {
                        LOG.infof("reservation %s is paid: its charge's outcome was learned after the booking", id);
                    }
                    return Uni.createFrom().item(false);
                }
                return saga.oweCaptureBack(pool, id, payment.paymentId()).invoke(owed -> {
                    if (owed) {
                        LOG.infof("reservation %s ended before its charge was captured; refunding %d %s", id,
                                payment.amountMinor(), payment.currency());
                    }
                }).replaceWith(true);
            });
        }
        PaymentState outcome = payment.status() == PaymentView.Status.DECLINED ? PaymentState.DECLINED
                : PaymentState.FAILED;
        String code = payment.declineCode() == null || payment.declineCode().isEmpty() ? null : payment.declineCode();
        return pool.withTransaction(conn -> saga.reject(conn, id, outcome, code)
                        .invoke(stay -> {
                            if (stay.isPresent() && mode != Mode.CHARGE) {
                                LOG.infof("reservation %s is rejected (%s): its charge's outcome was learned after the"
                                        + " booking", id, code == null ? outcome.db() : code);
                            }
                        })
                        .flatMap(stay -> stay.isPresent() ? holds.release(conn, id, stay)
                                : saga.recordFailure(conn, id, outcome, code).replaceWith(Holds.Released.NOTHING)))
                .call(holds::publish)
                .replaceWith(false);
    }

    private Uni<Void> refund(SagaState state) {
        String id = state.reservationId();
        String reason = switch (state.status()) {
            case REFUNDED -> "reservation canceled";
            case CHECKED_OUT -> "early departure: the nights not stayed";
            case NO_SHOW -> "no-show: the nights after the arrival night";
            default -> "reservation ended before its payment was captured";
        };
        return payments.refund(id, PaymentClient.BOOKING, state.refundMinor(), state.currency(), reason)
                // refunded only once the processor confirmed it; until then it stays requested and is asked again
                .flatMap(done -> done ? saga.finishRefund(pool, id, RefundState.REFUNDED)
                        : Uni.createFrom().voidItem().invoke(() -> LOG.debugf(
                                "reservation %s: refund asked, not confirmed by the processor yet", id)))
                .onFailure(PaymentSaga::unanswered).recoverWithUni(failure -> {
                    LOG.debugf("reservation %s: refund not confirmed yet (%s)", id, failure.getMessage());
                    return Uni.createFrom().voidItem();
                })
                .onFailure(PaymentClient.RefundRefused.class).recoverWithUni(failure -> {
                    LOG.errorf("payment-svc refused the refund of %d %s for reservation %s (%s); staff must look",
                            state.refundMinor(), state.currency(), id, failure.getMessage());
                    return saga.finishRefund(pool, id, RefundState.FAILED);
                });
    }

    /** payment-svc gave no answer: unreachable, too slow, or its circuit is open. The step is left for later. */
    private static boolean unanswered(Throwable failure) {
        return failure instanceof DownstreamUnavailable;
    }
}
