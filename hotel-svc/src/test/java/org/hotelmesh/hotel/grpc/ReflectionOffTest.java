package org.hotelmesh.hotel.grpc;

import static org.hotelmesh.hotel.grpc.ReflectionTest.listServices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.hotelmesh.devtools.test.TestIdentities;
import org.hotelmesh.devtools.test.StoresTestResource;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** gRPC reflection switched off at run time (the chart's production values do): not served at all. */
@QuarkusTest
@TestProfile(ReflectionOffTest.Off.class)
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "hotel_test"), @ResourceArg(name = "redisDatabase", value = "1") })
class ReflectionOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.grpc.server.enable-reflection-service", "false");
        }
    }

    @Test
    void isNotServed() {
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> listServices(TestIdentities.tool("grpcurl")).get(10, TimeUnit.SECONDS));
        assertEquals(Status.Code.UNIMPLEMENTED,
                assertInstanceOf(StatusRuntimeException.class, failed.getCause()).getStatus().getCode());
    }
}
