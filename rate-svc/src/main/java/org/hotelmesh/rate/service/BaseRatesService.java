package org.hotelmesh.rate.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.rate.domain.BaseRate;
import org.hotelmesh.rate.domain.BaseRateChange;
import org.hotelmesh.rate.repository.BaseRateRepository;
import org.hotelmesh.support.catalog.CatalogLookup;
import org.hotelmesh.support.error.PreconditionFailed;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Staff's base prices: the price of a night before the occupancy adjustment. */
@ApplicationScoped
public class BaseRatesService {

    private final Pool pool;
    private final BaseRateRepository rates;
    private final CatalogLookup catalog;
    private final Clock clock;

    public BaseRatesService(Pool pool, BaseRateRepository rates, CatalogLookup catalog, Clock clock) {
        this.pool = pool;
        this.rates = rates;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Sets the base price of the range's nights (on the given weekdays only, if any); returns how many nights were
     * set. The first currency a hotel uses becomes its currency; a change in another one is refused, in the same
     * transaction that would have written it.
     */
    public Uni<Integer> set(BaseRateChange change) {
        RateValidator.baseRates(change);
        return catalog.roomType(change.hotelId(), change.roomTypeId())
                .invoke(hotel -> RateValidator.withinHorizon(change.endDate(), hotel, clock))
                .flatMap(hotel -> pool.withTransaction(conn -> rates.claimCurrency(conn, change.hotelId(),
                                change.currency())
                        .flatMap(currency -> {
                            if (!currency.equals(change.currency())) {
                                return Uni.createFrom().failure(new PreconditionFailed("hotel " + change.hotelId()
                                        + " prices in " + currency + "; all base prices of a hotel share one currency,"
                                        + " so set this one in " + currency));
                            }
                            return rates.upsert(conn, change);
                        })));
    }

    /** The base prices set for nights in [from, to), by date; nights without one are left out. */
    public Uni<List<BaseRate>> get(long hotelId, long roomTypeId, LocalDate from, LocalDate to) {
        RateValidator.nights(hotelId, roomTypeId, from, to);
        return catalog.roomType(hotelId, roomTypeId).flatMap(hotel -> rates.find(pool, hotelId, roomTypeId, from, to));
    }
}
