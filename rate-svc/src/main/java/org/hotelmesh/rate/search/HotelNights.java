package org.hotelmesh.rate.search;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.mutiny.Uni;

/**
 * A short-lived copy of something kept per hotel and night for every room type of the hotel (rooms left, base
 * prices), filled by reads that cover many hotels at once: a request's hotels that lack any of its nights are read
 * together, {@code hotelsPerRead} at a time and those reads concurrently, never one read per hotel or per night. A
 * night read without a row for a room type is kept as such (an empty map when the hotel has none), so it is not read
 * again before it expires.
 *
 * @param <T> what one room type has on one night
 */
final class HotelNights<T> {

    record Key(long hotelId, LocalDate date) {
    }

    /** One room type's value on one night. */
    record Entry<T>(long hotelId, long roomTypeId, LocalDate date, T value) {
    }

    /** Reads the entries of these hotels for the nights in [from, to). */
    interface Reader<T> {
        Uni<List<Entry<T>>> read(List<Long> hotelIds, LocalDate from, LocalDate to);
    }

    private final Cache<Key, Map<Long, T>> cache;
    private final int hotelsPerRead;

    HotelNights(String name, Duration ttl, long size, int hotelsPerRead, MeterRegistry registry) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(size).recordStats().build();
        this.hotelsPerRead = hotelsPerRead;
        CaffeineCacheMetrics.monitor(registry, cache, name);
    }

    /** Per hotel and night of {@code dates} (consecutive), each room type's value; reads what is not kept. */
    Uni<Map<Key, Map<Long, T>>> get(List<Long> hotelIds, List<LocalDate> dates, Reader<T> reader) {
        Map<Key, Map<Long, T>> known = new HashMap<>();
        Set<Long> missing = new LinkedHashSet<>();
        for (long hotelId : hotelIds) {
            for (LocalDate date : dates) {
                Key key = new Key(hotelId, date);
                Map<Long, T> kept = cache.getIfPresent(key);
                if (kept == null) {
                    missing.add(hotelId);
                } else {
                    known.put(key, kept);
                }
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(known);
        }
        LocalDate from = dates.get(0);
        LocalDate to = dates.get(dates.size() - 1).plusDays(1);
        List<Long> toRead = new ArrayList<>(missing);
        List<Uni<List<Entry<T>>>> reads = new ArrayList<>();
        for (int i = 0; i < toRead.size(); i += hotelsPerRead) {
            reads.add(reader.read(toRead.subList(i, Math.min(i + hotelsPerRead, toRead.size())), from, to));
        }
        return Uni.join().all(reads).andFailFast().map(results -> {
            Map<Key, Map<Long, T>> read = new HashMap<>();
            for (long hotelId : toRead) {
                for (LocalDate date : dates) {
                    read.put(new Key(hotelId, date), new HashMap<>());
                }
            }
            for (List<Entry<T>> entries : results) {
                for (Entry<T> entry : entries) {
                    Map<Long, T> night = read.get(new Key(entry.hotelId(), entry.date()));
                    if (night != null) {
                        night.put(entry.roomTypeId(), entry.value());
                    }
                }
            }
            read.forEach((key, night) -> {
                Map<Long, T> kept = Map.copyOf(night);
                cache.put(key, kept);
                known.put(key, kept);
            });
            return known;
        });
    }
}
