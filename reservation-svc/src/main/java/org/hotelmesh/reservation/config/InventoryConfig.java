package org.hotelmesh.reservation.config;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotelmesh.inventory")
public interface InventoryConfig {

    /** How many days ahead (from today) inventory rows exist, i.e. how far ahead rooms are sold. */
    @WithDefault("730")
    int horizonDays();

    /** The overbooking ratio of a room type that has no overbooking_setting row. */
    @WithDefault("1.10")
    BigDecimal defaultOverbookingRatio();

    /** When the daily roll-forward job runs (Quartz-style cron, UTC). */
    @WithDefault("0 15 0 * * ?")
    String rollForwardCron();
}
