package org.hotelmesh.edge.http;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hotelmesh.edge.config.HttpLimitsConfig;
import org.hotelmesh.edge.error.Problems;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body larger than the API limit before it is read, with a problem document. Vert.x'
 * quarkus.http.limits.max-body-size stays a larger backstop for bodies that do not announce their length.
 */
public class BodySizeFilter {

    private final HttpLimitsConfig config;
    private final Problems problems;

    public BodySizeFilter(HttpLimitsConfig config, Problems problems) {
        this.config = config;
        this.problems = problems;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 50)
    public Response checkLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return problems.response(400, "Content-Length is not a number", request.path());
        }
        if (bytes > config.maxBodyBytes()) {
            return problems.response(413, "The request body is larger than " + config.maxBodyBytes() + " bytes",
                    request.path());
        }
        return null;
    }
}
