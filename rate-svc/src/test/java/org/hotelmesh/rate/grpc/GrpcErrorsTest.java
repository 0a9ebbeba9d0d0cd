package org.hotelmesh.rate.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.hotelmesh.rate.domain.CatalogUnavailable;
import org.hotelmesh.rate.domain.InvalidInput;
import org.hotelmesh.rate.domain.NotFound;
import org.hotelmesh.rate.domain.OccupancyUnavailable;
import org.hotelmesh.rate.domain.PreconditionFailed;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.vertx.pgclient.PgException;

class GrpcErrorsTest {

    private static Status status(Throwable failure) {
        return Status.fromThrowable(GrpcErrors.toStatus(failure));
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
    void domainErrorsMapToTheirCodesWithTheirMessages() {
        assertEquals(Status.Code.INVALID_ARGUMENT, status(new InvalidInput("rooms", "must be between 1 and 9"))
                .getCode());
        assertEquals("rooms: must be between 1 and 9", status(new InvalidInput("rooms", "must be between 1 and 9"))
                .getDescription());
        assertEquals(Status.NOT_FOUND.withDescription("quote q_x not found").toString(),
                status(NotFound.quote("q_x")).toString());
        assertEquals(Status.Code.FAILED_PRECONDITION, status(new PreconditionFailed("no base price")).getCode());
        assertEquals(Status.Code.UNAVAILABLE, status(new OccupancyUnavailable("occupancy is unavailable")).getCode());
        assertEquals(Status.Code.UNAVAILABLE, status(new CatalogUnavailable("catalog is unavailable")).getCode());
        assertEquals(Status.Code.UNAVAILABLE, status(new CircuitBreakerOpenException("open")).getCode());
    }

    @Test
    void anythingElseIsInternalWithoutLeakingDetails() {
        Status internal = status(new IllegalStateException("secret detail"));
        assertEquals(Status.Code.INTERNAL, internal.getCode());
        assertEquals("internal error; the failure has been logged", internal.getDescription());
    }
}
