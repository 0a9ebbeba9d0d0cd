package org.hotelmesh.rate.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Quotes: how long a guest can book at the quoted price, and how long a quote is kept after that. */
@ConfigMapping(prefix = "hotelmesh.quotes")
public interface QuotesConfig {

    /** A quote's validity: a booking citing it must arrive before expires_at = creation + ttl. */
    @WithDefault("15M")
    Duration ttl();

    /** How long an expired quote is kept (GetQuote still answers it, so a late booking is told it expired). */
    @WithDefault("1D")
    Duration retention();

    /** How often expired quotes older than the retention are deleted. */
    @WithDefault("1H")
    Duration purgeEvery();
}
