package org.hotelmesh.edge.client;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.edge.api.HotelDto;
import org.hotelmesh.edge.api.PlaceDto;
import org.hotelmesh.edge.api.HotelInput;
import org.hotelmesh.edge.api.PageDto;
import org.hotelmesh.edge.api.PageQuery;
import org.hotelmesh.edge.api.RoomDto;
import org.hotelmesh.edge.api.RoomInput;
import org.hotelmesh.edge.api.RoomTypeDto;
import org.hotelmesh.edge.api.RoomTypeInput;
import org.hotelmesh.edge.mapping.HotelMapper;
import org.hotelmesh.edge.mapping.SearchMapper;
import org.hotelmesh.proto.common.v1.PageRequest;
import org.hotelmesh.proto.hotel.v1.CreateHotelRequest;
import org.hotelmesh.proto.hotel.v1.CreateRoomRequest;
import org.hotelmesh.proto.hotel.v1.CreateRoomTypeRequest;
import org.hotelmesh.proto.hotel.v1.DeleteHotelRequest;
import org.hotelmesh.proto.hotel.v1.DeleteRoomRequest;
import org.hotelmesh.proto.hotel.v1.DeleteRoomTypeRequest;
import org.hotelmesh.proto.hotel.v1.GetHotelRequest;
import org.hotelmesh.proto.hotel.v1.GetRoomRequest;
import org.hotelmesh.proto.hotel.v1.GetRoomTypeRequest;
import org.hotelmesh.proto.hotel.v1.ListHotelsRequest;
import org.hotelmesh.proto.hotel.v1.SuggestPlacesRequest;
import org.hotelmesh.proto.hotel.v1.ListRoomTypesRequest;
import org.hotelmesh.proto.hotel.v1.ListRoomsRequest;
import org.hotelmesh.proto.hotel.v1.MutinyHotelServiceGrpc;
import org.hotelmesh.proto.hotel.v1.SetHotelSaleRequest;
import org.hotelmesh.proto.hotel.v1.UpdateHotelRequest;
import org.hotelmesh.proto.hotel.v1.UpdateRoomRequest;
import org.hotelmesh.proto.hotel.v1.UpdateRoomTypeRequest;
import org.hotelmesh.support.client.DownstreamGuard;
import org.hotelmesh.support.client.DownstreamGuards;
import org.hotelmesh.support.client.Retry;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * The edge's only door to hotel-svc. Owns the deadline, retries (reads only: writes are not idempotent) and a
 * the one hotel-svc guard (a breaker shared by every call), so a dead catalog fails fast instead of holding requests
 * for deadline x retries.
 */
@ApplicationScoped
public class HotelClient {

    private final MutinyHotelServiceGrpc.MutinyHotelServiceStub stub;
    private final DownstreamGuard guard;

    public HotelClient(@GrpcClient("hotel") MutinyHotelServiceGrpc.MutinyHotelServiceStub stub,
                       DownstreamGuards guards) {
        this.stub = stub;
        this.guard = Downstream.HOTELS.guard(guards);
    }

    // ---- hotels

    public Uni<Optional<HotelDto>> getHotel(long hotelId) {
        return orEmpty(() -> call().getHotel(GetHotelRequest.newBuilder().setHotelId(hotelId).build())
                .map(r -> HotelMapper.toDto(r.getHotel())
                        .withRoomTypes(r.getRoomTypesList().stream().map(HotelMapper::toDto).toList())));
    }

    public Uni<PageDto<HotelDto>> listHotels(PageQuery page, String city, String country) {
        var request = ListHotelsRequest.newBuilder().setPage(page(page))
                .setCity(city == null ? "" : city)
                .setCountry(country == null ? "" : country)
                .build();
        return retried(() -> call().listHotels(request)
                .map(r -> HotelMapper.toPage(r.getHotelsList(), r.getPage(), HotelMapper::toDto)));
    }

    /** Up to 10 cities whose name starts with {@code prefix}, most hotels first (public). */
    public Uni<List<PlaceDto>> suggestPlaces(String prefix) {
        return retried(() -> call().suggestPlaces(SuggestPlacesRequest.newBuilder().setPrefix(prefix).build())
                .map(r -> r.getPlacesList().stream().map(SearchMapper::toDto).toList()));
    }

    public Uni<HotelDto> createHotel(HotelInput input) {
        return once(() -> call().createHotel(CreateHotelRequest.newBuilder().setHotel(HotelMapper.toProto(input))
                        .build())
                .map(r -> HotelMapper.toDto(r.getHotel())));
    }

    public Uni<HotelDto> updateHotel(long hotelId, HotelInput input) {
        return once(() -> call().updateHotel(UpdateHotelRequest.newBuilder().setHotelId(hotelId)
                        .setHotel(HotelMapper.toProto(input)).build())
                .map(r -> HotelMapper.toDto(r.getHotel())));
    }

