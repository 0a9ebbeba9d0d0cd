package org.hotelmesh.support.error;

import java.util.List;

import io.grpc.Status;

/**
 * A failure a service answers on purpose: it carries the gRPC status code it is answered with and, for invalid input,
 * one violation per bad field. The one type every service's domain errors extend, so that one translator
 * ({@link org.hotelmesh.support.grpc.ErrorTranslator}) turns them all into statuses the same way. No stack trace: these
 * are answers, not bugs.
 */
public abstract class ServiceException extends RuntimeException {

    /** One bad field and what is wrong with it, in words a client can act on. */
    public record Violation(String field, String reason) {
    }

    private final Status.Code code;
    private final List<Violation> violations;

    protected ServiceException(Status.Code code, String message) {
        this(code, message, List.of());
    }

    protected ServiceException(Status.Code code, String message, List<Violation> violations) {
        this(code, message, violations, null);
    }

    /** {@code cause}: what made this answer necessary (a downstream's failure), kept for the log. */
    protected ServiceException(Status.Code code, String message, List<Violation> violations, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public Status.Code code() {
        return code;
    }

    /** The bad fields, in the order found; empty unless the code is INVALID_ARGUMENT. */
    public List<Violation> violations() {
        return violations;
    }
}
