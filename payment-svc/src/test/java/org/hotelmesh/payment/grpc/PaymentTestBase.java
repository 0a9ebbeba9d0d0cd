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

    static RefundRequest refund(String reservationId, long amount, String reason) {
        return RefundRequest.newBuilder().setReservationId(reservationId)
                .setAmount(Money.newBuilder().setAmountMinor(amount).setCurrency("EUR")).setReason(reason).build();
    }

    Payment paymentOf(String reservationId) {
        return payments.getPayment(GetPaymentRequest.newBuilder().setReservationId(reservationId).build()).getPayment();
    }

    /** How many rows of {@code table} belong to the reservation, read straight from the database. */
    long rows(String table, String reservationId) {
        return pool.preparedQuery("SELECT count(*) FROM " + table + " WHERE reservation_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(reservationId)).await().indefinitely()
                .iterator().next().getLong(0);
    }
}
