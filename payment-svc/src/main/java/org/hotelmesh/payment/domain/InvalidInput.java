package org.hotelmesh.payment.domain;

import java.util.List;

/** One or more fields of a request are invalid; field names use the REST camelCase form (reservationID, amount). */
public final class InvalidInput extends PaymentException {

    public record Violation(String field, String reason) {
    }

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
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
