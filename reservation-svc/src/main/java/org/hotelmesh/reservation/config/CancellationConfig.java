package org.hotelmesh.reservation.config;

import java.util.OptionalInt;

import org.hotelmesh.reservation.domain.CancellationPolicy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The cancellation policy of hotels that have not set their own. */
@ConfigMapping(prefix = "hotelmesh.cancellation")
public interface CancellationConfig {

    /** Free cancellation until this many days before arrival (0 = until the arrival day). */
    @WithDefault("2")
    int freeUntilDays();

    /** The fee after that: first-night or percentage. */
    @WithDefault("first-night")
    CancellationPolicy.Fee fee();

    /** The percentage of the total, when {@link #fee()} is percentage. */
    OptionalInt feePercent();

    default CancellationPolicy policy() {
        return new CancellationPolicy(freeUntilDays(), fee(),
                fee() == CancellationPolicy.Fee.PERCENTAGE ? feePercent().orElse(100) : null);
    }
}
