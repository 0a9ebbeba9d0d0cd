package org.hotelmesh.edge.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotelmesh.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Requests one client identity may make per window, of every kind. */
    @WithDefault("1200")
    int requests();

    /**
     * Of those, the costly writes one client may make per window: bookings (POST /v1/reservations), quotes (POST
     * /v1/quotes) and changes of stay (POST /v1/reservations/{id}/changes), counted in a bucket of their own so that
     * reads never use them up and a booking bot hits a far lower ceiling than a browsing guest.
     */
    @WithDefault("30")
    int writeRequests();

    /** Length of a fixed window. */
    @WithDefault("1M")
    Duration window();

    /**
     * How many proxies in front of the edge append to X-Forwarded-For (an Ingress controller: 1; a CDN in front of it:
     * 2). The client is the address the outermost trusted proxy saw: the N-th entry from the right. 0: the address
     * of the TCP peer, and X-Forwarded-For is ignored (anyone can write it).
     */
    @WithDefault("0")
    int trustedProxies();

    /** How long to wait for Redis before counting the request in this replica's own counters instead. */
    @WithDefault("0.5S")
    Duration redisTimeout();

    /** After Redis failed, how long this replica counts locally before it asks Redis again. */
    @WithDefault("5S")
    Duration redisRetryAfter();

    /** Most client identities the local counters remember (the least recent are forgotten first). */
    @WithDefault("100000")
    int localClients();
}
