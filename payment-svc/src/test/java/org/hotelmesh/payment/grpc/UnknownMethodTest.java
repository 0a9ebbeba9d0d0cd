package org.hotelmesh.payment.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.hotelmesh.devtools.test.TestIdentities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.quarkus.test.junit.QuarkusTest;

/** A method or service this server does not serve is UNIMPLEMENTED, for callers with a token and without. */
@QuarkusTest
class UnknownMethodTest extends PaymentTestBase {

    private static final ManagedChannel CHANNEL = ManagedChannelBuilder.forAddress("localhost", 18084)
            .usePlaintext().build();

    @AfterAll
    static void close() {
        CHANNEL.shutdownNow();
    }

    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    @ParameterizedTest
    @ValueSource(strings = {"hotelmesh.payment.v1.PaymentService/Steal", "no.such.Service/Call",
            "hotelmesh.hotel.v1.HotelService/GetHotel"})
    void anUnknownMethodIsUnimplemented(String fullMethodName) {
        MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(fullMethodName)
                .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
        for (var channel : new io.grpc.Channel[] {CHANNEL, io.grpc.ClientInterceptors.intercept(CHANNEL, TestIdentities.calling(
                TestIdentities.workload("reservation-svc")))}) {
            assertStatus(Status.Code.UNIMPLEMENTED, "Method not found: /" + fullMethodName,
                    () -> ClientCalls.blockingUnaryCall(channel, method, CallOptions.DEFAULT, new byte[0]));
        }
    }
}
