package org.hotelmesh.store;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import io.vertx.pgclient.PgException;

/** Which failures mean the service's own database is out of reach, as opposed to a bug or a bad request. */
public final class StoreOutage {

    private StoreOutage() {
    }

    /**
     * A lost or refused database connection, or a server shutting down (SQLSTATE classes 08 and 57P): not the
     * client's fault and worth retrying, so UNAVAILABLE rather than INTERNAL.
     */
    public static boolean detected(Throwable failure) {
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
