package org.hotelmesh.reservation.grpc;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import org.hotelmesh.reservation.domain.CatalogUnavailable;
import org.hotelmesh.reservation.domain.InvalidInput;
import org.hotelmesh.reservation.domain.InventoryBusy;
import org.hotelmesh.reservation.domain.NoInventory;
import org.hotelmesh.reservation.domain.NotFound;
import org.hotelmesh.reservation.domain.PreconditionFailed;
import org.hotelmesh.reservation.domain.ReservationConflict;
import org.hotelmesh.reservation.domain.SoldOut;
import org.jboss.logging.Logger;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import io.vertx.pgclient.PgException;

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
            return status(Status.NOT_FOUND, failure);
        }
        if (failure instanceof ReservationConflict) {
            return status(Status.ALREADY_EXISTS, failure);
        }
        if (failure instanceof SoldOut || failure instanceof NoInventory || failure instanceof PreconditionFailed) {
            return status(Status.FAILED_PRECONDITION, failure);
        }
        if (failure instanceof InventoryBusy) {
            return status(Status.ABORTED, failure);
        }
        if (failure instanceof CatalogUnavailable) {
            return status(Status.UNAVAILABLE, failure);
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return Status.UNAVAILABLE.withDescription("the hotel catalog is unavailable; retry shortly")
                    .asRuntimeException();
        }
        if (storeUnavailable(failure)) {
            // Not the client's fault and worth retrying: the edge answers 503.
            LOG.warnf("reservation database unavailable: %s", failure.toString());
            return Status.UNAVAILABLE.withDescription("the reservation database is unavailable; retry shortly")
                    .asRuntimeException();
        }
        LOG.error("unexpected failure while serving a reservation request", failure);
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

    private static StatusRuntimeException status(Status status, Throwable failure) {
        return status.withDescription(failure.getMessage()).asRuntimeException();
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
