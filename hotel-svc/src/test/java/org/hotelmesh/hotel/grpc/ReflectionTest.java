package org.hotelmesh.hotel.grpc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hotelmesh.devtools.test.StoresTestResource;
import org.junit.jupiter.api.Test;

import grpc.reflection.v1alpha.Reflection.ServerReflectionRequest;
import grpc.reflection.v1alpha.Reflection.ServerReflectionResponse;
import grpc.reflection.v1alpha.Reflection.ServiceResponse;
import grpc.reflection.v1alpha.ServerReflectionGrpc;
import io.grpc.ManagedChannel;
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
    void listsTheServices() throws Exception {
        List<String> services = listServices().get(10, TimeUnit.SECONDS).getListServicesResponse()
                .getServiceList().stream().map(ServiceResponse::getName).toList();
        assertTrue(services.contains("hotelmesh.hotel.v1.HotelService"), services.toString());
    }

    /** One ListServices request over the reflection stream, on this service's port. */
    static CompletableFuture<ServerReflectionResponse> listServices() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
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
