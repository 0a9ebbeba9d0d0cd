package org.hotelmesh.reservation.grpc;

import java.util.List;

import jakarta.inject.Singleton;

import org.hotelmesh.proto.reservation.v1.InventoryServiceGrpc;
import org.hotelmesh.proto.reservation.v1.ReservationServiceGrpc;
import org.hotelmesh.support.identity.AccessPolicy;
import org.hotelmesh.support.identity.AccessRule;

/**
 * Who may call reservation-svc. The edge acts for signed-in users, whose own rights each method checks again
 * ({@link org.hotelmesh.support.identity.Access}); tools read, and write only with {@value #WRITE}; the capacity of a
 * room type follows the catalog, so only hotel-svc sets it.
 */
@Singleton
public class ReservationAccessPolicy extends AccessPolicy {

    /** The role a tool needs to book, cancel or change inventory and policies. */
    public static final String WRITE = "reservation.write";

    protected ReservationAccessPolicy() {
        AccessRule edgeReads = AccessRule.services("edge-rest").orTools();
        AccessRule edgeWrites = AccessRule.services("edge-rest").orToolsWith(WRITE);

        rule(ReservationServiceGrpc.getCreateReservationMethod(), edgeWrites);
        rule(ReservationServiceGrpc.getGetReservationMethod(), edgeReads);
        rule(ReservationServiceGrpc.getListReservationsMethod(), edgeReads);
        rule(ReservationServiceGrpc.getListHotelReservationsMethod(), edgeReads);
        rule(ReservationServiceGrpc.getCancelReservationMethod(), edgeWrites);
        rule(ReservationServiceGrpc.getPreviewCancellationMethod(), edgeReads);
        rule(ReservationServiceGrpc.getHasFutureReservationsMethod(), AccessRule.services("hotel-svc").orTools());
        rule(ReservationServiceGrpc.getGetCancellationPolicyMethod(), edgeReads);
        rule(ReservationServiceGrpc.getSetCancellationPolicyMethod(), edgeWrites);
        rule(ReservationServiceGrpc.getChangeStayMethod(), edgeWrites);
        rule(ReservationServiceGrpc.getPreviewStayChangeMethod(), edgeReads);
        rule(ReservationServiceGrpc.getGetFrontDeskMethod(), edgeReads);
        rule(ReservationServiceGrpc.getListFreeRoomsMethod(), edgeReads);
        rule(ReservationServiceGrpc.getCheckInMethod(), edgeWrites);
        rule(ReservationServiceGrpc.getMoveRoomMethod(), edgeWrites);
        rule(ReservationServiceGrpc.getCheckOutMethod(), edgeWrites);

        rule(InventoryServiceGrpc.getGetAvailabilityMethod(), AccessRule.anyone());
        rule(InventoryServiceGrpc.getGetInventoryMethod(), AccessRule.services("edge-rest", "rate-svc").orTools());
        rule(InventoryServiceGrpc.getGetStockMethod(), AccessRule.services("rate-svc").orTools());
        rule(InventoryServiceGrpc.getSetRoomTypeCapacityMethod(), AccessRule.services("hotel-svc"));
        rule(InventoryServiceGrpc.getSetMaintenanceMethod(), edgeWrites);
        rule(InventoryServiceGrpc.getGetOverbookingRatioMethod(), edgeReads);
        rule(InventoryServiceGrpc.getSetOverbookingRatioMethod(), edgeWrites);

        coverAll(List.of(ReservationServiceGrpc.getServiceDescriptor(), InventoryServiceGrpc.getServiceDescriptor()));
    }
}
