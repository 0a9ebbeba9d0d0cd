package org.hotelmesh.edge.error;

import org.hotelmesh.edge.api.Problem.FieldViolation;

import java.util.List;

/** The request is wrong in a way the client can fix: 400, optionally naming the bad fields. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldViolation> violations;

    public InvalidRequestException(String detail) {
        this(detail, null);
    }

    public InvalidRequestException(String detail, List<FieldViolation> violations) {
        super(detail);
        this.violations = violations;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
