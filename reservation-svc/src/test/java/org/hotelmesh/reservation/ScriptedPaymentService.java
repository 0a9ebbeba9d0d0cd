package org.hotelmesh.reservation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotelmesh.proto.common.v1.Money;
import org.hotelmesh.proto.payment.v1.ChargeRequest;
import org.hotelmesh.proto.payment.v1.ChargeResponse;
import org.hotelmesh.proto.payment.v1.GetPaymentRequest;
import org.hotelmesh.proto.payment.v1.GetPaymentResponse;
import org.hotelmesh.proto.payment.v1.Payment;
import org.hotelmesh.proto.payment.v1.PaymentService;
import org.hotelmesh.proto.payment.v1.PaymentStatus;
import org.hotelmesh.proto.payment.v1.RefundOutcome;
import org.hotelmesh.proto.payment.v1.RefundRequest;
import org.hotelmesh.proto.payment.v1.RefundResponse;
import org.hotelmesh.support.grpc.CallerDeadline;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * payment-svc as reservation-svc's tests need it: served by the test application on its own port, so the real
 * PaymentClient (deadline, retries, circuit breaker, translation) is what talks to it. Keeps payment-svc's contract -
 * one charge per (reservation, charge id) and one refund per (reservation, refund id), never more refunded than
 * captured, a retry answers the first outcome, other values are FAILED_PRECONDITION - and payment-svc's test tokens,
 * plus:
 * <ul>
 * <li>{@code tok_pending}: the processor never answers by itself (PROCESSING until {@link #complete});</li>
 * <li>{@code tok_slow}: captured after {@link #SLOW}, longer than the client's deadline; Charge answers only then;</li>
 * <li>{@code tok_lostAnswer}: captured at once, but the answer never arrives in time (a crash or a lost reply between
 * the capture and the reservation's update looks the same to reservation-svc).</li>
 * </ul>
 * {@link #down} makes every call UNAVAILABLE, as if payment-svc were stopped. Counters prove nothing moved twice.
 */
@GrpcService
public class ScriptedPaymentService implements PaymentService {

    public static final Duration SLOW = Duration.ofMillis(2500);
    public static final Duration LOST = Duration.ofMillis(1500);

    public static final AtomicBoolean down = new AtomicBoolean();
    /** The processor has not confirmed refunds: payment-svc answers them asked for, the money not back yet. */
    public static final AtomicBoolean refundsPending = new AtomicBoolean();
    private static final Map<String, Payment> PAYMENTS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CAPTURES = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> REFUNDS = new ConcurrentHashMap<>();
    private static final Map<String, Duration> CHARGE_DEADLINES = new ConcurrentHashMap<>();
    /** Refunds by reservation id + "/" + refund id: the amount refunded. */
    private static final Map<String, Long> REFUNDED = new ConcurrentHashMap<>();

    /** The key of a charge: the booking's is the reservation id itself. */
    static String key(String reservationId, String chargeId) {
        return chargeId.isEmpty() ? reservationId : reservationId + "/" + chargeId;
    }

    /** A further charge of the reservation (a change of stay's difference), or null. */
    public static Payment payment(String reservationId, String chargeId) {
        return PAYMENTS.get(key(reservationId, chargeId));
    }

    /** What the reservation's refund {@code refundId} gave back, or null when none was made. */
    public static Long refunded(String reservationId, String refundId) {
        return REFUNDED.get(reservationId + "/" + refundId);
    }

    /** Charges that moved money for the reservation (at most one, or the contract is broken). */
    public static int captures(String reservationId) {
        return CAPTURES.getOrDefault(reservationId, new AtomicInteger()).get();
    }

    /** How long reservation-svc gave the first Charge of a reservation (its deadline, as this service received it). */
    public static Duration chargeDeadline(String reservationId) {
        return CHARGE_DEADLINES.get(reservationId);
    }

    public static int refunds(String reservationId) {
        return REFUNDS.getOrDefault(reservationId, new AtomicInteger()).get();
    }

    public static Payment payment(String reservationId) {
        return PAYMENTS.get(reservationId);
    }

    /** The processor finally answers a {@code tok_pending} charge. */
    public static void complete(String reservationId, PaymentStatus outcome) {
        PAYMENTS.computeIfPresent(reservationId, (id, p) -> {
            if (p.getStatus() != PaymentStatus.PROCESSING) {
                throw new IllegalStateException(id + " is " + p.getStatus());
            }
            if (outcome == PaymentStatus.CAPTURED) {
                CAPTURES.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            }
            return p.toBuilder().setStatus(outcome).build();
        });
    }

    @Override
    public Uni<ChargeResponse> charge(ChargeRequest request) {
        if (down.get()) {
            return unavailable();
        }
        String id = key(request.getReservationId(), request.getChargeId());
        CHARGE_DEADLINES.putIfAbsent(id, CallerDeadline.within(Duration.ofHours(1)));
        String token = request.getPaymentToken();
        PaymentStatus outcome;
        String declineCode = "";
        switch (token) {
            case "tok_visa", "tok_mastercard", "tok_lostAnswer" -> outcome = PaymentStatus.CAPTURED;
            case "tok_chargeDeclined" -> {
                outcome = PaymentStatus.DECLINED;
                declineCode = "card_declined";
            }
            case "tok_chargeDeclinedInsufficientFunds" -> {
                outcome = PaymentStatus.DECLINED;
                declineCode = "insufficient_funds";
            }
            case "tok_chargeDeclinedExpiredCard" -> {
                outcome = PaymentStatus.DECLINED;
                declineCode = "expired_card";
            }
            case "tok_processingError" -> outcome = PaymentStatus.FAILED;
            case "tok_pending", "tok_slow" -> outcome = PaymentStatus.PROCESSING;
            default -> {
                return Uni.createFrom().failure(Status.INVALID_ARGUMENT
                        .withDescription("paymentToken: is not a token the processor knows").asRuntimeException());
            }
        }
        Payment fresh = Payment.newBuilder().setPaymentId("pay_" + id.replace('/', '_'))
                .setReservationId(request.getReservationId()).setChargeId(request.getChargeId())
                .setAmount(request.getAmount()).setStatus(outcome).setDeclineCode(declineCode)
                .setRefunded(Money.newBuilder().setCurrency(request.getAmount().getCurrency())).build();
        Payment stored = PAYMENTS.computeIfAbsent(id, k -> {
            if (fresh.getStatus() == PaymentStatus.CAPTURED) {
                CAPTURES.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
            }
            return fresh;
        });
        if (!stored.getAmount().equals(request.getAmount())) {
            return Uni.createFrom().failure(Status.FAILED_PRECONDITION
                    .withDescription("reservation " + id + " was charged with other values").asRuntimeException());
        }
        if (stored == fresh && token.equals("tok_slow")) {
            // like payment-svc, the processor's work goes on whether or not the caller still waits
            CompletableFuture.delayedExecutor(SLOW.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> complete(id, PaymentStatus.CAPTURED));
            return Uni.createFrom().item(() -> ChargeResponse.newBuilder().setPayment(PAYMENTS.get(id)).build())
                    .onItem().delayIt().by(SLOW.plusMillis(50));
        }
        ChargeResponse answer = ChargeResponse.newBuilder().setPayment(stored).build();
        return token.equals("tok_lostAnswer") ? Uni.createFrom().item(answer).onItem().delayIt().by(LOST)
                : Uni.createFrom().item(answer);
    }

    @Override
    public Uni<RefundResponse> refund(RefundRequest request) {
        if (down.get()) {
            return unavailable();
        }
        String id = request.getReservationId();
        String refundKey = id + "/" + request.getRefundId();
        long amount = request.getAmount().getAmountMinor();
        synchronized (REFUNDED) {
            long captured = PAYMENTS.values().stream().filter(p -> p.getReservationId().equals(id))
                    .filter(p -> p.getStatus() != PaymentStatus.PROCESSING && p.getStatus() != PaymentStatus.DECLINED
                            && p.getStatus() != PaymentStatus.FAILED)
                    .mapToLong(p -> p.getAmount().getAmountMinor()).sum();
            if (captured == 0) {
                return Uni.createFrom().failure(Status.FAILED_PRECONDITION.withDescription("reservation " + id
                        + " has nothing captured").asRuntimeException());
            }
            Long before = REFUNDED.get(refundKey);
            if (before != null && before != amount) {
                return Uni.createFrom().failure(Status.FAILED_PRECONDITION.withDescription("refund " + refundKey
                        + " was made with another amount").asRuntimeException());
            }
            long refundedElsewhere = REFUNDED.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(id + "/") && !e.getKey().equals(refundKey))
                    .mapToLong(Map.Entry::getValue).sum();
            if (before == null && refundedElsewhere + amount > captured) {
                return Uni.createFrom().failure(Status.FAILED_PRECONDITION.withDescription("reservation " + id
                        + " cannot be refunded " + amount + " more").asRuntimeException());
            }
            boolean done = before != null || !refundsPending.get();
            if (before == null && done) {
                REFUNDED.put(refundKey, amount);
                REFUNDS.computeIfAbsent(id, x -> new AtomicInteger()).incrementAndGet();
                PAYMENTS.computeIfPresent(id, (k, p) -> {
                    long onBooking = Math.min(p.getAmount().getAmountMinor(), refundedElsewhere + amount);
                    return p.toBuilder().setRefunded(p.getRefunded().toBuilder().setAmountMinor(onBooking))
                            .setRefundReason(request.getReason())
                            .setStatus(onBooking == p.getAmount().getAmountMinor() ? PaymentStatus.REFUNDED
                                    : PaymentStatus.PARTIALLY_REFUNDED).build();
                });
            }
            Payment booking = PAYMENTS.get(id);
            RefundResponse.Builder answer = RefundResponse.newBuilder().setRefund(RefundOutcome.newBuilder()
                    .setRefundId(request.getRefundId()).setAmount(request.getAmount()).setDone(done)
                    .setConfirmed(request.getAmount().toBuilder().setAmountMinor(done ? amount : 0)));
            if (booking != null) {
                answer.setPayment(done ? booking : booking.toBuilder().setRefundReason(request.getReason())
                        .setRefundRequestedAt(Instant.now().toString()).build());
            }
            return Uni.createFrom().item(answer.build());
        }
    }

    @Override
    public Uni<GetPaymentResponse> getPayment(GetPaymentRequest request) {
        if (down.get()) {
            return unavailable();
        }
        Payment payment = PAYMENTS.get(key(request.getReservationId(), request.getChargeId()));
        if (payment == null) {
            return Uni.createFrom().failure(Status.NOT_FOUND.withDescription("reservation "
                    + request.getReservationId() + " has no payment").asRuntimeException());
        }
        return Uni.createFrom().item(GetPaymentResponse.newBuilder().setPayment(payment).build());
    }

    private static <T> Uni<T> unavailable() {
        return Uni.createFrom().failure(Status.UNAVAILABLE.withDescription("payment-svc is stopped")
                .asRuntimeException());
    }
}
