package org.hotelmesh.reservation.service;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertInvalid;
import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.reservation.Fixtures.booking;
import static org.hotelmesh.reservation.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.reservation.v1.CreateReservationRequest;
import org.hotelmesh.proto.reservation.v1.GetReservationRequest;
import org.hotelmesh.proto.reservation.v1.ReservationStatus;
import org.hotelmesh.proto.reservation.v1.SetRoomTypeCapacityRequest;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.Fixtures;
import org.hotelmesh.reservation.ReservationTestBase;
import org.hotelmesh.support.catalog.HotelInfo;
import org.hotelmesh.support.client.DownstreamUnavailable;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_test"), @ResourceArg(name = "redisDatabase", value = "4") })
class BookingValidationTest extends ReservationTestBase {

    @Test
    void everyInvalidFieldIsReportedAtOnce() throws Exception {
        RoomTypeRef rt = roomType(5);
        LocalDate start = utcToday().plusDays(10);
        assertInvalid(() -> reservations.createReservation(CreateReservationRequest.newBuilder()
                .setReservationId("bad id!").setHotelId(rt.hotelId()).setRoomTypeId(-1)
                .setStay(Fixtures.range(start, start.plusDays(31))).setRooms(10).setGuestId("g").build()),
                "reservationID", "roomTypeID", "endDate", "rooms", "paymentToken");
        assertInvalid(() -> reservations.createReservation(booking("ok-1", rt, start, start, 0, "g")),
                "endDate", "rooms");
        assertInvalid(() -> reservations.createReservation(CreateReservationRequest.newBuilder()
                .setReservationId("x".repeat(65)).setHotelId(rt.hotelId()).setRoomTypeId(rt.roomTypeId())
                .setRooms(1).setGuestId("g").setPaymentToken("tok_visa").build()),
                "reservationID", "startDate", "endDate");
    }

    @Test
    void unknownHotelOrRoomTypeIsInvalid() throws Exception {
        RoomTypeRef rt = roomType(5);
        LocalDate start = utcToday().plusDays(10);
        assertInvalid(() -> reservations.createReservation(booking("unknown-h", new RoomTypeRef(999_999,
                rt.roomTypeId()), start, start.plusDays(1), 1, "g")), "hotelID");
        assertInvalid(() -> reservations.createReservation(booking("unknown-rt", new RoomTypeRef(rt.hotelId(),
                rt.roomTypeId() + 1_000_000), start, start.plusDays(1), 1, "g")), "roomTypeID");
    }

    @Test
    void aRoomTypeAddedAfterItsHotelWasLookedUpCanBeBookedAtOnce() {
        RoomTypeRef first = roomType(5);
        LocalDate start = utcToday().plusDays(10);
        reservations.createReservation(booking("first-type", first, start, start.plusDays(1), 1, "g"));

        // Staff add a room type to the hotel the catalog lookup now keeps, and hotel-svc reports its capacity.
        long added = Fixtures.newHotel(ZoneOffset.UTC).roomTypeId();
        HotelInfo kept = Fixtures.HOTELS.get(first.hotelId());
        Fixtures.HOTELS.put(first.hotelId(), new HotelInfo(kept.hotelId(), kept.timeZone(),
                Set.of(first.roomTypeId(), added)));
        catalogSync().setRoomTypeCapacity(SetRoomTypeCapacityRequest.newBuilder().setHotelId(first.hotelId())
                .setRoomTypeId(added).setRoomsInService(5).setCatalogVersion(1).build());

        var booked = reservations.createReservation(booking("new-type", new RoomTypeRef(first.hotelId(), added),
                start, start.plusDays(1), 1, "g")).getReservation();
        assertEquals(added, booked.getRoomTypeId());
    }

