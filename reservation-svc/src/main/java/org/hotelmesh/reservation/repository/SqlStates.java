package org.hotelmesh.reservation.repository;

import io.vertx.pgclient.PgException;

/** SQLSTATEs the services act on, found anywhere in a failure's cause chain. */
public final class SqlStates {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String CHECK_VIOLATION = "23514";
    public static final String EXCLUSION_VIOLATION = "23P01";

    private SqlStates() {
    }

    public static boolean is(Throwable failure, String sqlState) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && sqlState.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
