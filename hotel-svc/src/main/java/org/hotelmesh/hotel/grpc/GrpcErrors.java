package org.hotelmesh.hotel.grpc;

import org.hotelmesh.hotel.domain.Conflict;
import org.hotelmesh.hotel.domain.InvalidInput;
import org.hotelmesh.hotel.domain.NotFound;
import org.hotelmesh.hotel.domain.PreconditionFailed;
import org.hotelmesh.hotel.domain.ReservationsUnavailable;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import io.vertx.pgclient.PgException;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** The one place where domain errors become gRPC statuses. */
public final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    public static Throwable toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException || failure instanceof StatusException) {
            return failure;
        }
        if (failure instanceof InvalidInput invalid) {
            return invalidArgument(invalid);
        }
        if (failure instanceof NotFound) {
            return Status.NOT_FOUND.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof Conflict) {
            return Status.ALREADY_EXISTS.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof PreconditionFailed) {
            return Status.FAILED_PRECONDITION.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof ReservationsUnavailable) {
            return Status.UNAVAILABLE.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (storeUnavailable(failure)) {
            // Not the client's fault and worth retrying: the edge answers 503 and may retry reads.
            LOG.warnf("catalog database unavailable: %s", failure.toString());
            return Status.UNAVAILABLE.withDescription("the catalog database is unavailable; retry shortly")
                    .asRuntimeException();
        }
        LOG.error("unexpected failure while serving a catalog request", failure);
        return Status.INTERNAL.withDescription("internal error; the failure has been logged").asRuntimeException();
    }

    /** A lost or refused database connection, or a server shutting down (SQLSTATE classes 08 and 57P). */
    static boolean storeUnavailable(Throwable failure) {
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

    private static StatusRuntimeException invalidArgument(InvalidInput invalid) {
        BadRequest.Builder badRequest = BadRequest.newBuilder();
        invalid.violations().forEach(v -> badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                .setField(v.field())
                .setDescription(v.reason())));
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage(invalid.getMessage())
                .addDetails(Any.pack(badRequest.build()))
                .build());
    }
}
