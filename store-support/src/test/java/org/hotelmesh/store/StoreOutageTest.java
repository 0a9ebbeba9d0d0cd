package org.hotelmesh.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;

class StoreOutageTest {

    @Test
    void aRefusedConnectionDeepInTheCausesIsAnOutage() {
        assertTrue(StoreOutage.detected(new CompletionException(new IllegalStateException("could not connect",
                new ConnectException("Connection refused: /127.0.0.1:5432")))));
    }

    @Test
    void aServerShuttingDownIsAnOutage() {
        assertTrue(StoreOutage.detected(new PgException("terminating connection", "FATAL", "57P01", null)));
    }

    @Test
    void aConstraintViolationIsNot() {
        assertFalse(StoreOutage.detected(new PgException("duplicate key", "ERROR", "23505", null)));
        assertFalse(StoreOutage.detected(new IllegalStateException("bug")));
    }
}
