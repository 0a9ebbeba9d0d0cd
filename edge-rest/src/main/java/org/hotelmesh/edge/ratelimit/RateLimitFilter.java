package org.hotelmesh.edge.ratelimit;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hotelmesh.edge.config.RateLimitConfig;
import org.hotelmesh.edge.error.Problems;
import org.hotelmesh.edge.security.Authorizer;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts every API request against its client identity: the verified JWT subject, else the client IP. A forged or
 * expired token therefore counts against the IP, never against someone else's subject.
 */
public class RateLimitFilter {

    static final String DECISION = RateLimitFilter.class.getName() + ".decision";
    public static final String LIMIT_HEADER = "RateLimit-Limit";
    public static final String REMAINING_HEADER = "RateLimit-Remaining";

    private final RateLimiter limiter;
    private final RateLimitConfig config;
    private final Authorizer authorizer;
    private final Problems problems;

    public RateLimitFilter(RateLimiter limiter, RateLimitConfig config, Authorizer authorizer, Problems problems) {
        this.limiter = limiter;
        this.config = config;
        this.authorizer = authorizer;
        this.problems = problems;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public Uni<Response> limit(ContainerRequestContext context, HttpServerRequest request) {
        if (!config.enabled() || request.path().startsWith("/q/")) {
            return Uni.createFrom().nullItem();
        }
        return identity(request)
                .chain(limiter::hit)
                .map(decision -> {
                    context.setProperty(DECISION, decision);
                    if (decision.allowed()) {
                        return null;
                    }
                    return Response.fromResponse(problems.response(429,
                                    "Too many requests; retry in " + decision.retryAfterSeconds() + " seconds",
                                    request.path()))
                            .header(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()))
                            .build();
                });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimitDecision decision) {
            response.getHeaders().putSingle(LIMIT_HEADER, String.valueOf(decision.limit()));
            if (decision.counted()) {
                response.getHeaders().putSingle(REMAINING_HEADER, String.valueOf(decision.remaining()));
            }
        }
    }

    private Uni<String> identity(HttpServerRequest request) {
        String ip = clientIp(request);
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().item(ip);
        }
        return authorizer.callerOrAnonymous()
                .map(caller -> caller.authenticated() ? "sub:" + caller.subject() : ip);
    }

    private String clientIp(HttpServerRequest request) {
        if (config.trustForwardedFor()) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                // The left-most entry is the original client as seen by the first trusted proxy.
                return "ip:" + forwarded.split(",")[0].trim();
            }
        }
        return "ip:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().host());
    }
}
