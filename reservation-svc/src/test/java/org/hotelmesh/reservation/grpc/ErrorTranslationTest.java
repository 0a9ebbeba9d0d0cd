package org.hotelmesh.reservation.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.hotelmesh.reservation.domain.InventoryBusy;
import org.hotelmesh.reservation.domain.ReservationConflict;
import org.hotelmesh.reservation.domain.SoldOut;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.vertx.pgclient.PgException;

class ErrorTranslationTest {

    private static Status status(Throwable failure) {
        return Status.fromThrowable(ReservationGrpcService.ERRORS.toStatus(failure));
    }

    @Test
    void aLostDatabaseConnectionIsUnavailableNotInternal() {
        assertEquals(Status.Code.UNAVAILABLE, status(new CompletionException(
                new ConnectException("Connection refused: /127.0.0.1:5432"))).getCode());
        assertEquals(Status.Code.UNAVAILABLE, status(new PgException("terminating connection", "FATAL", "57P01",
                null)).getCode());
    }

    @Test
    void domainErrorsMapToTheirCodes() {
        Status soldOut = status(new SoldOut(LocalDate.of(2030, 1, 2)));
        assertEquals(Status.Code.FAILED_PRECONDITION, soldOut.getCode());
        assertEquals("sold out: no room of this type is left on the night of 2030-01-02", soldOut.getDescription());
        assertEquals(Status.Code.ALREADY_EXISTS, status(new ReservationConflict("r1", List.of("rooms"))).getCode());
        assertEquals(Status.Code.ABORTED, status(new InventoryBusy(8)).getCode());
        assertEquals(Status.Code.INTERNAL, status(new IllegalStateException("bug")).getCode());
    }
}