    public Uni<HotelDto> setOffSale(long hotelId, boolean offSale) {
        return once(() -> call().setHotelSale(SetHotelSaleRequest.newBuilder().setHotelId(hotelId)
                        .setOffSale(offSale).build())
                .map(r -> HotelMapper.toDto(r.getHotel())));
    }

    public Uni<Void> deleteHotel(long hotelId) {
        return once(() -> call().deleteHotel(DeleteHotelRequest.newBuilder().setHotelId(hotelId).build())
                .replaceWithVoid());
    }

    // ---- room types

    public Uni<Optional<RoomTypeDto>> getRoomType(long hotelId, long roomTypeId) {
        return orEmpty(() -> call().getRoomType(GetRoomTypeRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).build())
                .map(r -> HotelMapper.toDto(r.getRoomType())));
    }

    public Uni<PageDto<RoomTypeDto>> listRoomTypes(long hotelId, PageQuery page) {
        return retried(() -> call().listRoomTypes(ListRoomTypesRequest.newBuilder().setHotelId(hotelId)
                        .setPage(page(page)).build())
                .map(r -> HotelMapper.toPage(r.getRoomTypesList(), r.getPage(), HotelMapper::toDto)));
    }

    public Uni<RoomTypeDto> createRoomType(long hotelId, RoomTypeInput input) {
        return once(() -> call().createRoomType(CreateRoomTypeRequest.newBuilder().setHotelId(hotelId)
                        .setRoomType(HotelMapper.toProto(input)).build())
                .map(r -> HotelMapper.toDto(r.getRoomType())));
    }

    public Uni<RoomTypeDto> updateRoomType(long hotelId, long roomTypeId, RoomTypeInput input) {
        return once(() -> call().updateRoomType(UpdateRoomTypeRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).setRoomType(HotelMapper.toProto(input)).build())
                .map(r -> HotelMapper.toDto(r.getRoomType())));
    }

    public Uni<Void> deleteRoomType(long hotelId, long roomTypeId) {
        return once(() -> call().deleteRoomType(DeleteRoomTypeRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).build())
                .replaceWithVoid());
    }

    // ---- rooms

    public Uni<Optional<RoomDto>> getRoom(long hotelId, long roomId) {
        return orEmpty(() -> call().getRoom(GetRoomRequest.newBuilder().setHotelId(hotelId).setRoomId(roomId).build())
                .map(r -> HotelMapper.toDto(r.getRoom())));
    }

    public Uni<PageDto<RoomDto>> listRooms(long hotelId, PageQuery page, long roomTypeId) {
        return retried(() -> call().listRooms(ListRoomsRequest.newBuilder().setHotelId(hotelId).setPage(page(page))
                        .setRoomTypeId(roomTypeId).build())
                .map(r -> HotelMapper.toPage(r.getRoomsList(), r.getPage(), HotelMapper::toDto)));
    }

    public Uni<RoomDto> createRoom(long hotelId, RoomInput input) {
        return once(() -> call().createRoom(CreateRoomRequest.newBuilder().setHotelId(hotelId)
                        .setRoom(HotelMapper.toProto(input)).build())
                .map(r -> HotelMapper.toDto(r.getRoom())));
    }

    public Uni<RoomDto> updateRoom(long hotelId, long roomId, RoomInput input) {
        return once(() -> call().updateRoom(UpdateRoomRequest.newBuilder().setHotelId(hotelId).setRoomId(roomId)
                        .setRoom(HotelMapper.toProto(input)).build())
                .map(r -> HotelMapper.toDto(r.getRoom())));
    }

    public Uni<Void> deleteRoom(long hotelId, long roomId) {
        return once(() -> call().deleteRoom(DeleteRoomRequest.newBuilder().setHotelId(hotelId).setRoomId(roomId)
                        .build())
                .replaceWithVoid());
    }

    // ---- plumbing

    /** A stub whose calls carry the configured deadline (gRPC deadlines are per call, not per stub lifetime). */
    private MutinyHotelServiceGrpc.MutinyHotelServiceStub call() {
        return stub.withDeadlineAfter(guard.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static PageRequest page(PageQuery page) {
        return PageRequest.newBuilder().setPageSize(page.pageSize()).setPageToken(page.pageToken()).build();
    }

    /**
     * A call the guard may repeat when hotel-svc gave no answer (a read, or a write that is safe twice); its
     * failures in the edge's terms ({@link Downstream}).
     */
    private <T> Uni<T> retried(Supplier<Uni<T>> call) {
        return Downstream.HOTELS.call(guard, Retry.WHEN_UNREACHABLE_OR_SLOW, call);
    }

    /** A write that must not run twice: never repeated. */
    private <T> Uni<T> once(Supplier<Uni<T>> call) {
        return Downstream.HOTELS.call(guard, Retry.NEVER, call);
    }

    private <T> Uni<Optional<T>> orEmpty(Supplier<Uni<T>> call) {
        return retried(() -> call.get().map(Optional::of))
                .onFailure(e -> e instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.NOT_FOUND)
                .recoverWithItem(Optional.empty());
    }
}
