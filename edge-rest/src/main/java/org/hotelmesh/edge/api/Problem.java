package org.hotelmesh.edge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/**
 * An RFC 9457 problem document; {@code errors} only for validation failures. Written by an exception mapper's own
 * ObjectMapper call, not returned by a resource, so a native image needs it registered for reflection.
 */
@RegisterForReflection(targets = {Problem.class, Problem.FieldViolation.class})
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldViolation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field, named by its JSON path (e.g. "address.country"). */
    public record FieldViolation(String field, String reason) {
    }
}
