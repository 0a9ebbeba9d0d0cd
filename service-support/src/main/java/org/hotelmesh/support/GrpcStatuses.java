package org.hotelmesh.support;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.vertx.pgclient.PgException;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/** gRPC statuses built the same way by every service. */
public final class GrpcStatuses {

    private GrpcStatuses() {
    }

    /**
     * INVALID_ARGUMENT with a {@code google.rpc.BadRequest} detail: one field violation per bad field (field name to
     * reason, in the order given), which the edge turns into the problem's {@code errors}.
     */
    public static StatusRuntimeException invalidArgument(String message, List<Map.Entry<String, String>> violations) {
        BadRequest.Builder badRequest = BadRequest.newBuilder();
        violations.forEach(v -> badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                .setField(v.getKey())
                .setDescription(v.getValue())));
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage(message)
                .addDetails(Any.pack(badRequest.build()))
                .build());
    }

    /**
     * A lost or refused database connection, or a server shutting down (SQLSTATE classes 08 and 57P): not the
     * client's fault and worth retrying, so UNAVAILABLE rather than INTERNAL.
     */
    public static boolean storeUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof ClosedChannelException
                    || cause instanceof TimeoutException) {
                return true;
            }
            if (cause instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
