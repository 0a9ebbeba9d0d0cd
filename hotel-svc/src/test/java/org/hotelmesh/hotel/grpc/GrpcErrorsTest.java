package org.hotelmesh.hotel.grpc;

import io.grpc.Status;
import io.vertx.pgclient.PgException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GrpcErrorsTest {

    @Test
    void aRefusedDatabaseConnectionIsUnavailableNotInternal() {
        Throwable failure = new CompletionException(new HibernateException("could not connect",
                new ConnectException("Connection refused: /127.0.0.1:5432")));
        assertEquals(Status.Code.UNAVAILABLE, Status.fromThrowable(GrpcErrors.toStatus(failure)).getCode());
    }

    @Test
    void aDatabaseShuttingDownIsUnavailable() {
        Throwable failure = new PgException("terminating connection due to administrator command", "FATAL", "57P01", null);
        assertEquals(Status.Code.UNAVAILABLE, Status.fromThrowable(GrpcErrors.toStatus(failure)).getCode());
    }

    @Test
    void anUnexpectedBugStaysInternal() {
        Throwable failure = new IllegalStateException("bug");
        assertEquals(Status.Code.INTERNAL, Status.fromThrowable(GrpcErrors.toStatus(failure)).getCode());
    }
}
