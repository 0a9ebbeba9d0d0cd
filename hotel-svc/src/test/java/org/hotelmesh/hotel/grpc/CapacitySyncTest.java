package org.hotelmesh.hotel.grpc;

import static org.hotelmesh.hotel.grpc.Fixtures.createHotel;
import static org.hotelmesh.hotel.grpc.Fixtures.createRoom;
import static org.hotelmesh.hotel.grpc.Fixtures.createRoomType;
import static org.hotelmesh.hotel.grpc.Fixtures.roomInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.hotel.domain.RoomTypeCapacity;
import org.hotelmesh.hotel.outbox.CapacityPublisher;
import org.hotelmesh.proto.hotel.v1.DeleteHotelRequest;
import org.hotelmesh.proto.hotel.v1.DeleteRoomRequest;
import org.hotelmesh.proto.hotel.v1.DeleteRoomTypeRequest;
import org.hotelmesh.proto.hotel.v1.GetHotelRequest;
import org.hotelmesh.proto.hotel.v1.HotelServiceGrpc.HotelServiceBlockingStub;
import org.hotelmesh.proto.hotel.v1.Room;
import org.hotelmesh.proto.hotel.v1.RoomType;
import org.hotelmesh.proto.hotel.v1.UpdateRoomRequest;
import org.hotelmesh.support.client.DownstreamUnavailable;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** Room types' in-service counts reach reservation-svc through the capacity outbox (ReservationClient is mocked). */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "hotel_test"), @ResourceArg(name = "redisDatabase", value = "1") })
class CapacitySyncTest extends HotelTestBase {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long WAIT_MS = WAIT.toMillis();
    private static final String UNAVAILABLE_ERROR = "org.hotelmesh.support.client.DownstreamUnavailable:"
            + " reservation-svc SetRoomTypeCapacity failed: UNAVAILABLE";

    @GrpcClient("hotel")
    HotelServiceBlockingStub hotels;

    @Inject
    CapacityPublisher publisher;

    @Inject
    AgroalDataSource db;

    record OutboxRow(long hotelId, int roomsInService, long catalogVersion, int attempts, String lastError) {
    }

    @Test
    void creatingRoomsQueuesAndDeliversTheirCountAtTheHotelsVersion() throws Exception {
        long hotelId = createHotel(hotels).getId(); // version 1
        RoomType type = createRoomType(hotels, hotelId, "King"); // 2
        verify(reservationSvc, timeout(WAIT_MS)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, type.getId(), 0, 2));

        createRoom(hotels, hotelId, type.getId(), "101", true); // 3
        createRoom(hotels, hotelId, type.getId(), "102", true); // 4
        createRoom(hotels, hotelId, type.getId(), "103", true); // 5
        assertEquals(5, version(hotelId));

