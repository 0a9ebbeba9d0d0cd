package org.hotelmesh.reservation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Archival (docs/architecture.md#archival): stays that ended long ago and inventory of past nights leave the hot tables
 * for the archive schema, in batches, on a schedule; every replica may run it at once.
 */
@ConfigMapping(prefix = "hotelmesh.archive")
public interface ArchiveConfig {

    /** Whether this replica runs the archiver at all. */
    @WithDefault("true")
    boolean enabled();

    /** How often the archiver runs; one run moves everything due, batch by batch. */
    @WithDefault("1H")
    Duration every();

    /**
     * A stay is archived this many days after its departure date, once it is final (rejected, canceled, refunded,
     * checked out, no-show) and nothing is still owed on it. Inventory of a night is archived once the night has passed
     * everywhere.
     */
    @WithDefault("90")
    int afterDays();

    /** Rows (reservations, or inventory nights) one transaction moves. */
    @WithDefault("500")
    int batchSize();
}
