package org.hotelmesh.reservation.cache;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.reservation.cache.AvailabilityCache.NightKey;
import org.hotelmesh.reservation.domain.InventoryNight;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Post-commit writes can arrive out of order; the cache must keep the newest committed state of each night. */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_test"), @ResourceArg(name = "redisDatabase", value = "4") })
class AvailabilityCacheOrderTest {

    private static final AtomicLong HOTELS = new AtomicLong(900_000);
    private static final LocalDate NIGHT = LocalDate.of(2031, 5, 1);
    private static final long ROOM_TYPE = 7;

    @Inject
    AvailabilityCache cache;

    @Test
    void anOlderStateArrivingLateDoesNotReplaceANewerOne() {
        long hotel = HOTELS.incrementAndGet();
        put(hotel, 5, 3);   // a cancel committed at version 5: 3 rooms left
        put(hotel, 4, 2);   // the write of the booking committed before it (version 4) arrives late
        assertEquals(3, cached(hotel));
        put(hotel, 6, 4);
        assertEquals(4, cached(hotel));
    }

    @Test
    void aCapacityChangeDropsTheNightAndKeepsOlderWritesOut() {
        long hotel = HOTELS.incrementAndGet();
        put(hotel, 4, 2);
        cache.invalidate(hotel, ROOM_TYPE, Map.of(NIGHT, 6L)).await().indefinitely();
        assertFalse(cache.get(hotel, List.of(new NightKey(ROOM_TYPE, NIGHT))).await().indefinitely()
                .containsKey(new NightKey(ROOM_TYPE, NIGHT)), "dropped, so the next read asks the database");
        put(hotel, 5, 9);   // a booking's write from before the change
        assertFalse(cache.get(hotel, List.of(new NightKey(ROOM_TYPE, NIGHT))).await().indefinitely()
                .containsKey(new NightKey(ROOM_TYPE, NIGHT)), "an older write must not bring the night back");
        put(hotel, 6, 1);   // the database's state after the change, written by the next read
        assertEquals(1, cached(hotel));
    }

    private void put(long hotel, long version, int remaining) {
        // sellable limit 10, so remaining = 10 - reserved
        InventoryNight night = new InventoryNight(ROOM_TYPE, NIGHT, 10, 0, 10, 10 - remaining, BigDecimal.ONE, 10,
                version);
        cache.put(hotel, List.of(night)).await().indefinitely();
    }

    private int cached(long hotel) {
        NightKey key = new NightKey(ROOM_TYPE, NIGHT);
        return cache.get(hotel, List.of(key)).await().indefinitely().get(key);
    }
}
