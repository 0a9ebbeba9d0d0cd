package org.hotelmesh.hotel.repository;

import java.sql.SQLException;
import java.util.Optional;

import io.vertx.pgclient.PgException;

/**
 * A violated database constraint found in an exception's cause chain. The database is the final judge of
 * uniqueness and references, so concurrent writers that both pass pre-checks still get a clear answer.
 */
public record ConstraintViolation(String sqlState, String constraint) {

    public static final String UNIQUE = "23505";
    public static final String FOREIGN_KEY = "23503";

    public static Optional<ConstraintViolation> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("23")) {
                return Optional.of(new ConstraintViolation(pg.getSqlState(), nullToEmpty(pg.getConstraint())));
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve) {
                SQLException sql = cve.getSQLException();
                String state = sql == null ? null : sql.getSQLState();
                return Optional.of(new ConstraintViolation(state == null ? "" : state,
                        nullToEmpty(cve.getConstraintName())));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    public boolean is(String state, String constraintName) {
        return state.equals(sqlState) && constraint.equalsIgnoreCase(constraintName);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
