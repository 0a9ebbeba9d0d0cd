package org.hotelmesh.reservation.client;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.proto.common.v1.Money;
import org.hotelmesh.proto.payment.v1.ChargeRequest;
import org.hotelmesh.proto.payment.v1.GetPaymentRequest;
import org.hotelmesh.proto.payment.v1.MutinyPaymentServiceGrpc.MutinyPaymentServiceStub;
import org.hotelmesh.proto.payment.v1.Payment;
import org.hotelmesh.proto.payment.v1.RefundRequest;
import org.hotelmesh.reservation.domain.PaymentView;
import org.hotelmesh.support.client.DownstreamGuard;
import org.hotelmesh.support.client.DownstreamGuards;
import org.hotelmesh.support.client.Retry;
import org.hotelmesh.support.grpc.GrpcStatuses;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * payment-svc, as the sagas see it. Every call is idempotent by its key (a charge by reservation and charge id: "" for
 * the booking's, a change's id for the difference a change of stay costs; a refund by reservation and refund id: ""
 * for the one that ends the stay, a change's id for a change's), so a call that never reached payment-svc
 * (UNAVAILABLE) is retried. One that ran out of time is not:
 * payment-svc goes on with it, and the saga learns the outcome later. An open circuit fails at once.
 *
 * <p>A refusal is an answer, not an error: a charge payment-svc refuses (an invalid token, or a reservation charged
 * before with other values) comes back as a FAILED payment with the reason as decline code.
 */
@ApplicationScoped
public class PaymentClient {

    /** The charge and refund id of the booking's own charge and of the refund that ends the stay. */
    public static final String BOOKING = "";

    /** Decline code of a token payment-svc refused as invalid. */
    public static final String INVALID_TOKEN = "invalid_token";
    /** Decline code of a charge payment-svc refused because the reservation was charged before with other values. */
    public static final String CHARGE_CONFLICT = "charge_conflict";

    private static final DownstreamGuard.Words WORDS = new DownstreamGuard.Words() {
        @Override
        public String unanswered(String call, Status.Code code) {
            return code == Status.Code.DEADLINE_EXCEEDED ? "payment-svc did not answer " + call + " in time"
                    : "payments are unavailable (payment-svc cannot be reached)";
        }

        @Override
        public String circuitOpen() {
            return "payments are unavailable (payment-svc is failing; calls are paused for a few seconds)";
        }
    };

    private final MutinyPaymentServiceStub payments;
    private final DownstreamGuard guard;

    public PaymentClient(@GrpcClient("payment") MutinyPaymentServiceStub payments, DownstreamGuards guards) {
        this.payments = payments;
        this.guard = guards.of("payment-svc", WORDS);
    }

    public Uni<PaymentView> charge(String reservationId, long amountMinor, String currency, String paymentToken) {
        return charge(reservationId, BOOKING, amountMinor, currency, paymentToken);
    }

    /** {@code chargeId}: {@link #BOOKING} for the booking's charge, else the change of stay's id. */
    public Uni<PaymentView> charge(String reservationId, String chargeId, long amountMinor, String currency,
            String paymentToken) {
        return guard.call("Charge", Retry.WHEN_UNREACHABLE, () -> call().charge(ChargeRequest.newBuilder()
                        .setReservationId(reservationId).setChargeId(chargeId).setAmount(money(amountMinor, currency))
                        .setPaymentToken(paymentToken).build()))
                .map(response -> toView(response.getPayment()))
                .onFailure(failure -> refused(failure)).recoverWithItem(failure -> refusal(reservationId,
                        amountMinor, currency, failure))
                .onFailure().transform(failure -> translate("Charge", failure));
    }

