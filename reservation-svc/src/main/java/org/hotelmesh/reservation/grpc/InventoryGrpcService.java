package org.hotelmesh.reservation.grpc;

import static org.hotelmesh.reservation.grpc.ReservationGrpcService.ERRORS;

import org.hotelmesh.proto.reservation.v1.GetAvailabilityRequest;
import org.hotelmesh.proto.reservation.v1.GetAvailabilityResponse;
import org.hotelmesh.proto.reservation.v1.GetInventoryRequest;
import org.hotelmesh.proto.reservation.v1.GetInventoryResponse;
import org.hotelmesh.proto.reservation.v1.GetOverbookingRatioRequest;
import org.hotelmesh.proto.reservation.v1.GetStockRequest;
import org.hotelmesh.proto.reservation.v1.GetStockResponse;
import org.hotelmesh.proto.reservation.v1.GetOverbookingRatioResponse;
import org.hotelmesh.proto.reservation.v1.InventoryService;
import org.hotelmesh.proto.reservation.v1.SetMaintenanceRequest;
import org.hotelmesh.proto.reservation.v1.SetMaintenanceResponse;
import org.hotelmesh.proto.reservation.v1.SetOverbookingRatioRequest;
import org.hotelmesh.proto.reservation.v1.SetOverbookingRatioResponse;
import org.hotelmesh.proto.reservation.v1.SetRoomTypeCapacityRequest;
import org.hotelmesh.proto.reservation.v1.SetRoomTypeCapacityResponse;
import org.hotelmesh.reservation.mapping.ReservationMapper;
import org.hotelmesh.reservation.service.Inventory;
import org.hotelmesh.support.grpc.ProtoTypes;
import org.hotelmesh.support.identity.Access;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** The gRPC face of inventory; failures become statuses through the shared translator. */
@GrpcService
public class InventoryGrpcService implements InventoryService {

    private final Inventory inventory;

    public InventoryGrpcService(Inventory inventory) {
        this.inventory = inventory;
    }

    @Override
    public Uni<GetAvailabilityResponse> getAvailability(GetAvailabilityRequest request) {
        return ERRORS.serve(() -> inventory.availability(request.getHotelId(), request.getRoomTypeId(),
                        ProtoTypes.startDate(request.getStay()), ProtoTypes.endDate(request.getStay()))
                .map(a -> GetAvailabilityResponse.newBuilder().addAllRoomTypes(ReservationMapper.toProto(a)).build()));
    }

    @Override
    public Uni<GetInventoryResponse> getInventory(GetInventoryRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return inventory.rows(request.getHotelId(), request.getRoomTypeId(),
                            ProtoTypes.startDate(request.getDates()), ProtoTypes.endDate(request.getDates()))
                    .map(rows -> GetInventoryResponse.newBuilder()
                            .addAllRows(rows.stream().map(ReservationMapper::toProto).toList()).build());
        });
    }

    @Override
    public Uni<GetStockResponse> getStock(GetStockRequest request) {
        return ERRORS.serve(() -> inventory.stock(request.getHotelIdsList(), ProtoTypes.startDate(request.getDates()),
                        ProtoTypes.endDate(request.getDates()))
                .map(rows -> GetStockResponse.newBuilder()
                        .addAllRows(rows.stream().map(ReservationMapper::toProto).toList()).build()));
    }

    @Override
    public Uni<SetRoomTypeCapacityResponse> setRoomTypeCapacity(SetRoomTypeCapacityRequest request) {
        return ERRORS.serve(() -> inventory.setCapacity(request.getHotelId(), request.getRoomTypeId(),
                        request.getRoomsInService(), request.getCatalogVersion())
                .map(applied -> SetRoomTypeCapacityResponse.getDefaultInstance()));
    }

    @Override
    public Uni<SetMaintenanceResponse> setMaintenance(SetMaintenanceRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return inventory.setMaintenance(request.getHotelId(), request.getRoomTypeId(),
                            ProtoTypes.startDate(request.getDates()), ProtoTypes.endDate(request.getDates()),
                            request.getRooms())
                    .map(ignored -> SetMaintenanceResponse.getDefaultInstance());
        });
    }

    @Override
    public Uni<GetOverbookingRatioResponse> getOverbookingRatio(GetOverbookingRatioRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return inventory.ratio(request.getHotelId(), request.getRoomTypeId())
                    .map(r -> GetOverbookingRatioResponse.newBuilder().setRatio(r.doubleValue()).build());
        });
    }

    @Override
    public Uni<SetOverbookingRatioResponse> setOverbookingRatio(SetOverbookingRatioRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return inventory.setRatio(request.getHotelId(), request.getRoomTypeId(), request.getRatio())
                    .map(r -> SetOverbookingRatioResponse.newBuilder().setRatio(r.doubleValue()).build());
        });
    }
}
