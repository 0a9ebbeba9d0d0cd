package org.hotelmesh.support.error;

import java.util.List;

import io.grpc.Status;

/** The request is wrong: INVALID_ARGUMENT, with every bad field named. */
public class InvalidInput extends ServiceException {

    public InvalidInput(List<Violation> violations) {
        super(Status.Code.INVALID_ARGUMENT, describe(violations), violations);
    }

    public InvalidInput(String field, String reason) {
        this(List.of(new Violation(field, reason)));
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInput needs at least one violation");
        }
        Violation first = violations.get(0);
        String text = first.field() + ": " + first.reason();
        return violations.size() == 1 ? text : text + " (and " + (violations.size() - 1) + " more)";
    }
}
