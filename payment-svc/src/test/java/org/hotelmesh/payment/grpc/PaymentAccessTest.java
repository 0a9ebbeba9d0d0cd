package org.hotelmesh.payment.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.hotelmesh.devtools.test.TestIdentities;
import org.hotelmesh.proto.payment.v1.GetPaymentRequest;
import org.hotelmesh.proto.payment.v1.PaymentServiceGrpc;
import org.hotelmesh.proto.payment.v1.PaymentServiceGrpc.PaymentServiceBlockingStub;
import org.hotelmesh.proto.payment.v1.PaymentStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Money moves only for reservation-svc: no token is UNAUTHENTICATED; the edge, another service, a tool with every
 * role and a guest's own token are PERMISSION_DENIED, for charges, refunds and reads alike, and nothing is written.
 */
@QuarkusTest
class PaymentAccessTest extends PaymentTestBase {

    private static final ManagedChannel CHANNEL = ManagedChannelBuilder.forAddress("localhost", 18084)
            .usePlaintext().build();

    @AfterAll
    static void close() {
        CHANNEL.shutdownNow();
    }

    private static PaymentServiceBlockingStub as(String bearer) {
        return PaymentServiceGrpc.newBlockingStub(TestIdentities.as(CHANNEL, bearer));
    }

    @Test
    void aStrangerCannotChargeRefundOrRead() {
        String id = newReservationId();
        PaymentServiceBlockingStub anonymous = PaymentServiceGrpc.newBlockingStub(CHANNEL);
        assertStatus(Status.Code.UNAUTHENTICATED, null, () -> anonymous.charge(charge(id, AMOUNT, "tok_visa")));
        assertStatus(Status.Code.UNAUTHENTICATED, null, () -> anonymous.getPayment(
                GetPaymentRequest.newBuilder().setReservationId(id).build()));
        assertEquals(0, rows("payment", id));
    }

    @Test
    void onlyReservationSvcMovesMoney() {
        String id = newReservationId();
        assertEquals(PaymentStatus.CAPTURED, payments.charge(charge(id, AMOUNT, "tok_visa")).getPayment().getStatus());
        List<String> others = List.of(TestIdentities.workload("edge-rest"), TestIdentities.workload("rate-svc"),
                TestIdentities.workload("hotel-svc"),
                TestIdentities.tool("ops", TestIdentities.WRITE_ROLES.toArray(String[]::new)),
                TestIdentities.guest("alice"), TestIdentities.admin());
        for (String caller : others) {
            String other = newReservationId();
            assertStatus(Status.Code.PERMISSION_DENIED, null, () -> as(caller).charge(charge(other, AMOUNT, "tok_visa")));
            assertStatus(Status.Code.PERMISSION_DENIED, null, () -> as(caller).refund(refund(id, AMOUNT, "free money")));
            assertStatus(Status.Code.PERMISSION_DENIED, null, () -> as(caller).getPayment(
                    GetPaymentRequest.newBuilder().setReservationId(id).build()));
            assertEquals(0, rows("payment", other));
        }
        assertEquals(0, rows("refund", id));
        assertEquals(PaymentStatus.CAPTURED, as(TestIdentities.workload("reservation-svc"))
                .getPayment(GetPaymentRequest.newBuilder().setReservationId(id).build()).getPayment().getStatus());
    }
}
