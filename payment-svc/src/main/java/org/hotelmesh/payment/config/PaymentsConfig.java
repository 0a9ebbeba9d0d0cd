package org.hotelmesh.payment.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotelmesh.payments")
public interface PaymentsConfig {

    /** A charge or refund still PROCESSING this long after its last change is resumed (longer than any gateway call). */
    @WithDefault("1M")
    Duration resumeAfter();

    /** How often the resume job looks for them. */
    @WithDefault("30s")
    Duration resumeEvery();
}
