package org.hotelmesh.rate.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.rate.config.RatesConfig;
import org.hotelmesh.rate.domain.PricingRules;
import org.hotelmesh.rate.domain.RuleSource;
import org.hotelmesh.rate.domain.RulesInput;
import org.hotelmesh.rate.domain.ThresholdInput;
import org.hotelmesh.rate.repository.RulesRepository;
import org.hotelmesh.support.catalog.CatalogLookup;
import org.hotelmesh.support.error.InvalidInput;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Occupancy pricing rules: the room type's own, else its hotel's (room type 0), else the configured defaults. The
 * defaults are checked at start-up with the same limits as staff's rules, so a bad setting stops the service instead
 * of mispricing.
 */
@Startup
@ApplicationScoped
public class PricingRulesService {

    private final Pool pool;
    private final RulesRepository rules;
    private final CatalogLookup catalog;
    private final PricingRules defaults;

    public PricingRulesService(Pool pool, RulesRepository rules, CatalogLookup catalog, RatesConfig config) {
        this.pool = pool;
        this.rules = rules;
        this.catalog = catalog;
        this.defaults = defaults(config);
    }

    /**
     * The rules in force for a room type (0: for the hotel as a whole), with where they come from; NOT_FOUND for an
     * unknown hotel or another hotel's room type, never the defaults.
     */
    public Uni<PricingRules> get(long hotelId, long roomTypeId) {
        RateValidator.ids(hotelId, roomTypeId, true);
        return catalog.knownForReading(hotelId, roomTypeId).chain(() -> inForce(pool, hotelId, roomTypeId));
    }

    /**
     * Replaces the hotel's rules (room type 0) or a room type's. A room type given no thresholds, floor or ceiling
     * loses its own rules, so the hotel's apply again; the hotel given none has rules that change nothing (the
     * defaults no longer apply). Answers the rules now in force.
     */
    public Uni<PricingRules> set(RulesInput input) {
        PricingRules requested = RateValidator.rules(input);
        long hotelId = requested.hotelId();
        long roomTypeId = requested.roomTypeId();
        return catalog.known(hotelId, roomTypeId).chain(() -> pool.withTransaction(conn -> {
            Uni<?> write = roomTypeId != 0 && requested.isEmpty()
                    ? rules.delete(conn, hotelId, roomTypeId)
                    : rules.replace(conn, requested);
            return write.flatMap(done -> inForce(conn, hotelId, roomTypeId));
        }));
    }

    /** The rules that price a room type's nights. */
    public Uni<PricingRules> inForce(SqlClient client, long hotelId, long roomTypeId) {
        return rules.find(client, hotelId, roomTypeId).map(stored -> resolve(stored, hotelId, roomTypeId));
    }

    public PricingRules defaults() {
        return defaults;
    }

    /**
     * The rules in force for a room type, from the rules stored for its hotel (keyed by room type id, 0 for the
     * hotel's own): the room type's own, else the hotel's, else the configured defaults.
     */
    public PricingRules resolve(Map<Long, PricingRules> stored, long hotelId, long roomTypeId) {
        PricingRules own = roomTypeId == 0 ? null : stored.get(roomTypeId);
        if (own != null) {
            return own;
        }
        PricingRules hotel = stored.get(0L);
        if (hotel != null) {
            return hotel.appliedTo(hotelId, roomTypeId, RuleSource.HOTEL);
        }
        return defaults.appliedTo(hotelId, roomTypeId, RuleSource.DEFAULT);
    }

    /** hotelmesh.rates.default-thresholds: {@code minOccupancy:multiplier[:surchargeMinor]}, or {@code none}. */
    static PricingRules defaults(RatesConfig config) {
        List<ThresholdInput> thresholds = new ArrayList<>();
        List<String> entries = config.defaultThresholds();
        if (!(entries.size() == 1 && entries.get(0).trim().equalsIgnoreCase("none"))) {
            for (String entry : entries) {
                String[] parts = entry.trim().split(":");
                try {
                    if (parts.length < 2 || parts.length > 3) {
                        throw new NumberFormatException("expected minOccupancy:multiplier[:surchargeMinor]");
                    }
                    thresholds.add(new ThresholdInput(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                            parts.length == 3 ? Long.parseLong(parts[2]) : 0));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("hotelmesh.rates.default-thresholds: '" + entry
                            + "' is not minOccupancy:multiplier[:surchargeMinor], e.g. 0.70:1.10", e);
                }
            }
        }
        try {
            return RateValidator.defaults(thresholds, config.defaultFloor(), config.defaultCeiling());
        } catch (InvalidInput e) {
            throw new IllegalStateException("hotelmesh.rates.default-*: " + e.getMessage()
                    + " (thresholds are numbered from 0 in the order configured)", e);
        }
    }
}