    /**
     * Refunds {@code amountMinor} of what the reservation's charges captured, once per {@code refundId}
     * ({@link #BOOKING}: the refund that ends the stay). True once the card processor confirmed all of it. A refusal
     * (nothing captured, more than captured, refunded before with another amount) fails with {@link RefundRefused}:
     * the sagas never ask for those, so one means the two services disagree.
     */
    public Uni<Boolean> refund(String reservationId, String refundId, long amountMinor, String currency,
            String reason) {
        return guard.call("Refund", Retry.WHEN_UNREACHABLE, () -> call().refund(RefundRequest.newBuilder()
                        .setReservationId(reservationId).setRefundId(refundId).setAmount(money(amountMinor, currency))
                        .setReason(reason).build()))
                .map(response -> response.getRefund().getDone())
                .onFailure(PaymentClient::refused).transform(failure -> new RefundRefused(
                        GrpcStatuses.status(failure).getDescription()))
                .onFailure().transform(failure -> translate("Refund", failure));
    }

    /** The reservation's payment, or empty when no charge ever reached payment-svc. */
    public Uni<Optional<PaymentView>> find(String reservationId) {
        return find(reservationId, BOOKING);
    }

    /** One charge of the reservation, or empty when it never reached payment-svc. */
    public Uni<Optional<PaymentView>> find(String reservationId, String chargeId) {
        return guard.call("GetPayment", Retry.WHEN_UNREACHABLE, () -> call().getPayment(GetPaymentRequest.newBuilder()
                        .setReservationId(reservationId).setChargeId(chargeId).build()))
                .map(response -> Optional.of(toView(response.getPayment())))
                .onFailure(failure -> GrpcStatuses.status(failure).getCode() == Status.Code.NOT_FOUND)
                .recoverWithItem(Optional.empty())
                .onFailure().transform(failure -> translate("GetPayment", failure));
    }

    /** payment-svc refused a refund (FAILED_PRECONDITION, INVALID_ARGUMENT or NOT_FOUND), with its reason. */
    public static final class RefundRefused extends RuntimeException {
        RefundRefused(String reason) {
            super(reason);
        }
    }

    private MutinyPaymentServiceStub call() {
        return payments.withDeadlineAfter(guard.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean refused(Throwable failure) {
        Status.Code code = GrpcStatuses.status(failure).getCode();
        return code == Status.Code.INVALID_ARGUMENT || code == Status.Code.FAILED_PRECONDITION
                || code == Status.Code.NOT_FOUND;
    }

    /**
     * A charge payment-svc refused outright. INVALID_ARGUMENT can only be the token (amount and currency come from
     * the stored price); FAILED_PRECONDITION means this reservation id was charged before with other values.
     * Nothing was captured by this call either way.
     */
    private static PaymentView refusal(String reservationId, long amountMinor, String currency, Throwable failure) {
        Status status = GrpcStatuses.status(failure);
        String code = status.getCode() == Status.Code.INVALID_ARGUMENT ? INVALID_TOKEN : CHARGE_CONFLICT;
        return new PaymentView("", PaymentView.Status.FAILED, code, amountMinor, currency, 0);
    }

    /** What payment-svc answered, other than no answer (the guard's {@code DownstreamUnavailable}). */
    private static Throwable translate(String call, Throwable failure) {
        if (failure instanceof RefundRefused || !(failure instanceof StatusRuntimeException)) {
            return failure;
        }
        return new IllegalStateException("payment-svc " + call + " failed: " + GrpcStatuses.status(failure), failure);
    }

    static PaymentView toView(Payment p) {
        PaymentView.Status status = switch (p.getStatus()) {
            case PROCESSING -> PaymentView.Status.PROCESSING;
            case CAPTURED -> PaymentView.Status.CAPTURED;
            case DECLINED -> PaymentView.Status.DECLINED;
            case FAILED -> PaymentView.Status.FAILED;
            case REFUNDED -> PaymentView.Status.REFUNDED;
            case PARTIALLY_REFUNDED -> PaymentView.Status.PARTIALLY_REFUNDED;
            default -> throw new IllegalStateException("payment-svc sent payment " + p.getPaymentId()
                    + " with status " + p.getStatus());
        };
        return new PaymentView(p.getPaymentId(), status, p.getDeclineCode(), p.getAmount().getAmountMinor(),
                p.getAmount().getCurrency(), p.getRefunded().getAmountMinor());
    }

    private static Money money(long amountMinor, String currency) {
        return Money.newBuilder().setAmountMinor(amountMinor).setCurrency(currency).build();
    }
}
