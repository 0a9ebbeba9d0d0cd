package org.hotelmesh.reservation.cache;

import static org.hotelmesh.reservation.Fixtures.booking;
import static org.hotelmesh.reservation.Fixtures.range;
import static org.hotelmesh.reservation.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hotelmesh.devtools.RedisCluster;
import org.hotelmesh.devtools.Stores.Endpoint;
import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.reservation.v1.GetAvailabilityRequest;
import org.hotelmesh.proto.reservation.v1.NightAvailability;
import org.hotelmesh.proto.reservation.v1.SetMaintenanceRequest;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.ReservationTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The availability cache against a Redis Cluster of three masters: all of a hotel's nights, and the versions kept
 * beside them, share the hotel's hash tag, so a stay's nights are read with one MGET and written or dropped by one
 * script on the hotel's node, and different hotels spread over the nodes. An answer from the cache carries no totals
 * (it keeps only what is left), which tells it apart from one read from PostgreSQL.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_test_redis_cluster"),
        @ResourceArg(name = "redisCluster", value = "true") })
class AvailabilityCacheClusterTest extends ReservationTestBase {

    private RedisCluster cluster;

    @BeforeEach
    void theTestCluster() {
        cluster = RedisCluster.at(ConfigProvider.getConfig().getValue("quarkus.redis.hosts", String.class));
    }

    @Test
    void hotelsOnDifferentNodesHaveTheirNightsCachedOnTheirOwnNodeAndReadBackFromThere() {
        LocalDate from = utcToday().plusDays(20);
        LocalDate to = from.plusDays(3);
        for (RoomTypeRef rt : hotelsOnTwoNodes(from)) {
            List<NightAvailability> fromDatabase = availability(rt, from, to);
            assertTrue(fromDatabase.stream().allMatch(NightAvailability::hasTotalInventory), "first read: PostgreSQL");
            assertEquals(List.of(4, 4, 4), remaining(fromDatabase));

            Endpoint node = cluster.nodeServing(AvailabilityCache.key(rt.hotelId(), rt.roomTypeId(), from));
            for (LocalDate night : from.datesUntil(to).toList()) {
                String key = AvailabilityCache.key(rt.hotelId(), rt.roomTypeId(), night);
                assertTrue(cluster.holds(node, key) && cluster.holds(node, key + ":v"), key + " and its version on "
                        + node);
            }
            List<NightAvailability> fromCache = availability(rt, from, to);
            assertTrue(fromCache.stream().noneMatch(NightAvailability::hasTotalInventory), "second read: the cache");
            assertEquals(List.of(4, 4, 4), remaining(fromCache));
        }
    }

    @Test
    void aBookingRewritesTheCachedNightsAndMaintenanceDropsThem() {
        RoomTypeRef rt = roomType(4); // 4 sellable
        LocalDate from = utcToday().plusDays(30);
        LocalDate to = from.plusDays(3);
        availability(rt, from, to); // cached

        reservations.createReservation(booking("cluster-" + rt.roomTypeId(), rt, from, from.plusDays(2), 2, "g"));

        List<NightAvailability> afterBooking = availability(rt, from, to);
        assertTrue(afterBooking.stream().noneMatch(NightAvailability::hasTotalInventory), "the cache, kept current");
        assertEquals(List.of(2, 2, 4), remaining(afterBooking));

        inventory.setMaintenance(SetMaintenanceRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setDates(range(from.plusDays(2), to)).setRooms(1).build());

        List<NightAvailability> afterMaintenance = availability(rt, from, to);
        assertTrue(afterMaintenance.stream().allMatch(NightAvailability::hasTotalInventory),
                "a dropped night sends the read to PostgreSQL");
        assertEquals(List.of(2, 2, 3), remaining(afterMaintenance));
    }

    /** Two new hotels, one room type of 4 rooms each, whose nights from {@code night} on hash to different nodes. */
    private List<RoomTypeRef> hotelsOnTwoNodes(LocalDate night) {
        RoomTypeRef first = roomType(4);
        Endpoint firstNode = cluster.nodeServing(AvailabilityCache.key(first.hotelId(), first.roomTypeId(), night));
        for (int i = 0; i < 20; i++) {
            RoomTypeRef other = roomType(4);
            if (!cluster.nodeServing(AvailabilityCache.key(other.hotelId(), other.roomTypeId(), night))
                    .equals(firstNode)) {
                return List.of(first, other);
            }
        }
        throw new AssertionError("21 hotels' nights all hash to " + firstNode + ": keys are not spread by hotel");
    }

    private List<NightAvailability> availability(RoomTypeRef rt, LocalDate from, LocalDate to) {
        return inventory.getAvailability(GetAvailabilityRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setStay(range(from, to)).build()).getRoomTypes(0).getNightsList();
    }

    private static List<Integer> remaining(List<NightAvailability> nights) {
        return nights.stream().map(NightAvailability::getRemaining).toList();
    }
}
