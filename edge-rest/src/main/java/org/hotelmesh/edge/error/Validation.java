package org.hotelmesh.edge.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.enterprise.context.ApplicationScoped;
import org.hotelmesh.edge.api.Problem.FieldViolation;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Bean Validation of request bodies, with field names in the JSON path form clients know ("address.country"). */
@ApplicationScoped
public class Validation {

    static final Comparator<FieldViolation> BY_FIELD =
            Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::reason);

    private final Validator validator;

    public Validation(Validator validator) {
        this.validator = validator;
    }

    /** Throws {@link InvalidRequestException} naming every bad field; a missing body is one too. */
    public <T> T check(T body) {
        if (body == null) {
            throw new InvalidRequestException("A JSON request body is required");
        }
        List<FieldViolation> errors = violations(body);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return body;
    }

    /** Every Bean Validation violation of a (non-null) body, for callers that add checks of their own. */
    public <T> List<FieldViolation> violations(T body) {
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        return violations.stream()
                .map(v -> new FieldViolation(path(v.getPropertyPath(), false), v.getMessage()))
                .toList();
    }

    /** The 400 for these violations, sorted by field, with a summary naming the first. */
    public static InvalidRequestException invalid(List<FieldViolation> violations) {
        List<FieldViolation> errors = violations.stream().sorted(BY_FIELD).toList();
        return new InvalidRequestException(summary(errors), errors);
    }

    static String summary(List<FieldViolation> errors) {
        if (errors.isEmpty()) {
            return "The request is invalid";
        }
        FieldViolation first = errors.get(0);
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        return first.field() + " " + first.reason() + more;
    }

    /** "address.country", "amenities[2]"; method and parameter nodes are dropped for method validation. */
    static String path(Path path, boolean skipExecutable) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (skipExecutable && (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER
                    || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE)) {
                continue;
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(node.getName());
            }
            if (node.getIndex() != null) {
                // Hibernate Validator puts a list element's index on the node after the list.
                out.append('[').append(node.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
