package org.hotelmesh.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.hotelmesh.support.error.DependencyUnavailable;
import org.hotelmesh.support.error.InvalidInput;
import org.hotelmesh.support.error.NotFound;
import org.hotelmesh.support.error.PreconditionFailed;
import org.hotelmesh.support.error.ServiceException.Violation;
import org.hotelmesh.support.grpc.ErrorTranslator;
import org.junit.jupiter.api.Test;

import com.google.rpc.BadRequest;

import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.vertx.pgclient.PgException;

/** The translator every service answers through, with the store-outage rule the services with a database use. */
class ErrorTranslatorTest {

    private final ErrorTranslator errors = new ErrorTranslator("rate", StoreOutage::detected);

    private Status status(Throwable failure) {
        return Status.fromThrowable(errors.toStatus(failure));
    }

    @Test
    void aLostDatabaseConnectionIsUnavailableNotInternal() {
        Status lost = status(new CompletionException(new ConnectException("Connection refused: /127.0.0.1:5432")));
        assertEquals(Status.Code.UNAVAILABLE, lost.getCode());
        assertEquals("the rate database is unavailable; retry shortly", lost.getDescription());
        assertEquals(Status.Code.UNAVAILABLE, status(new PgException("terminating connection", "FATAL", "57P01",
                null)).getCode());
    }

    @Test
    void aRefusedConnectionWrappedByTheOrmIsUnavailable() {
        Throwable failure = new CompletionException(new IllegalStateException("could not connect",
                new ConnectException("Connection refused: /127.0.0.1:5432")));
        assertEquals(Status.Code.UNAVAILABLE, status(failure).getCode());
    }

    @Test
    void serviceExceptionsMapToTheirCodesWithTheirMessages() {
        assertEquals(Status.Code.INVALID_ARGUMENT, status(new InvalidInput("rooms", "must be between 1 and 9"))
                .getCode());
        assertEquals("rooms: must be between 1 and 9", status(new InvalidInput("rooms", "must be between 1 and 9"))
                .getDescription());
        assertEquals(Status.NOT_FOUND.withDescription("quote q_x not found").toString(),
                status(new NotFound("quote q_x not found")).toString());
        assertEquals(Status.Code.FAILED_PRECONDITION, status(new PreconditionFailed("no base price")).getCode());
        assertEquals(Status.Code.UNAVAILABLE, status(new DependencyUnavailable("occupancy is unavailable")).getCode());
        assertEquals(Status.Code.UNAVAILABLE, status(new CircuitBreakerOpenException("open")).getCode());
    }

    @Test
    void everyBadFieldIsNamedInTheStatusDetails() throws Exception {
        var rich = StatusProto.fromThrowable(errors.toStatus(new InvalidInput(List.of(
                new Violation("rooms", "must be between 1 and 9"), new Violation("startDate", "is required")))));
        assertEquals("rooms: must be between 1 and 9 (and 1 more)", rich.getMessage());
        BadRequest details = rich.getDetails(0).unpack(BadRequest.class);
        assertEquals(List.of("rooms", "startDate"), details.getFieldViolationsList().stream()
                .map(BadRequest.FieldViolation::getField).toList());
    }

    @Test
    void anythingElseIsInternalWithoutLeakingDetails() {
        Status internal = status(new IllegalStateException("secret detail"));
        assertEquals(Status.Code.INTERNAL, internal.getCode());
        assertEquals("internal error; the failure has been logged", internal.getDescription());
    }
}
