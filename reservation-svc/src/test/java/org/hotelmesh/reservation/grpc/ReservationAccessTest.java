package org.hotelmesh.reservation.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.reservation.Fixtures.booking;
import static org.hotelmesh.reservation.Fixtures.range;
import static org.hotelmesh.reservation.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.UUID;

import org.hotelmesh.devtools.DevTokens;
import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.devtools.test.TestIdentities;
import org.hotelmesh.proto.reservation.v1.CancelReservationRequest;
import org.hotelmesh.proto.reservation.v1.GetReservationRequest;
import org.hotelmesh.proto.reservation.v1.GetStockRequest;
import org.hotelmesh.proto.reservation.v1.InventoryServiceGrpc;
import org.hotelmesh.proto.reservation.v1.InventoryServiceGrpc.InventoryServiceBlockingStub;
import org.hotelmesh.proto.reservation.v1.ListHotelReservationsRequest;
import org.hotelmesh.proto.reservation.v1.ListReservationsRequest;
import org.hotelmesh.proto.reservation.v1.ReservationServiceGrpc;
import org.hotelmesh.proto.reservation.v1.ReservationServiceGrpc.ReservationServiceBlockingStub;
import org.hotelmesh.proto.reservation.v1.SetOverbookingRatioRequest;
import org.hotelmesh.proto.reservation.v1.SetRoomTypeCapacityRequest;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.ReservationTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every caller refused what its grant does not cover, before any work and with nothing changed in the database: no
 * token, a workload the policy does not name, a tool without the write role, a guest acting on another guest's
 * reservation, a guest's token used as a workload's. The allowed paths still work.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_test"), @ResourceArg(name = "redisDatabase", value = "4") })
class ReservationAccessTest extends ReservationTestBase {

    private static final ManagedChannel CHANNEL = ManagedChannelBuilder.forAddress("localhost", 18083)
            .usePlaintext().build();

    private RoomTypeRef rt;
    private LocalDate start;
    private String aliceBooking;

    @AfterAll
    static void close() {
        CHANNEL.shutdownNow();
    }

    @BeforeEach
    void aliceHasABooking() {
        rt = roomType(5);
        start = utcToday().plusDays(10);
        aliceBooking = UUID.randomUUID().toString();
        // paid at once, so no payment is left processing for the saga tests' recovery job to find
        asGuest("alice").createReservation(booking(aliceBooking, rt, start, start.plusDays(2), 1, "", "tok_visa"));
    }

    private static ReservationServiceBlockingStub reservationsAs(String bearer) {
        return ReservationServiceGrpc.newBlockingStub(TestIdentities.as(CHANNEL, bearer));
    }

    private static InventoryServiceBlockingStub inventoryAs(String bearer) {
        return InventoryServiceGrpc.newBlockingStub(TestIdentities.as(CHANNEL, bearer));
    }

    private static ReservationServiceBlockingStub asGuest(String guest) {
        return ReservationServiceGrpc.newBlockingStub(
                TestIdentities.asEdgeFor(CHANNEL, TestIdentities.guest(guest)));
    }

    private String statusOf(String reservationId) {
        return queryIds("SELECT status FROM reservation WHERE reservation_id = ?", reservationId).get(0);
    }

    private int reservationsOf(String reservationId) {
        return queryInt("SELECT count(*) FROM reservation WHERE reservation_id = ?", reservationId);
    }

    @Test
    void aGuestBookingThroughTheEdgeIsTheirsAndRecordedAsTheirs() {
        assertEquals("alice", queryIds("SELECT guest_id FROM reservation WHERE reservation_id = ?", aliceBooking).get(0));
        asGuest("alice").cancelReservation(CancelReservationRequest.newBuilder().setReservationId(aliceBooking)
                .setRequestedBy("somebody-else").build());
        assertEquals("refunded", statusOf(aliceBooking));
        assertEquals("alice", queryIds("SELECT changed_by FROM reservation_status_change WHERE reservation_id = ?"
                + " ORDER BY id DESC LIMIT 1", aliceBooking).get(0));
    }

