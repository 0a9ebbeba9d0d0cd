package org.hotelmesh.hotel.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.hotel.grpc.Fixtures.createHotel;
import static org.hotelmesh.hotel.grpc.Fixtures.createRoom;
import static org.hotelmesh.hotel.grpc.Fixtures.createRoomType;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import jakarta.inject.Inject;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.hotel.domain.RoomTypeCapacity;
import org.hotelmesh.proto.hotel.v1.DeleteHotelRequest;
import org.hotelmesh.proto.hotel.v1.GetHotelRequest;
import org.hotelmesh.proto.hotel.v1.GetHotelResponse;
import org.hotelmesh.proto.hotel.v1.HotelServiceGrpc.HotelServiceBlockingStub;
import org.hotelmesh.proto.hotel.v1.RoomType;
import org.hotelmesh.support.client.DownstreamUnavailable;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** A hotel is deleted only when reservation-svc says it has no upcoming reservations (ReservationClient mocked). */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "hotel_test"), @ResourceArg(name = "redisDatabase", value = "1") })
class HotelDeletionTest extends HotelTestBase {

    private static final String CANNOT_CHECK =
            "cannot check the hotel's reservations right now; nothing was deleted";

    @GrpcClient("hotel")
    HotelServiceBlockingStub hotels;

    @Inject
    AgroalDataSource db;

    @Test
    void hotelWithUpcomingReservationsIsNotDeleted() throws Exception {
        long hotelId = hotelWithOneRoom();
        GetHotelResponse before = get(hotelId);
        when(reservationSvc.hasFutureReservations(hotelId)).thenReturn(Uni.createFrom().item(true));

        assertStatus(Status.Code.FAILED_PRECONDITION,
                "hotel " + hotelId + " has upcoming reservations; cancel them first", () -> delete(hotelId));

        assertNothingDeleted(hotelId, before);
    }

    @Test
    void hotelIsNotDeletedWhenReservationSvcIsUnreachable() throws Exception {
        long hotelId = hotelWithOneRoom();
        GetHotelResponse before = get(hotelId);
        when(reservationSvc.hasFutureReservations(hotelId)).thenReturn(Uni.createFrom().failure(
                DownstreamUnavailable.unreachable("reservation-svc", "reservation-svc HasFutureReservations failed: UNAVAILABLE")));

        assertStatus(Status.Code.UNAVAILABLE, CANNOT_CHECK, () -> delete(hotelId));

        assertNothingDeleted(hotelId, before);
    }

    @Test
    void hotelIsNotDeletedWhenTheCheckFailsInAnyOtherWay() throws Exception {
        long hotelId = hotelWithOneRoom();
        GetHotelResponse before = get(hotelId);
        when(reservationSvc.hasFutureReservations(hotelId)).thenThrow(new IllegalStateException("bug in the client"));

        assertStatus(Status.Code.UNAVAILABLE, CANNOT_CHECK, () -> delete(hotelId));

        assertNothingDeleted(hotelId, before);
    }

    @Test
    void hotelWithoutUpcomingReservationsIsDeletedAfterAsking() {
        long hotelId = createHotel(hotels).getId();

        delete(hotelId);

        verify(reservationSvc).hasFutureReservations(hotelId);
        assertStatus(Status.Code.NOT_FOUND, "hotel " + hotelId + " not found", () -> get(hotelId));
    }

    @Test
    void unknownHotelIsNotFoundWithoutAskingReservationSvc() {
        assertStatus(Status.Code.NOT_FOUND, "hotel 999999977 not found", () -> delete(999_999_977L));
        verify(reservationSvc, never()).hasFutureReservations(anyLong());
    }

    /** A hotel whose single room type's count (1 at version 3) has been delivered and left the outbox. */
    private long hotelWithOneRoom() throws Exception {
        long hotelId = createHotel(hotels).getId();
        RoomType type = createRoomType(hotels, hotelId, "Std");
        createRoom(hotels, hotelId, type.getId(), "1", true);
        verify(reservationSvc, timeout(10_000)).setRoomTypeCapacity(new RoomTypeCapacity(hotelId, type.getId(), 1, 3));
        long deadline = System.currentTimeMillis() + 10_000;
        while (outboxRows(hotelId) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, outboxRows(hotelId));
        return hotelId;
    }

    private void assertNothingDeleted(long hotelId, GetHotelResponse before) throws Exception {
        assertEquals(before, get(hotelId)); // same version, room types and counts
        assertEquals(0, outboxRows(hotelId)); // no capacity 0 was queued
    }

    private GetHotelResponse get(long hotelId) {
        return hotels.getHotel(GetHotelRequest.newBuilder().setHotelId(hotelId).build());
    }

    private void delete(long hotelId) {
        hotels.deleteHotel(DeleteHotelRequest.newBuilder().setHotelId(hotelId).build());
    }

    private long outboxRows(long hotelId) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from capacity_outbox where hotel_id = ?")) {
            ps.setLong(1, hotelId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
