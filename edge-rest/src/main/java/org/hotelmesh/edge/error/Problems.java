package org.hotelmesh.edge.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hotelmesh.edge.api.Problem;
import org.hotelmesh.edge.api.Problem.FieldViolation;

import java.util.List;

/**
 * Builds {@code application/problem+json} responses. The body is serialized here, so it does not depend on a
 * message body writer for the problem media type or on the client's Accept header.
 */
@ApplicationScoped
public class Problems {

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    public Response response(int status, String detail, String instance) {
        return response(status, detail, instance, null);
    }

    public Response response(int status, String detail, String instance, List<FieldViolation> errors) {
        return Response.status(status)
                .header(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .entity(body(status, detail, instance, errors))
                .build();
    }

    public String body(int status, String detail, String instance, List<FieldViolation> errors) {
        Problem problem = new Problem("about:blank", title(status), status, detail, instance,
                errors == null || errors.isEmpty() ? null : errors);
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document could not be serialized", e);
        }
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known == null ? "Error" : known.getReasonPhrase();
            }
        };
    }
}
