package org.hotelmesh.payment.grpc;

import java.util.UUID;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.payment.gateway.SimulatedGateway;
import org.hotelmesh.proto.common.v1.Money;
import org.hotelmesh.proto.payment.v1.ChargeRequest;
import org.hotelmesh.proto.payment.v1.GetPaymentRequest;
import org.hotelmesh.proto.payment.v1.Payment;
import org.hotelmesh.proto.payment.v1.PaymentServiceGrpc.PaymentServiceBlockingStub;
import org.hotelmesh.proto.payment.v1.RefundRequest;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;

/** Shared wiring: a gRPC client of this service over the network, its database and the simulated processor. */
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "payment_test"), @ResourceArg(name = "redisDatabase", value = "9") })
abstract class PaymentTestBase {

    static final long AMOUNT = 36_000;

    @GrpcClient("payment")
    PaymentServiceBlockingStub payments;

    @Inject
    SimulatedGateway gateway;

    @Inject
    Pool pool;

    static String newReservationId() {
        return UUID.randomUUID().toString();
    }

    static ChargeRequest charge(String reservationId, long amount, String token) {
        return ChargeRequest.newBuilder().setReservationId(reservationId)
                .setAmount(Money.newBuilder().setAmountMinor(amount).setCurrency("EUR")).setPaymentToken(token).build();
    }

    /** A further charge of the reservation (a change of stay that cost more). */
    static ChargeRequest charge(String reservationId, String chargeId, long amount, String token) {
        return charge(reservationId, amount, token).toBuilder().setChargeId(chargeId).build();
    }

    static RefundRequest refund(String reservationId, long amount, String reason) {
        return RefundRequest.newBuilder().setReservationId(reservationId)
                .setAmount(Money.newBuilder().setAmountMinor(amount).setCurrency("EUR")).setReason(reason).build();
    }

    /** A further refund of the reservation, by its own id. */
    static RefundRequest refund(String reservationId, String refundId, long amount, String reason) {
        return refund(reservationId, amount, reason).toBuilder().setRefundId(refundId).build();
    }

    Payment paymentOf(String reservationId) {
        return payments.getPayment(GetPaymentRequest.newBuilder().setReservationId(reservationId).build()).getPayment();
    }

    Payment paymentOf(String reservationId, String chargeId) {
        return payments.getPayment(GetPaymentRequest.newBuilder().setReservationId(reservationId)
                .setChargeId(chargeId).build()).getPayment();
    }

    /** The ids the processor was asked with for the parts of a refund, oldest charge first. */
    java.util.List<String> partIds(String reservationId, String refundId) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        pool.preparedQuery("SELECT rp.part_id FROM refund_part rp JOIN payment p USING (payment_id)"
                        + " WHERE rp.reservation_id = $1 AND rp.refund_id = $2 ORDER BY p.created_at, p.payment_id")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(reservationId, refundId)).await().indefinitely()
                .forEach(row -> ids.add(row.getString(0)));
        return ids;
    }

    /** How many rows of {@code table} belong to the reservation, read straight from the database. */
    long rows(String table, String reservationId) {
        return pool.preparedQuery("SELECT count(*) FROM " + table + " WHERE reservation_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(reservationId)).await().indefinitely()
                .iterator().next().getLong(0);
    }
}
