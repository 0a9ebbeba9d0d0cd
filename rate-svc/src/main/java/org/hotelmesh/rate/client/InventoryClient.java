package org.hotelmesh.rate.client;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.hotelmesh.proto.common.v1.Date;
import org.hotelmesh.proto.common.v1.DateRange;
import org.hotelmesh.proto.reservation.v1.GetInventoryRequest;
import org.hotelmesh.proto.reservation.v1.GetInventoryResponse;
import org.hotelmesh.proto.reservation.v1.InventoryRow;
import org.hotelmesh.proto.reservation.v1.MutinyInventoryServiceGrpc.MutinyInventoryServiceStub;
import org.hotelmesh.rate.config.InventoryConfig;
import org.hotelmesh.rate.domain.Occupancy;
import org.hotelmesh.rate.domain.OccupancyUnavailable;
import org.hotelmesh.rate.mapping.RateMapper;
import org.hotelmesh.support.GrpcStatuses;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * reservation-svc's InventoryService, as pricing sees it: how full each night is. GetInventory is a read, so it is
 * retried, but only when reservation-svc was unreachable or slow; an open circuit fails fast. Any other failure is a
 * bug on one side and is not retried.
 */
@ApplicationScoped
public class InventoryClient {

    private final MutinyInventoryServiceStub inventory;
    private final InventoryConfig config;

    public InventoryClient(@GrpcClient("inventory") MutinyInventoryServiceStub inventory, InventoryConfig config) {
        this.inventory = inventory;
        this.config = config;
    }

    /**
     * The occupancy of the nights in [from, to) (at most 366) that have an inventory row; nights without one are
     * absent from the answer.
     */
    @Retry(maxRetries = 2, delay = 50, delayUnit = ChronoUnit.MILLIS, jitter = 25,
            retryOn = OccupancyUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            failOn = OccupancyUnavailable.class)
    public Uni<Map<LocalDate, Occupancy>> occupancy(long hotelId, long roomTypeId, LocalDate from, LocalDate to) {
        return Uni.createFrom().deferred(() -> inventory
                        .withDeadlineAfter(config.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .getInventory(GetInventoryRequest.newBuilder().setHotelId(hotelId).setRoomTypeId(roomTypeId)
                                .setDates(DateRange.newBuilder().setStartDate(RateMapper.toProto(from))
                                        .setEndDate(RateMapper.toProto(to)))
                                .build()))
                .map(InventoryClient::toOccupancy)
                .onFailure().transform(failure -> {
                    Status status = GrpcStatuses.status(failure);
                    if (status.getCode() == Status.Code.UNAVAILABLE
                            || status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
                        return new OccupancyUnavailable("occupancy is unavailable (reservation-svc GetInventory: "
                                + status.getCode() + "); nothing is priced without it; retry shortly");
                    }
                    return new IllegalStateException("reservation-svc GetInventory(" + hotelId + ", " + roomTypeId
                            + ", " + from + ".." + to + ") failed", failure);
                });
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
