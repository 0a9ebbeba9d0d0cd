package org.hotelmesh.edge.error;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hotelmesh.edge.api.Problem.FieldViolation;
import org.hotelmesh.edge.client.Downstream;
import org.hotelmesh.edge.client.DownstreamFailedException;
import org.hotelmesh.edge.config.StrictJsonCustomizer;
import org.hotelmesh.edge.security.AccessDeniedException;
import org.hotelmesh.edge.security.NotAuthenticatedException;
import org.hotelmesh.support.client.DownstreamUnavailable;
import org.hotelmesh.support.grpc.GrpcStatuses;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every failure becomes a problem document here, and nowhere else: domain errors, authentication, JSON binding,
 * JAX-RS routing errors and the gRPC status of hotel-svc and reservation-svc. A bare {@link StatusRuntimeException}
 * comes from a service whose client passed it on unchanged; failures that need the service's name arrive as Downstream*
 * exceptions.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final Problems problems;

    public ProblemMappers(Problems problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, HttpServerRequest request) {
        return problems.response(400, e.getMessage(), request.path(), e.violations());
    }

    @ServerExceptionMapper
    public Response notFound(ResourceNotFoundException e, HttpServerRequest request) {
        return problems.response(404, e.getMessage(), request.path());
    }

    @ServerExceptionMapper({NotAuthenticatedException.class, AuthenticationFailedException.class,
            UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, HttpServerRequest request) {
        boolean badToken = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        String detail = e instanceof NotAuthenticatedException ? e.getMessage()
                : badToken ? "The bearer token is invalid or expired" : "A bearer token is required";
        return Response.fromResponse(problems.response(401, detail, request.path()))
                .header(HttpHeaders.WWW_AUTHENTICATE,
                        badToken ? "Bearer realm=\"hotelmesh\", error=\"invalid_token\"" : "Bearer realm=\"hotelmesh\"")
                .build();
    }

    @ServerExceptionMapper({AccessDeniedException.class, ForbiddenException.class})
    public Response forbidden(RuntimeException e, HttpServerRequest request) {
        String detail = e instanceof AccessDeniedException ? e.getMessage() : "You may not do this";
        return problems.response(403, detail, request.path());
    }

    /** A downstream gave no answer; the guard in front of it says which one and why. */
    @ServerExceptionMapper
    public Response downstreamUnavailable(DownstreamUnavailable e, HttpServerRequest request) {
        Downstream downstream = Downstream.of(e.service());
        if (e.reason() == DownstreamUnavailable.Reason.CIRCUIT_OPEN) {
            return Response.fromResponse(problems.response(503, downstream.circuitOpen(), request.path()))
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .build();
        }
        LOG.warnf("%s unavailable for %s %s: %s (%s)", downstream.service(), request.method(), request.path(),
                e.reason().code(), e.getCause() == null ? e.getMessage() : e.getCause());
        int status = httpStatus(e.reason().code());
        String detail = e.explanation() != null ? e.explanation()
                : status == 504 ? downstream.tooSlow() : downstream.unreachable();
        return problems.response(status, detail, request.path());
    }

    @ServerExceptionMapper
    public Response downstreamFailed(DownstreamFailedException e, HttpServerRequest request) {
        return grpcStatus(e.downstream(), (StatusRuntimeException) e.getCause(), request);
    }

    @ServerExceptionMapper
    public Response grpcStatus(StatusRuntimeException e, HttpServerRequest request) {
        return grpcStatus(Downstream.HOTELS, e, request);
    }

    private Response grpcStatus(Downstream downstream, StatusRuntimeException e, HttpServerRequest request) {
        Status status = e.getStatus();
        int http = httpStatus(status.getCode());
        if (http == 502) {
            // Internal details of a service are not the client's business; keep them in our log.
            LOG.errorf(e, "%s failed %s %s with %s", downstream.service(), request.method(), request.path(), status);
            return problems.response(502, downstream.failed(), request.path());
        }
        String detail = status.getDescription() == null || status.getDescription().isBlank()
                ? Problems.title(http) : status.getDescription();
        List<FieldViolation> errors = status.getCode() == Status.Code.INVALID_ARGUMENT ? fieldViolations(e) : null;
        if (status.getCode() == Status.Code.UNAVAILABLE || status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
            detail = http == 504 ? downstream.tooSlow() : downstream.unreachable();
        }
        Response problem = problems.response(http, detail, request.path(), errors);
        if (http == 429) {
            // A service that turned the request away says when to come back (google.rpc.RetryInfo); 1 s otherwise.
            long seconds = GrpcStatuses.retryAfter(e).map(after -> Math.max(1, (after.toMillis() + 999) / 1000))
                    .orElse(1L);
            return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)).build();
        }
        return problem;
    }

    /** The one gRPC status -> HTTP status table of the edge. */
    public static int httpStatus(Status.Code code) {
        return switch (code) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> 400;
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED -> 403;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, ABORTED, FAILED_PRECONDITION -> 409;
            case RESOURCE_EXHAUSTED -> 429;
            case UNAVAILABLE -> 503;
            case DEADLINE_EXCEEDED -> 504;
            default -> 502;
        };
    }

    private static List<FieldViolation> fieldViolations(StatusRuntimeException e) {
        com.google.rpc.Status rich = StatusProto.fromThrowable(e);
        if (rich == null) {
            return null;
        }
        List<FieldViolation> out = new ArrayList<>();
        for (Any detail : rich.getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                try {
                    detail.unpack(BadRequest.class).getFieldViolationsList()
                            .forEach(v -> out.add(new FieldViolation(v.getField(), v.getDescription())));
                } catch (InvalidProtocolBufferException ex) {
                    LOG.warnf("unreadable BadRequest detail: %s", ex.getMessage());
                }
            }
        }
        return out;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldViolation> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(Validation.path(v.getPropertyPath(), true), v.getMessage()))
                .sorted(Validation.BY_FIELD)
                .collect(Collectors.toList());
        return problems.response(400, Validation.summary(errors), request.path(), errors);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        return jsonProblem(e, request);
    }

    // Quarkus REST ships its own mapper for this subtype; ours must win so the body stays a problem document.
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response jsonBinding(MismatchedInputException e, HttpServerRequest request) {
        return jsonProblem(e, request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException jpe) {
                return jsonProblem(jpe, request);
            }
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String detail = switch (status) {
            case 400 -> "The request is malformed";
            case 404 -> "There is no resource at " + request.path();
            case 405 -> request.method() + " is not allowed on " + request.path();
            case 406 -> "This resource only produces application/json";
            case 413 -> "The request body is too large";
            case 415 -> "The request body must be application/json";
            default -> Problems.title(status);
        };
        Response built = problems.response(status, detail, request.path());
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            built = Response.fromResponse(built).header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW)).build();
        }
        return built;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        LOG.errorf(e, "unexpected failure of %s %s", request.method(), request.path());
        return problems.response(500, "An unexpected error occurred", request.path());
    }

    private Response jsonProblem(JsonProcessingException e, HttpServerRequest request) {
        InputCoercionException range = outOfRange(e);
        if (range != null) {
            String field = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? Validation.jsonPath(m.getPath())
                    : range.getProcessor() != null ? path(range.getProcessor().getParsingContext()) : "";
            String detail = "is out of range" + (range.getTargetType() == null ? ""
                    : " (at most " + maximum(range.getTargetType()) + ")");
            return field.isEmpty() ? problems.response(400, "A number in the request body " + detail, request.path())
                    : problems.response(400, "Field '" + field + "' " + detail, request.path(),
                            List.of(new FieldViolation(field, detail)));
        }
        if (e instanceof StrictJsonCustomizer.NotPlainText text) {
            String field = Validation.jsonPath(text.getPath());
            return problems.response(400, "Field '" + field + "' " + text.reason(), request.path(),
                    List.of(new FieldViolation(field, text.reason())));
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String field = Validation.jsonPath(u.getPath());
            return problems.response(400, "Unknown field '" + field + "'", request.path(),
                    List.of(new FieldViolation(field, "is not a known field")));
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String field = Validation.jsonPath(((JsonMappingException) e).getPath());
            if (!field.isEmpty()) {
                return problems.response(400, "Field '" + field + "' has the wrong type", request.path(),
                        List.of(new FieldViolation(field, "has the wrong type")));
            }
            return problems.response(400, "The request body must be a JSON object", request.path());
        }
        return problems.response(400, "The request body is not valid JSON", request.path());
    }

    /** The number-out-of-range failure behind {@code e}, if that is what it is. */
    private static InputCoercionException outOfRange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputCoercionException coercion) {
                return coercion;
            }
        }
        return null;
    }

    private static String maximum(Class<?> type) {
        return type == Integer.TYPE || type == Integer.class ? String.valueOf(Integer.MAX_VALUE)
                : type == Short.TYPE || type == Short.class ? String.valueOf(Short.MAX_VALUE)
                : String.valueOf(Long.MAX_VALUE);
    }

    /** Where the parser stands, as a field path: {@code stay.rooms}, {@code nights[2].price}. */
    private static String path(JsonStreamContext context) {
        StringBuilder out = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            String part = at.inArray() ? "[" + Math.max(0, at.getCurrentIndex()) + "]"
                    : at.getCurrentName() == null ? "" : at.getCurrentName();
            if (!part.isEmpty()) {
                out.insert(0, out.length() == 0 || part.startsWith("[") || out.charAt(0) == '[' ? part : part + ".");
            }
        }
        return out.toString();
    }
}
