package org.hotelmesh.hotel.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hotelmesh.devtools.GrpcCredentials;
import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.devtools.test.TestIdentities;
import org.junit.jupiter.api.Test;

import grpc.reflection.v1alpha.Reflection.ServerReflectionRequest;
import grpc.reflection.v1alpha.Reflection.ServerReflectionResponse;
import grpc.reflection.v1alpha.Reflection.ServiceResponse;
import grpc.reflection.v1alpha.ServerReflectionGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * gRPC reflection (what grpcurl lists and describes) is on by default; {@link ReflectionOffTest}: off when
 * quarkus.grpc.server.enable-reflection-service=false at run time, as the chart's production values set it.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "hotel_test"), @ResourceArg(name = "redisDatabase", value = "1") })
class ReflectionTest {

    @Test
    void listsTheServicesToAnAuthenticatedTool() throws Exception {
        List<String> services = listServices(TestIdentities.tool("grpcurl")).get(10, TimeUnit.SECONDS)
                .getListServicesResponse().getServiceList().stream().map(ServiceResponse::getName).toList();
        assertTrue(services.contains("hotelmesh.hotel.v1.HotelService"), services.toString());
    }

    @Test
    void isClosedToStrangersAndToOtherServices() {
        assertRefused(Status.Code.UNAUTHENTICATED, listServices(null));
        assertRefused(Status.Code.PERMISSION_DENIED, listServices(TestIdentities.workload("rate-svc")));
        assertRefused(Status.Code.PERMISSION_DENIED, listServices(TestIdentities.guest("alice")));
    }

    private static void assertRefused(Status.Code code, CompletableFuture<ServerReflectionResponse> answer) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
        assertEquals(code, Status.fromThrowable(e.getCause()).getCode(), e.toString());
    }

    /** One ListServices request over the reflection stream, on this service's port, with {@code token} if any. */
    static CompletableFuture<ServerReflectionResponse> listServices(String token) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        ManagedChannelBuilder<?> builder = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext();
        if (token != null) {
            builder.intercept(GrpcCredentials.bearer(token));
        }
        ManagedChannel channel = builder.build();
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse response) {
                        answer.complete(response);
                    }

                    @Override
                    public void onError(Throwable failure) {
                        answer.completeExceptionally(failure);
                    }

                    @Override
                    public void onCompleted() {
                        answer.completeExceptionally(new IllegalStateException("no answer"));
                    }
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onCompleted();
        return answer.whenComplete((ignored, failure) -> channel.shutdownNow());
    }
}
