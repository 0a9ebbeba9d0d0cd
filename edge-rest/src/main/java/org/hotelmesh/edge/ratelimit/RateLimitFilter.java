package org.hotelmesh.edge.ratelimit;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hotelmesh.edge.config.RateLimitConfig;
import org.hotelmesh.edge.error.Problems;
import org.hotelmesh.edge.http.RequestPaths;
import org.hotelmesh.edge.ratelimit.RateLimiter.Bucket;
import org.hotelmesh.edge.security.Authorizer;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts every request against its client identity: the verified JWT subject, else the client address. A forged or
 * expired token therefore counts against the address, never against someone else's subject. Bookings, quotes and
 * changes of stay (which charge a card, like a booking) count in a bucket of their own as well. No path is exempt:
 * health and metrics are not on this port at all, so nothing like {@code /q/../v1/...} can slip past the counters.
 */
public class RateLimitFilter {

    static final String DECISION = RateLimitFilter.class.getName() + ".decision";
    public static final String LIMIT_HEADER = "RateLimit-Limit";
    public static final String REMAINING_HEADER = "RateLimit-Remaining";
    private static final List<Bucket> READ = List.of(Bucket.API);
    private static final List<Bucket> WRITE = List.of(Bucket.API, Bucket.WRITES);
    private static final Set<String> COSTLY_WRITES = Set.of("/v1/reservations", "/v1/quotes");
    private static final Pattern STAY_CHANGE = Pattern.compile("/v1/reservations/[^/]+/changes");

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
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        List<Bucket> buckets = request.method() == HttpMethod.POST && costly(RequestPaths.canonical(request))
                ? WRITE : READ;
        return identity(request)
                .chain(identity -> limiter.hit(identity, buckets))
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
            response.getHeaders().putSingle(REMAINING_HEADER, String.valueOf(decision.remaining()));
        }
    }

    static boolean costly(String path) {
        return COSTLY_WRITES.contains(path) || STAY_CHANGE.matcher(path).matches();
    }

    private Uni<String> identity(HttpServerRequest request) {
        String address = "ip:" + clientAddress(request.getHeader("X-Forwarded-For"),
                request.remoteAddress() == null ? "unknown" : request.remoteAddress().host(), config.trustedProxies());
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().item(address);
        }
        return authorizer.callerOrAnonymous()
                .map(caller -> caller.authenticated() ? "sub:" + caller.subject() : address);
    }

    /**
     * The client's address behind {@code trustedProxies} proxies, by the right-most rule: each proxy appends the
     * address it received the request from, so the N-th entry from the right is what the outermost trusted proxy saw;
     * entries to its left are whatever the client wrote. Without trusted proxies, the TCP peer.
     */
    static String clientAddress(String forwardedFor, String peer, int trustedProxies) {
        if (trustedProxies <= 0 || forwardedFor == null || forwardedFor.isBlank()) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = hops[Math.max(0, hops.length - trustedProxies)].trim();
        return client.isEmpty() || client.length() > 64 ? peer : client;
    }
}