        verify(reservationSvc, timeout(WAIT_MS)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, type.getId(), 3, 5));
        awaitGone(type.getId());
    }

    @Test
    void takingARoomOutOfServiceReportsOneRoomLess() throws Exception {
        long hotelId = createHotel(hotels).getId();
        RoomType type = createRoomType(hotels, hotelId, "Twin"); // 2
        Room first = createRoom(hotels, hotelId, type.getId(), "1", true); // 3
        createRoom(hotels, hotelId, type.getId(), "2", true); // 4
        createRoom(hotels, hotelId, type.getId(), "3", true); // 5
        verify(reservationSvc, timeout(WAIT_MS)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, type.getId(), 3, 5));

        hotels.updateRoom(UpdateRoomRequest.newBuilder().setHotelId(hotelId).setRoomId(first.getId())
                .setRoom(roomInput("1", type.getId(), false)).build()); // 6

        verify(reservationSvc, timeout(WAIT_MS)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, type.getId(), 2, 6));
        awaitGone(type.getId());
    }

    @Test
    void movingARoomToAnotherTypeReportsBothTypes() throws Exception {
        long hotelId = createHotel(hotels).getId();
        RoomType from = createRoomType(hotels, hotelId, "From"); // 2
        RoomType to = createRoomType(hotels, hotelId, "To"); // 3
        Room room = createRoom(hotels, hotelId, from.getId(), "7", true); // 4
        createRoom(hotels, hotelId, from.getId(), "8", true); // 5
        verify(reservationSvc, timeout(WAIT_MS)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, from.getId(), 2, 5));

        hotels.updateRoom(UpdateRoomRequest.newBuilder().setHotelId(hotelId).setRoomId(room.getId())
                .setRoom(roomInput("7", to.getId(), true)).build()); // 6

        verify(reservationSvc, timeout(WAIT_MS)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, from.getId(), 1, 6));
        verify(reservationSvc, timeout(WAIT_MS)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, to.getId(), 1, 6));
        awaitGone(from.getId());
        awaitGone(to.getId());
    }

    @Test
    void deletingARoomTypeReportsZeroAndItsRowOutlivesTheRoomType() throws Exception {
        long hotelId = createHotel(hotels).getId();
        RoomType type = createRoomType(hotels, hotelId, "Gone"); // 2
        Room room = createRoom(hotels, hotelId, type.getId(), "9", true); // 3
        verify(reservationSvc, timeout(WAIT_MS)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, type.getId(), 1, 3));
        hotels.deleteRoom(DeleteRoomRequest.newBuilder().setHotelId(hotelId).setRoomId(room.getId()).build()); // 4
        verify(reservationSvc, timeout(WAIT_MS)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, type.getId(), 0, 4));
        awaitGone(type.getId());

        when(reservationSvc.setRoomTypeCapacity(new RoomTypeCapacity(hotelId, type.getId(), 0, 5)))
                .thenReturn(unavailable());
        hotels.deleteRoomType(DeleteRoomTypeRequest.newBuilder().setHotelId(hotelId).setRoomTypeId(type.getId())
                .build()); // 5
        awaitRow(type.getId(), row -> row.attempts() == 1);
        assertEquals(new OutboxRow(hotelId, 0, 5, 1, UNAVAILABLE_ERROR), row(type.getId()).orElseThrow());

        when(reservationSvc.setRoomTypeCapacity(new RoomTypeCapacity(hotelId, type.getId(), 0, 5)))
                .thenReturn(Uni.createFrom().voidItem());
        publisher.sweep().await().atMost(WAIT);
        verify(reservationSvc, times(2)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, type.getId(), 0, 5));
        assertEquals(Optional.empty(), row(type.getId()));
    }

    @Test
    void deletingAHotelReportsZeroForEachOfItsRoomTypes() throws Exception {
        long hotelId = createHotel(hotels).getId();
        RoomType a = createRoomType(hotels, hotelId, "A"); // 2
        RoomType b = createRoomType(hotels, hotelId, "B"); // 3
        createRoom(hotels, hotelId, a.getId(), "1", true); // 4
        createRoom(hotels, hotelId, b.getId(), "2", true); // 5
        createRoom(hotels, hotelId, b.getId(), "3", true); // 6
        verify(reservationSvc, timeout(WAIT_MS)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, b.getId(), 2, 6));

        hotels.deleteHotel(DeleteHotelRequest.newBuilder().setHotelId(hotelId).build()); // 7, then gone

        verify(reservationSvc, timeout(WAIT_MS)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, a.getId(), 0, 7));
        verify(reservationSvc, timeout(WAIT_MS)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, b.getId(), 0, 7));
        awaitGone(a.getId());
        awaitGone(b.getId());
    }

    @Test
    void aLostCallStaysQueuedWithItsAttemptsAndTheNextSweepDeliversIt() throws Exception {
        long hotelId = createHotel(hotels).getId();
        RoomType type = createRoomType(hotels, hotelId, "Lost"); // 2
        verify(reservationSvc, timeout(WAIT_MS)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, type.getId(), 0, 2));
        awaitGone(type.getId());
        RoomTypeCapacity report = new RoomTypeCapacity(hotelId, type.getId(), 1, 3);
        when(reservationSvc.setRoomTypeCapacity(report)).thenReturn(unavailable());

        createRoom(hotels, hotelId, type.getId(), "1", true); // 3: the kick's call fails

        awaitRow(type.getId(), row -> row.attempts() == 1);
        OutboxRow failed = row(type.getId()).orElseThrow();
        assertEquals(new OutboxRow(hotelId, 1, 3, 1, UNAVAILABLE_ERROR), failed);

        publisher.sweep().await().atMost(WAIT); // still failing
        assertEquals(2, row(type.getId()).orElseThrow().attempts());

        when(reservationSvc.setRoomTypeCapacity(report)).thenReturn(Uni.createFrom().voidItem());
        publisher.sweep().await().atMost(WAIT);

        assertEquals(Optional.empty(), row(type.getId()));
        verify(reservationSvc, times(3)).setRoomTypeCapacity(report);
    }

    @Test
    void aNewerCountQueuedDuringDeliveryIsNotRemovedByTheOlderSuccess() throws Exception {
        long hotelId = createHotel(hotels).getId();
        RoomType type = createRoomType(hotels, hotelId, "Race"); // 2
        verify(reservationSvc, timeout(WAIT_MS)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, type.getId(), 0, 2));
        awaitGone(type.getId());
        RoomTypeCapacity older = new RoomTypeCapacity(hotelId, type.getId(), 1, 3);
        RoomTypeCapacity newer = new RoomTypeCapacity(hotelId, type.getId(), 2, 4);
        CompletableFuture<Void> olderAnswer = new CompletableFuture<>();
        CompletableFuture<Void> newerAnswer = new CompletableFuture<>();
        when(reservationSvc.setRoomTypeCapacity(older)).thenReturn(Uni.createFrom().completionStage(olderAnswer));
        when(reservationSvc.setRoomTypeCapacity(newer)).thenReturn(Uni.createFrom().completionStage(newerAnswer));

        createRoom(hotels, hotelId, type.getId(), "1", true); // 3
        verify(reservationSvc, timeout(WAIT_MS)).setRoomTypeCapacity(older); // in flight
        createRoom(hotels, hotelId, type.getId(), "2", true); // 4
        assertEquals(new OutboxRow(hotelId, 2, 4, 0, null), row(type.getId()).orElseThrow());

        olderAnswer.complete(null);
        verify(reservationSvc, timeout(WAIT_MS)).setRoomTypeCapacity(newer); // the older success has been handled
        assertEquals(new OutboxRow(hotelId, 2, 4, 0, null), row(type.getId()).orElseThrow());

        newerAnswer.complete(null);
        awaitGone(type.getId());
        verify(reservationSvc, times(1)).setRoomTypeCapacity(older);
        verify(reservationSvc, times(1)).setRoomTypeCapacity(newer);
    }

    @Test
    void reconcileQueuesEveryRoomTypesCurrentCount() throws Exception {
        long hotelId = createHotel(hotels).getId();
        RoomType a = createRoomType(hotels, hotelId, "A"); // 2
        RoomType b = createRoomType(hotels, hotelId, "B"); // 3
        RoomType empty = createRoomType(hotels, hotelId, "Empty"); // 4
        createRoom(hotels, hotelId, a.getId(), "1", true); // 5
        createRoom(hotels, hotelId, a.getId(), "2", false); // 6
        createRoom(hotels, hotelId, b.getId(), "3", true); // 7
        verify(reservationSvc, timeout(WAIT_MS)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, b.getId(), 1, 7));
        awaitGone(a.getId());
        awaitGone(b.getId());
        awaitGone(empty.getId());

        int queued = publisher.reconcile().await().atMost(WAIT);

        assertTrue(queued >= 3, "at least this hotel's 3 room types, was " + queued);
        assertEquals(new OutboxRow(hotelId, 1, 7, 0, null), row(a.getId()).orElseThrow());
        assertEquals(new OutboxRow(hotelId, 1, 7, 0, null), row(b.getId()).orElseThrow());
        assertEquals(new OutboxRow(hotelId, 0, 7, 0, null), row(empty.getId()).orElseThrow());

        publisher.sweep().await().atMost(WAIT);
        verify(reservationSvc, times(2)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, b.getId(), 1, 7));
        assertEquals(Optional.empty(), row(a.getId()));
        assertEquals(Optional.empty(), row(b.getId()));
        assertEquals(Optional.empty(), row(empty.getId()));
    }

    private long version(long hotelId) {
        return hotels.getHotel(GetHotelRequest.newBuilder().setHotelId(hotelId).build()).getHotel().getVersion();
    }

    private static Uni<Void> unavailable() {
        return Uni.createFrom().failure(
                DownstreamUnavailable.unreachable("reservation-svc", "reservation-svc SetRoomTypeCapacity failed: UNAVAILABLE"));
    }

    private Optional<OutboxRow> row(long roomTypeId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select hotel_id,"
                + " rooms_in_service, catalog_version, attempts, last_error from capacity_outbox where room_type_id = ?")) {
            ps.setLong(1, roomTypeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new OutboxRow(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getInt(4),
                        rs.getString(5)));
            }
        }
    }

    private void awaitGone(long roomTypeId) throws Exception {
        await(() -> row(roomTypeId).isEmpty(), "the outbox row of room type " + roomTypeId + " to be delivered");
    }

    private void awaitRow(long roomTypeId, Predicate<OutboxRow> condition) throws Exception {
        await(() -> row(roomTypeId).filter(condition).isPresent(), "the outbox row of room type " + roomTypeId);
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
