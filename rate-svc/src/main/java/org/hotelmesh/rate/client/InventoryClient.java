package org.hotelmesh.rate.client;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.proto.common.v1.Date;
import org.hotelmesh.proto.common.v1.DateRange;
import org.hotelmesh.proto.reservation.v1.GetInventoryRequest;
import org.hotelmesh.proto.reservation.v1.GetInventoryResponse;
import org.hotelmesh.proto.reservation.v1.GetStockRequest;
import org.hotelmesh.proto.reservation.v1.InventoryRow;
import org.hotelmesh.proto.reservation.v1.MutinyInventoryServiceGrpc.MutinyInventoryServiceStub;
import org.hotelmesh.rate.domain.Occupancy;
import org.hotelmesh.rate.domain.StockNight;
import org.hotelmesh.rate.mapping.RateMapper;
import org.hotelmesh.support.client.DownstreamGuard;
import org.hotelmesh.support.client.DownstreamGuards;
import org.hotelmesh.support.client.Retry;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * reservation-svc's InventoryService, as pricing sees it: how full each night is. GetInventory is a read, so it is
 * retried, but only when reservation-svc was unreachable or slow; an open circuit fails fast. Any other failure is a
 * bug on one side and is not retried.
 */
@ApplicationScoped
public class InventoryClient {

    private static final DownstreamGuard.Words WORDS = new DownstreamGuard.Words() {
        @Override
        public String unanswered(String call, Status.Code code) {
            return "occupancy is unavailable (reservation-svc " + call + ": " + code + "); nothing is priced"
                    + " without it; retry shortly";
        }

        @Override
        public String circuitOpen() {
            return "occupancy is unavailable (reservation-svc is failing; calls are paused for a few seconds);"
                    + " nothing is priced without it; retry shortly";
        }
    };

    private final MutinyInventoryServiceStub inventory;
    private final DownstreamGuard guard;

    public InventoryClient(@GrpcClient("inventory") MutinyInventoryServiceStub inventory, DownstreamGuards guards) {
        this.inventory = inventory;
        this.guard = guards.of("reservation-svc", WORDS);
    }

    /**
     * The occupancy of the nights in [from, to) (at most 366) that have an inventory row; nights without one are
     * absent from the answer. A read: retried when reservation-svc gave no answer.
     */
    public Uni<Map<LocalDate, Occupancy>> occupancy(long hotelId, long roomTypeId, LocalDate from, LocalDate to) {
        return guard.call("GetInventory", Retry.WHEN_UNREACHABLE_OR_SLOW, () -> inventory
                        .withDeadlineAfter(guard.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .getInventory(GetInventoryRequest.newBuilder().setHotelId(hotelId).setRoomTypeId(roomTypeId)
                                .setDates(DateRange.newBuilder().setStartDate(RateMapper.toProto(from))
                                        .setEndDate(RateMapper.toProto(to)))
                                .build()))
                .map(InventoryClient::toOccupancy)
                .onFailure(StatusRuntimeException.class).transform(failure -> new IllegalStateException(
                        "reservation-svc GetInventory(" + hotelId + ", " + roomTypeId + ", " + from + ".." + to
                                + ") failed", failure));
    }

    /**
     * Every room type's night of these hotels in [from, to) (at most 31 nights) that has an inventory row, in one
     * call. A read: retried when reservation-svc gave no answer.
     */
    public Uni<List<StockNight>> stock(List<Long> hotelIds, LocalDate from, LocalDate to) {
        return guard.call("GetStock", Retry.WHEN_UNREACHABLE_OR_SLOW, () -> inventory
                        .withDeadlineAfter(guard.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .getStock(GetStockRequest.newBuilder().addAllHotelIds(hotelIds)
                                .setDates(DateRange.newBuilder().setStartDate(RateMapper.toProto(from))
                                        .setEndDate(RateMapper.toProto(to)))
                                .build()))
                .map(response -> response.getRowsList().stream().map(row -> new StockNight(row.getHotelId(),
                        row.getRoomTypeId(), date(row.getDate()), row.getRemaining(),
                        new Occupancy(row.getTotalReserved(), row.getTotalInventory()))).toList())
                .onFailure(StatusRuntimeException.class).transform(failure -> new IllegalStateException(
                        "reservation-svc GetStock(" + hotelIds.size() + " hotels, " + from + ".." + to + ") failed",
                        failure));
    }

    static Map<LocalDate, Occupancy> toOccupancy(GetInventoryResponse response) {
        Map<LocalDate, Occupancy> nights = new HashMap<>();
        for (InventoryRow row : response.getRowsList()) {
            nights.put(date(row.getDate()), new Occupancy(row.getTotalReserved(), row.getTotalInventory()));
        }
        return nights;
    }

    private static LocalDate date(Date date) {
        try {
            return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
        } catch (DateTimeException e) {
            throw new IllegalStateException("reservation-svc sent an inventory row dated " + date, e);
        }
    }
}
