package org.hotelmesh.rate.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.rate.grpc.Fixtures.baseRates;
import static org.hotelmesh.rate.grpc.Fixtures.range;
import static org.hotelmesh.rate.grpc.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.devtools.test.TestIdentities;
import org.hotelmesh.proto.rate.v1.CreateQuoteRequest;
import org.hotelmesh.proto.rate.v1.GetQuoteRequest;
import org.hotelmesh.proto.rate.v1.PriceStayRequest;
import org.hotelmesh.proto.rate.v1.Quote;
import org.hotelmesh.proto.rate.v1.RateServiceGrpc;
import org.hotelmesh.proto.rate.v1.RateServiceGrpc.RateServiceBlockingStub;
import org.hotelmesh.proto.rate.v1.SetBaseRatesRequest;
import org.hotelmesh.rate.grpc.Fixtures.RoomTypeRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A hotel's rates are its staff's (through the edge) or a tool's with rate.write; a quote is its guest's: another
 * guest is answered as for an unknown quote, and cannot quote in someone else's name. Refusals change nothing.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "rate_test"), @ResourceArg(name = "redisDatabase", value = "5") })
class RateAccessTest extends RateTestBase {

    private static final ManagedChannel CHANNEL = ManagedChannelBuilder.forAddress("localhost", 18082)
            .usePlaintext().build();
    private static final LocalDate NIGHT = utcToday().plusDays(30);

    @Inject
    AgroalDataSource db;

    @AfterAll
    static void close() {
        CHANNEL.shutdownNow();
    }

    private static RateServiceBlockingStub as(String bearer) {
        return RateServiceGrpc.newBlockingStub(TestIdentities.as(CHANNEL, bearer));
    }

    private static RateServiceBlockingStub edgeFor(String user) {
        return RateServiceGrpc.newBlockingStub(TestIdentities.asEdgeFor(CHANNEL, user));
    }

    @Test
    void ratesAreSetByTheHotelsStaffOrAToolWithTheRole() throws SQLException {
        RoomTypeRef rt = Fixtures.newHotel();
        SetBaseRatesRequest set = baseRates(rt, NIGHT, NIGHT.plusDays(3), 1, "EUR");
        assertStatus(Status.Code.UNAUTHENTICATED, null, () -> RateServiceGrpc.newBlockingStub(CHANNEL).setBaseRates(set));
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> as(TestIdentities.tool("report")).setBaseRates(set));
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> as(TestIdentities.workload("reservation-svc"))
                .setBaseRates(set));
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> edgeFor(TestIdentities.staff(rt.hotelId() + 1))
                .setBaseRates(set));
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> edgeFor(TestIdentities.guest("alice"))
                .setBaseRates(set));
        assertEquals(0, rateRows(rt));

        edgeFor(TestIdentities.staff(rt.hotelId())).setBaseRates(set);
        assertEquals(3, rateRows(rt));
        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> as(TestIdentities.workload("hotel-svc"))
                .priceStay(PriceStayRequest.newBuilder().setHotelId(rt.hotelId()).setRoomTypeId(rt.roomTypeId())
                        .setStay(range(NIGHT, NIGHT.plusDays(1))).setRooms(1).build()));
    }

    @Test
    void aQuoteIsItsGuestsAlone() {
        RoomTypeRef rt = Fixtures.newHotel();
        rates.setBaseRates(baseRates(rt, NIGHT, NIGHT.plusDays(2), 10_000, "EUR"));
        CreateQuoteRequest.Builder create = CreateQuoteRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setStay(range(NIGHT, NIGHT.plusDays(2))).setRooms(1);

        assertStatus(Status.Code.PERMISSION_DENIED, null, () -> edgeFor(TestIdentities.guest("bob"))
                .createQuote(create.setGuestId("alice").build()));
        Quote alices = edgeFor(TestIdentities.guest("alice")).createQuote(create.setGuestId("").build()).getQuote();
        assertEquals("alice", alices.getGuestId());

        GetQuoteRequest get = GetQuoteRequest.newBuilder().setQuoteId(alices.getQuoteId()).build();
        String unknown = "q_0000000000000000000000";
        String unknownAnswer = assertStatus(Status.Code.NOT_FOUND, null, () -> edgeFor(TestIdentities.guest("bob"))
                .getQuote(GetQuoteRequest.newBuilder().setQuoteId(unknown).build())).getStatus().getDescription();
        String othersAnswer = assertStatus(Status.Code.NOT_FOUND, null, () -> edgeFor(TestIdentities.guest("bob"))
                .getQuote(get)).getStatus().getDescription();
        assertEquals(unknownAnswer.replace(unknown, alices.getQuoteId()), othersAnswer);

        assertEquals(alices, edgeFor(TestIdentities.guest("alice")).getQuote(get).getQuote());
        assertEquals(alices, as(TestIdentities.workload("reservation-svc")).getQuote(get).getQuote());
    }

    private int rateRows(RoomTypeRef rt) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM room_type_rate WHERE hotel_id = ? AND room_type_id = ?")) {
            ps.setLong(1, rt.hotelId());
            ps.setLong(2, rt.roomTypeId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
