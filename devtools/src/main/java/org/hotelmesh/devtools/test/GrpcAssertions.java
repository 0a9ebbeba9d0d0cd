package org.hotelmesh.devtools.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.function.Executable;

import com.google.rpc.BadRequest;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** How every service's tests check the gRPC status of a failed call. */
public final class GrpcAssertions {

    private GrpcAssertions() {
    }

    /** Asserts the call fails with {@code code} and, unless null, exactly this description. */
    public static StatusRuntimeException assertStatus(Status.Code code, String description, Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, e.getStatus().getCode(), () -> "status of " + e);
        if (description != null) {
            assertEquals(description, e.getStatus().getDescription());
        }
        return e;
    }

    /** Asserts INVALID_ARGUMENT with a BadRequest detail naming exactly these fields, in this order. */
    public static BadRequest assertInvalid(Executable call, String... fields) throws Exception {
        StatusRuntimeException e = assertStatus(Status.Code.INVALID_ARGUMENT, null, call);
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        assertTrue(status != null && status.getDetailsCount() == 1, "one BadRequest detail expected in " + e);
        BadRequest badRequest = status.getDetails(0).unpack(BadRequest.class);
        assertEquals(List.of(fields),
                badRequest.getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField).toList());
        assertTrue(e.getStatus().getDescription().startsWith(fields[0] + ": "),
                "description names the first field: " + e.getStatus().getDescription());
        return badRequest;
    }
}