    @Test
    void noTokenOrAnInvalidOneIsUnauthenticatedAndBooksNothing() {
        String id = UUID.randomUUID().toString();
        ReservationServiceBlockingStub anonymous = ReservationServiceGrpc.newBlockingStub(CHANNEL);
        assertStatus(Status.Code.UNAUTHENTICATED, null,
                () -> anonymous.createReservation(booking(id, rt, start, start.plusDays(1), 1, "alice")));
        assertStatus(Status.Code.UNAUTHENTICATED, null,
                () -> reservationsAs("not-a-token").createReservation(booking(id, rt, start, start.plusDays(1), 1, "x")));
        String forged = TestIdentities.workload("hotel-svc");
        String tampered = forged.substring(0, forged.length() - 4) + "AAAA";
        assertStatus(Status.Code.UNAUTHENTICATED, null, () -> inventoryAs(tampered).setRoomTypeCapacity(capacity(0, 9)));
        assertEquals(0, reservationsOf(id));
        assertEquals(1, totalReserved(rt, start));
    }

    @Test
    void onlyHotelSvcSetsCapacityWhateverTheCatalogVersion() {
        for (String caller : new String[] {TestIdentities.workload("edge-rest"), TestIdentities.workload("rate-svc"),
                TestIdentities.workload("payment-svc"),
                TestIdentities.tool("ops", TestIdentities.WRITE_ROLES.toArray(String[]::new))}) {
            assertStatus(Status.Code.PERMISSION_DENIED, null,
                    () -> inventoryAs(caller).setRoomTypeCapacity(capacity(0, Long.MAX_VALUE)));
        }
        assertEquals(5, queryInt("SELECT total_inventory FROM room_type_inventory WHERE hotel_id = ?"
                + " AND room_type_id = ? AND night = ?", rt.hotelId(), rt.roomTypeId(), start));
        inventoryAs(TestIdentities.workload("hotel-svc")).setRoomTypeCapacity(capacity(7, 2));
        assertEquals(7, queryInt("SELECT total_inventory FROM room_type_inventory WHERE hotel_id = ?"
                + " AND room_type_id = ? AND night = ?", rt.hotelId(), rt.roomTypeId(), start));
    }

    @Test
    void onlyRateSvcAndToolsReadTheStockOfManyHotels() {
        GetStockRequest request = GetStockRequest.newBuilder().addHotelIds(rt.hotelId())
                .setDates(range(start, start.plusDays(1))).build();
        for (String caller : new String[] {TestIdentities.workload("edge-rest"), TestIdentities.workload("hotel-svc"),
                TestIdentities.workload("payment-svc")}) {
            assertStatus(Status.Code.PERMISSION_DENIED, null, () -> inventoryAs(caller).getStock(request));
        }
        assertEquals(1, inventoryAs(TestIdentities.workload("rate-svc")).getStock(request).getRowsCount());
        assertEquals(1, inventoryAs(TestIdentities.tool("report")).getStock(request).getRowsCount());
    }

