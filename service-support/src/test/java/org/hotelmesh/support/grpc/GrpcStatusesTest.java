package org.hotelmesh.support.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import com.google.rpc.ErrorInfo;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

class GrpcStatusesTest {

    @Test
    void aCallRefusedByAProtocolErrorGoAwayIsUnavailable() {
        // What grpc-java reports for a call above the last stream of a GOAWAY(PROTOCOL_ERROR).
        StatusRuntimeException refused = Status.INTERNAL.withDescription("Connection closed after GOAWAY. HTTP/2 error "
                + "code: PROTOCOL_ERROR, debug data: Request stream 3 is not correct for server connection")
                .asRuntimeException();

        Status status = GrpcStatuses.status(refused);

        assertEquals(Status.Code.UNAVAILABLE, status.getCode());
        assertEquals(refused.getStatus().getDescription(), status.getDescription());
        assertSame(refused, status.getCause());
    }

    @Test
    void otherStatusesStayAsTheyAre() {
        assertEquals(Status.Code.INTERNAL, GrpcStatuses.status(Status.INTERNAL.withDescription("internal error; "
                + "the failure has been logged").asRuntimeException()).getCode());
        assertEquals(Status.Code.NOT_FOUND, GrpcStatuses.status(Status.NOT_FOUND.asRuntimeException()).getCode());
        assertEquals(Status.Code.UNKNOWN, GrpcStatuses.status(new IllegalStateException("not a call")).getCode());
    }

    @Test
    void anUnavailableSaidByTheServiceCarriesItsReason() throws Exception {
        StatusRuntimeException said = GrpcStatuses.unavailable("the rate database is unavailable; retry shortly");

        assertEquals(Status.Code.UNAVAILABLE, said.getStatus().getCode());
        assertEquals("the rate database is unavailable; retry shortly", said.getStatus().getDescription());
        ErrorInfo info = StatusProto.fromThrowable(said).getDetails(0).unpack(ErrorInfo.class);
        assertEquals(GrpcStatuses.DOMAIN, info.getDomain());
        assertEquals(GrpcStatuses.DEPENDENCY_UNAVAILABLE, info.getReason());
    }
}
