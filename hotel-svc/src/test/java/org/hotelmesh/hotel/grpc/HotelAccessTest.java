package org.hotelmesh.hotel.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.hotel.grpc.Fixtures.createHotel;
import static org.hotelmesh.hotel.grpc.Fixtures.hotelInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.devtools.test.TestIdentities;
import org.hotelmesh.proto.hotel.v1.CreateHotelRequest;
import org.hotelmesh.proto.hotel.v1.DeleteHotelRequest;
import org.hotelmesh.proto.hotel.v1.GetHotelRequest;
import org.hotelmesh.proto.hotel.v1.Hotel;
import org.hotelmesh.proto.hotel.v1.HotelServiceGrpc;
import org.hotelmesh.proto.hotel.v1.HotelServiceGrpc.HotelServiceBlockingStub;
import org.hotelmesh.proto.hotel.v1.SetHotelSaleRequest;
import org.hotelmesh.proto.hotel.v1.UpdateHotelRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The catalog is read by every authenticated caller and changed only by the edge for an administrator (new hotels)
 * or the hotel's staff, or by a tool granted hotel.write; everyone else is refused and nothing changes.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "hotel_test"), @ResourceArg(name = "redisDatabase", value = "1") })
class HotelAccessTest extends HotelTestBase {

    private static final ManagedChannel CHANNEL = ManagedChannelBuilder.forAddress("localhost", 18081)
            .usePlaintext().build();

    @GrpcClient("hotel")
    HotelServiceBlockingStub hotels;

    @Inject
    AgroalDataSource db;

    @AfterAll
    static void close() {
        CHANNEL.shutdownNow();
    }

    private static HotelServiceBlockingStub as(String bearer) {
        return HotelServiceGrpc.newBlockingStub(TestIdentities.as(CHANNEL, bearer));
    }

    private static HotelServiceBlockingStub edgeFor(String user) {
        return HotelServiceGrpc.newBlockingStub(TestIdentities.asEdgeFor(CHANNEL, user));
    }

    @Test
    void onlyAnAdministratorOrAToolWithTheRoleCreatesHotels() throws SQLException {
        CreateHotelRequest create = CreateHotelRequest.newBuilder().setHotel(hotelInput("Nobody's", "Seoul", "KR"))
                .build();
        long before = hotels();
        assertStatus(Status.Code.UNAUTHENTICATED, null, () -> HotelServiceGrpc.newBlockingStub(CHANNEL)
                .createHotel(create));
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> as(TestIdentities.tool("report")).createHotel(create));
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> as(TestIdentities.workload("rate-svc"))
                .createHotel(create));
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> edgeFor(TestIdentities.staff(1L)).createHotel(create));
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> edgeFor(TestIdentities.guest("alice"))
                .createHotel(create));
        assertEquals(before, hotels());

        edgeFor(TestIdentities.admin()).createHotel(create);
        as(TestIdentities.tool("importer", "hotel.write")).createHotel(create);
        assertEquals(before + 2, hotels());
    }

    @Test
    void aHotelIsKeptByItsOwnStaffOnly() {
        Hotel hotel = createHotel(hotels);
        UpdateHotelRequest rename = UpdateHotelRequest.newBuilder().setHotelId(hotel.getId())
                .setHotel(hotelInput("Taken over", "Seoul", "KR")).build();
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> edgeFor(TestIdentities.staff(hotel.getId() + 1))
                .updateHotel(rename));
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> edgeFor(TestIdentities.guest("alice"))
                .deleteHotel(DeleteHotelRequest.newBuilder().setHotelId(hotel.getId()).build()));
        // deleting is an administrator's: not even the hotel's own staff
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> edgeFor(TestIdentities.staff(hotel.getId()))
                .deleteHotel(DeleteHotelRequest.newBuilder().setHotelId(hotel.getId()).build()));
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> as(TestIdentities.workload("edge-rest"))
                .updateHotel(rename));
        GetHotelRequest get = GetHotelRequest.newBuilder().setHotelId(hotel.getId()).build();
        assertEquals(hotel.getDetails().getName(),
                as(TestIdentities.workload("reservation-svc")).getHotel(get).getHotel().getDetails().getName());

        edgeFor(TestIdentities.staff(hotel.getId())).updateHotel(rename);
        assertEquals("Taken over", as(TestIdentities.tool("report")).getHotel(get).getHotel().getDetails().getName());
    }

    private long hotels() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM hotel")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void staffTakeTheirHotelOffSaleAndBackWhichEveryoneThenSees() {
        Hotel hotel = createHotel(hotels);
        SetHotelSaleRequest off = SetHotelSaleRequest.newBuilder().setHotelId(hotel.getId()).setOffSale(true).build();
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> edgeFor(TestIdentities.staff(hotel.getId() + 1))
                .setHotelSale(off));
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> as(TestIdentities.workload("reservation-svc"))
                .setHotelSale(off));

        Hotel offSale = edgeFor(TestIdentities.staff(hotel.getId())).setHotelSale(off).getHotel();

        assertTrue(offSale.getOffSale());
        assertTrue(offSale.getVersion() > hotel.getVersion(), "the version moves: cached copies are replaced");
        GetHotelRequest get = GetHotelRequest.newBuilder().setHotelId(hotel.getId()).build();
        assertTrue(as(TestIdentities.workload("reservation-svc")).getHotel(get).getHotel().getOffSale());
        assertFalse(edgeFor(TestIdentities.admin()).setHotelSale(off.toBuilder().setOffSale(false).build())
                .getHotel().getOffSale());
        assertFalse(hotels.getHotel(get).getHotel().getOffSale());
    }
}
