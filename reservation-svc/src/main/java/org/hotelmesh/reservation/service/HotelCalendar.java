package org.hotelmesh.reservation.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.support.catalog.CatalogLookup;
import org.hotelmesh.support.catalog.HotelInfo;

import io.smallrye.mutiny.Uni;

/** Today in a hotel's own calendar (its time zone from the catalog; UTC for a hotel the catalog no longer knows). */
@ApplicationScoped
public class HotelCalendar {

    private final CatalogLookup catalog;
    private final Clock clock;

    public HotelCalendar(CatalogLookup catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    public Uni<LocalDate> today(long hotelId) {
        return catalog.hotel(hotelId).map(hotel -> {
            ZoneId zone = hotel.map(HotelInfo::timeZone).orElse(ZoneOffset.UTC);
            return LocalDate.now(clock.withZone(zone));
        });
    }

    /** The latest date that is today anywhere (UTC+14): no hotel's today is later. */
    public LocalDate latestToday() {
        return LocalDate.now(clock.withZone(ZoneOffset.ofHours(14)));
    }
}
