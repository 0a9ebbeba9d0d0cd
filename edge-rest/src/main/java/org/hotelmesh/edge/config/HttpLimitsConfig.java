package org.hotelmesh.edge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotelmesh.http")
public interface HttpLimitsConfig {

    /** Largest request body the API accepts (bytes); larger ones get 413. */
    @WithDefault("65536")
    long maxBodyBytes();

    /**
     * Longest request target (path and query) the API accepts; a longer one gets 414 with a problem document. Vert.x'
     * own limit ({@code quarkus.http.limits.max-initial-line-length}) is set above it, as the backstop.
     */
    @WithDefault("4096")
    int maxUrlLength();

    /**
     * Most bytes of request headers the API accepts (names and values); more get 431 with a problem document. Vert.x'
     * own limit ({@code quarkus.http.limits.max-header-size}) is set above it, as the backstop.
     */
    @WithDefault("20480")
    int maxHeaderBytes();
}