    @Test
    void aToolReadsButWritesOnlyWithTheRole() {
        String reader = TestIdentities.tool("report");
        assertEquals(aliceBooking, reservationsAs(reader).getReservation(GetReservationRequest.newBuilder()
                .setReservationId(aliceBooking).build()).getReservation().getReservationId());
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> reservationsAs(reader).cancelReservation(
                CancelReservationRequest.newBuilder().setReservationId(aliceBooking).setWaiveFee(true).build()));
        String id = UUID.randomUUID().toString();
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> reservationsAs(reader)
                .createReservation(booking(id, rt, start, start.plusDays(1), 1, "bob")));
        assertEquals("paid", statusOf(aliceBooking));
        assertEquals(0, reservationsOf(id));

        reservationsAs(TestIdentities.tool("ops", ReservationAccessPolicy.WRITE)).cancelReservation(
                CancelReservationRequest.newBuilder().setReservationId(aliceBooking).setWaiveFee(true).build());
        assertEquals("refunded", statusOf(aliceBooking));
        assertEquals("tool:ops", queryIds("SELECT changed_by FROM reservation_status_change WHERE reservation_id = ?"
                + " ORDER BY id DESC LIMIT 1", aliceBooking).get(0));
    }

    @Test
    void aGuestCannotSeeCancelBookAsOrListAnotherGuest() {
        ReservationServiceBlockingStub bob = asGuest("bob");
        GetReservationRequest get = GetReservationRequest.newBuilder().setReservationId(aliceBooking).build();
        String unknown = assertStatus(Status.Code.NOT_FOUND, null, () -> bob.getReservation(
                GetReservationRequest.newBuilder().setReservationId("no-such-booking").build())).getStatus()
                .getDescription();
        String others = assertStatus(Status.Code.NOT_FOUND, null, () -> bob.getReservation(get)).getStatus()
                .getDescription();
        assertEquals(unknown.replace("no-such-booking", aliceBooking), others, "answered as an unknown one");
        assertStatus(Status.Code.NOT_FOUND, null, () -> bob.cancelReservation(CancelReservationRequest.newBuilder()
                .setReservationId(aliceBooking).setWaiveFee(true).build()));
        String id = UUID.randomUUID().toString();
        assertStatus(Status.Code.PERMISSION_DENIED, null,
                () -> bob.createReservation(booking(id, rt, start, start.plusDays(1), 1, "alice")));
        assertStatus(Status.Code.PERMISSION_DENIED, null,
                () -> bob.listReservations(ListReservationsRequest.newBuilder().setGuestId("alice").build()));
        assertEquals("paid", statusOf(aliceBooking));
        assertEquals(0, reservationsOf(id));
        assertEquals(1, totalReserved(rt, start));
    }

    @Test
    void waivingTheFeeNeedsStaffOfThatHotel() {
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> asGuest("alice").cancelReservation(
                CancelReservationRequest.newBuilder().setReservationId(aliceBooking).setWaiveFee(true).build()));
        ReservationServiceBlockingStub otherHotelsStaff = ReservationServiceGrpc.newBlockingStub(
                TestIdentities.asEdgeFor(CHANNEL, TestIdentities.staff(rt.hotelId() + 1)));
        assertStatus(Status.Code.NOT_FOUND, null, () -> otherHotelsStaff.cancelReservation(
                CancelReservationRequest.newBuilder().setReservationId(aliceBooking).setWaiveFee(true).build()));
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> otherHotelsStaff.listHotelReservations(
                ListHotelReservationsRequest.newBuilder().setHotelId(rt.hotelId()).build()));
        InventoryServiceBlockingStub otherHotelsInventory = InventoryServiceGrpc.newBlockingStub(
                TestIdentities.asEdgeFor(CHANNEL, TestIdentities.staff(rt.hotelId() + 1)));
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> otherHotelsInventory.setOverbookingRatio(
                SetOverbookingRatioRequest.newBuilder().setHotelId(rt.hotelId()).setRoomTypeId(rt.roomTypeId())
                        .setRatio(2.0).build()));
        assertEquals("paid", statusOf(aliceBooking));

        ReservationServiceBlockingStub staff = ReservationServiceGrpc.newBlockingStub(
                TestIdentities.asEdgeFor(CHANNEL, TestIdentities.staff(rt.hotelId())));
        staff.cancelReservation(CancelReservationRequest.newBuilder().setReservationId(aliceBooking)
                .setWaiveFee(true).build());
        assertEquals("refunded", statusOf(aliceBooking));
    }

    @Test
    void aUsersTokenIsNotAWorkloadsAndTheEdgeMustPassItsUserOn() {
        String id = UUID.randomUUID().toString();
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> reservationsAs(TestIdentities.guest("alice"))
                .createReservation(booking(id, rt, start, start.plusDays(1), 1, "alice")));
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> reservationsAs(TestIdentities.workload("edge-rest"))
                .createReservation(booking(id, rt, start, start.plusDays(1), 1, "alice")));
        assertStatus(Status.Code.NOT_FOUND, null, () -> reservationsAs(TestIdentities.workload("edge-rest"))
                .getReservation(GetReservationRequest.newBuilder().setReservationId(aliceBooking).build()));
        assertEquals(0, reservationsOf(id));
    }

    @Test
    void aUserTokenPassedOnIsCheckedAsTheEdgeChecksIt() {
        long now = java.time.Instant.now().getEpochSecond();
        java.nio.file.Path key = TestIdentities.DIR.resolve("private.pem");
        String otherAudience = DevTokens.signClaims(key, "{\"iss\":\"hotelmesh\",\"aud\":\"another-api\","
                + "\"sub\":\"alice\",\"iat\":" + now + ",\"exp\":" + (now + 600) + ",\"groups\":[\"guest\"]}");
        String tooOld = DevTokens.signClaims(key, "{\"iss\":\"hotelmesh\",\"aud\":\"hotelmesh-api\","
                + "\"sub\":\"alice\",\"iat\":" + (now - 172_800) + ",\"exp\":" + (now + 600)
                + ",\"groups\":[\"guest\"]}");
        GetReservationRequest get = GetReservationRequest.newBuilder().setReservationId(aliceBooking).build();
        for (String token : new String[] {otherAudience, tooOld}) {
            assertStatus(Status.Code.UNAUTHENTICATED, null, () -> ReservationServiceGrpc.newBlockingStub(
                    TestIdentities.asEdgeFor(CHANNEL, token)).getReservation(get));
        }
        assertEquals(aliceBooking, asGuest("alice").getReservation(get).getReservation().getReservationId());
    }

    @Test
    void staffOfTheHotelBookForANamedGuestAndTheReservationSaysWhoMadeIt() {
        ReservationServiceBlockingStub desk = ReservationServiceGrpc.newBlockingStub(
                TestIdentities.asEdgeFor(CHANNEL, TestIdentities.staff(rt.hotelId())));
        String walkIn = UUID.randomUUID().toString();
        var booked = desk.createReservation(booking(walkIn, rt, start, start.plusDays(1), 1, "", "tok_visa")
                .toBuilder().setGuestName("Kim Min-jun").build()).getReservation();
        assertEquals("desk:" + walkIn, booked.getGuestId());
        assertEquals("Kim Min-jun", booked.getGuestName());
        assertEquals("staff-[" + rt.hotelId() + "]", booked.getBookedBy());
        assertEquals("staff-[" + rt.hotelId() + "]", booked.getHistory(0).getBy());

        String forAlice = UUID.randomUUID().toString();
        assertEquals("alice", desk.createReservation(booking(forAlice, rt, start, start.plusDays(1), 1, "alice",
                "tok_visa").toBuilder().setGuestName("Alice Park").build()).getReservation().getGuestId());
        assertEquals(forAlice, asGuest("alice").getReservation(GetReservationRequest.newBuilder()
                .setReservationId(forAlice).build()).getReservation().getReservationId(), "the guest sees it");

        String nameless = UUID.randomUUID().toString();
        assertStatus(Status.Code.INVALID_ARGUMENT, null, () -> desk.createReservation(booking(nameless, rt, start,
                start.plusDays(1), 1, "", "tok_visa")));
        ReservationServiceBlockingStub otherDesk = ReservationServiceGrpc.newBlockingStub(
                TestIdentities.asEdgeFor(CHANNEL, TestIdentities.staff(rt.hotelId() + 1_000_000)));
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> otherDesk.createReservation(booking(nameless, rt,
                start, start.plusDays(1), 1, "", "tok_visa").toBuilder().setGuestName("Somebody").build()));
        assertEquals(0, reservationsOf(nameless));
    }

    @Test
    void onlyTheHotelsStaffWorkTheFrontDesk() {
        var checkIn = org.hotelmesh.proto.reservation.v1.CheckInRequest.newBuilder().setReservationId(aliceBooking)
                .build();
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> asGuest("alice").checkIn(checkIn));
        assertStatus(Status.Code.NOT_FOUND, null, () -> ReservationServiceGrpc.newBlockingStub(
                TestIdentities.asEdgeFor(CHANNEL, TestIdentities.staff(rt.hotelId() + 1_000_000))).checkIn(checkIn));
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> asGuest("alice").getFrontDesk(
                org.hotelmesh.proto.reservation.v1.GetFrontDeskRequest.newBuilder().setHotelId(rt.hotelId()).build()));
        // staff of the hotel get as far as the rules of the day: alice arrives in ten days
        assertStatus(Status.Code.FAILED_PRECONDITION, null, () -> ReservationServiceGrpc.newBlockingStub(
                TestIdentities.asEdgeFor(CHANNEL, TestIdentities.staff(rt.hotelId()))).checkIn(checkIn));
        assertEquals("paid", statusOf(aliceBooking));
    }

    private SetRoomTypeCapacityRequest capacity(int rooms, long catalogVersion) {
        return SetRoomTypeCapacityRequest.newBuilder().setHotelId(rt.hotelId()).setRoomTypeId(rt.roomTypeId())
                .setRoomsInService(rooms).setCatalogVersion(catalogVersion).build();
    }
}
