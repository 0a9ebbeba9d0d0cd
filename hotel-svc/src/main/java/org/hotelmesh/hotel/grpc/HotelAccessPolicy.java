package org.hotelmesh.hotel.grpc;

import java.util.List;

import jakarta.inject.Singleton;

import org.hotelmesh.proto.hotel.v1.HotelServiceGrpc;
import org.hotelmesh.support.identity.AccessPolicy;
import org.hotelmesh.support.identity.AccessRule;

/**
 * Who may call hotel-svc: the catalog is public, so every service and tool reads it; it changes only through the
 * edge (administrators create hotels, a hotel's staff keep it) or a tool granted {@value #WRITE}.
 */
@Singleton
public class HotelAccessPolicy extends AccessPolicy {

    /** The role a tool needs to change the catalog. */
    public static final String WRITE = "hotel.write";

    HotelAccessPolicy() {
        AccessRule reads = AccessRule.anyone();
        AccessRule writes = AccessRule.services("edge-rest").orToolsWith(WRITE);

        rule(HotelServiceGrpc.getGetHotelMethod(), reads);
        rule(HotelServiceGrpc.getListHotelsMethod(), reads);
        rule(HotelServiceGrpc.getFindHotelsMethod(), reads);
        rule(HotelServiceGrpc.getSuggestPlacesMethod(), reads);
        rule(HotelServiceGrpc.getGetRoomTypeMethod(), reads);
        rule(HotelServiceGrpc.getListRoomTypesMethod(), reads);
        rule(HotelServiceGrpc.getGetRoomMethod(), reads);
        rule(HotelServiceGrpc.getListRoomsMethod(), reads);

        rule(HotelServiceGrpc.getCreateHotelMethod(), writes);
        rule(HotelServiceGrpc.getUpdateHotelMethod(), writes);
        rule(HotelServiceGrpc.getDeleteHotelMethod(), writes);
        rule(HotelServiceGrpc.getSetHotelSaleMethod(), writes);
        rule(HotelServiceGrpc.getCreateRoomTypeMethod(), writes);
        rule(HotelServiceGrpc.getUpdateRoomTypeMethod(), writes);
        rule(HotelServiceGrpc.getDeleteRoomTypeMethod(), writes);
        rule(HotelServiceGrpc.getCreateRoomMethod(), writes);
        rule(HotelServiceGrpc.getUpdateRoomMethod(), writes);
        rule(HotelServiceGrpc.getDeleteRoomMethod(), writes);

        coverAll(List.of(HotelServiceGrpc.getServiceDescriptor()));
    }
}
