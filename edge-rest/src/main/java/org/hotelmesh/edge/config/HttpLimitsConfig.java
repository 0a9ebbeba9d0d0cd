package org.hotelmesh.edge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotelmesh.http")
public interface HttpLimitsConfig {

    /** Largest request body the API accepts (bytes); larger ones get 413. */
    @WithDefault("65536")
    long maxBodyBytes();
}