    @Test
    void aHotelOffSaleTakesNoNewBookingButAReplayOfOneMadeBeforeIsAnswered() throws Exception {
        RoomTypeRef first = roomType(5);
        LocalDate start = utcToday().plusDays(10);
        var made = reservations.createReservation(booking("before-off-sale-" + first.roomTypeId(), first, start,
                start.plusDays(1), 1, "g")).getReservation();

        // staff take the hotel off sale (the lookup sees it once it asks hotel-svc again: here, for a new room type)
        long added = Fixtures.newHotel(ZoneOffset.UTC).roomTypeId();
        HotelInfo kept = Fixtures.HOTELS.get(first.hotelId());
        Fixtures.HOTELS.put(first.hotelId(), new HotelInfo(kept.hotelId(), kept.timeZone(),
                Set.of(first.roomTypeId(), added), true));
        catalogSync().setRoomTypeCapacity(SetRoomTypeCapacityRequest.newBuilder().setHotelId(first.hotelId())
                .setRoomTypeId(added).setRoomsInService(5).setCatalogVersion(1).build());

        String refused = "after-off-sale-" + first.roomTypeId();
        assertStatus(Status.Code.FAILED_PRECONDITION, "hotel " + first.hotelId()
                + " is off sale: it takes no new bookings or quotes", () -> reservations.createReservation(
                booking(refused, new RoomTypeRef(first.hotelId(), added), start, start.plusDays(1), 1, "g")));
        assertEquals(0, queryInt("SELECT count(*) FROM reservation WHERE reservation_id = ?", refused));
        assertEquals(made, reservations.createReservation(booking("before-off-sale-" + first.roomTypeId(), first,
                start, start.plusDays(1), 1, "g")).getReservation(), "a replay still gets its answer");
        assertEquals(1, totalReserved(first, start));
    }

    @Test
    void aStayStartingBeforeTodayInTheHotelsTimeZoneIsRefused() throws Exception {
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        RoomTypeRef rt = Fixtures.newHotel(seoul);
        catalogSync().setRoomTypeCapacity(SetRoomTypeCapacityRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setRoomsInService(3).setCatalogVersion(1).build());
        LocalDate today = LocalDate.now(seoul);

        assertInvalid(() -> reservations.createReservation(booking("past-" + rt.roomTypeId(), rt, today.minusDays(1),
                today.plusDays(1), 1, "g")), "startDate");
        assertEquals(ReservationStatus.PENDING, reservations.createReservation(booking("today-" + rt.roomTypeId(), rt,
                today, today.plusDays(1), 1, "g")).getReservation().getStatus());
    }

    @Test
    void aNightBeyondTheSalesHorizonIsFailedPrecondition() {
        RoomTypeRef rt = roomType(5);
        LocalDate far = utcToday().plusDays(800);
        assertStatus(Status.Code.FAILED_PRECONDITION, "room type " + rt.roomTypeId() + " of hotel " + rt.hotelId()
                + " is not on sale for the night of " + far + " (dates are sold up to two years ahead, once the hotel"
                + " has reported the room type's capacity)",
                () -> reservations.createReservation(booking("far-" + rt.roomTypeId(), rt, far, far.plusDays(1), 1,
                        "g")));
        assertStatus(Status.Code.NOT_FOUND, "reservation far-" + rt.roomTypeId() + " not found",
                () -> reservations.getReservation(GetReservationRequest.newBuilder()
                        .setReservationId("far-" + rt.roomTypeId()).build()));
    }

    @Test
    void anUnreachableCatalogIsUnavailable() {
        RoomTypeRef rt = roomType(5);
        when(catalog.findHotel(anyLong())).thenReturn(Uni.createFrom().failure(
                DownstreamUnavailable.unreachable("hotel-svc", "the hotel catalog is unavailable (UNAVAILABLE); retry shortly")));
        LocalDate start = utcToday().plusDays(10);
        assertStatus(Status.Code.UNAVAILABLE, "the hotel catalog is unavailable (UNAVAILABLE); retry shortly",
                () -> reservations.createReservation(booking("cat-down", new RoomTypeRef(rt.hotelId() + 500_000,
                        rt.roomTypeId()), start, start.plusDays(1), 1, "g")));
    }
}
