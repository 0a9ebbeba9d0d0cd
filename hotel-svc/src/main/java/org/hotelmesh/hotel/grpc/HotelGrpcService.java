package org.hotelmesh.hotel.grpc;

import java.util.function.Supplier;

import org.hotelmesh.hotel.cache.HotelDetailsCache;
import org.hotelmesh.hotel.mapping.CatalogMapper;
import org.hotelmesh.hotel.service.CatalogService;
import org.hotelmesh.hotel.service.CatalogValidator;
import org.hotelmesh.proto.common.v1.PageRequest;
import org.hotelmesh.proto.hotel.v1.CreateHotelRequest;
import org.hotelmesh.proto.hotel.v1.CreateHotelResponse;
import org.hotelmesh.proto.hotel.v1.CreateRoomRequest;
import org.hotelmesh.proto.hotel.v1.CreateRoomResponse;
import org.hotelmesh.proto.hotel.v1.CreateRoomTypeRequest;
import org.hotelmesh.proto.hotel.v1.CreateRoomTypeResponse;
import org.hotelmesh.proto.hotel.v1.DeleteHotelRequest;
import org.hotelmesh.proto.hotel.v1.DeleteHotelResponse;
import org.hotelmesh.proto.hotel.v1.DeleteRoomRequest;
import org.hotelmesh.proto.hotel.v1.DeleteRoomResponse;
import org.hotelmesh.proto.hotel.v1.DeleteRoomTypeRequest;
import org.hotelmesh.proto.hotel.v1.DeleteRoomTypeResponse;
import org.hotelmesh.proto.hotel.v1.GetHotelRequest;
import org.hotelmesh.proto.hotel.v1.GetHotelResponse;
import org.hotelmesh.proto.hotel.v1.GetRoomRequest;
import org.hotelmesh.proto.hotel.v1.GetRoomResponse;
import org.hotelmesh.proto.hotel.v1.GetRoomTypeRequest;
import org.hotelmesh.proto.hotel.v1.GetRoomTypeResponse;
import org.hotelmesh.proto.hotel.v1.HotelService;
import org.hotelmesh.proto.hotel.v1.ListHotelsRequest;
import org.hotelmesh.proto.hotel.v1.ListHotelsResponse;
import org.hotelmesh.proto.hotel.v1.ListRoomTypesRequest;
import org.hotelmesh.proto.hotel.v1.ListRoomTypesResponse;
import org.hotelmesh.proto.hotel.v1.ListRoomsRequest;
import org.hotelmesh.proto.hotel.v1.ListRoomsResponse;
import org.hotelmesh.proto.hotel.v1.UpdateHotelRequest;
import org.hotelmesh.proto.hotel.v1.UpdateHotelResponse;
import org.hotelmesh.proto.hotel.v1.UpdateRoomRequest;
import org.hotelmesh.proto.hotel.v1.UpdateRoomResponse;
import org.hotelmesh.proto.hotel.v1.UpdateRoomTypeRequest;
import org.hotelmesh.proto.hotel.v1.UpdateRoomTypeResponse;

import com.google.protobuf.AbstractMessageLite;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** The gRPC face of the catalog: maps proto to domain and back; errors are mapped by {@link GrpcErrors}. */
@GrpcService
public class HotelGrpcService implements HotelService {

    private final CatalogService catalog;
    private final HotelDetailsCache detailsCache;

    public HotelGrpcService(CatalogService catalog, HotelDetailsCache detailsCache) {
        this.catalog = catalog;
        this.detailsCache = detailsCache;
    }

    @Override
    public Uni<GetHotelResponse> getHotel(GetHotelRequest request) {
        long hotelId = request.getHotelId();
        return handle(() -> {
            CatalogValidator.ids("hotelID", hotelId);
            return detailsCache.getOrLoad(hotelId, GetHotelResponse::parseFrom, AbstractMessageLite::toByteArray,
                    () -> catalog.getHotelDetails(hotelId).map(CatalogMapper::toProto));
        });
    }

    @Override
    public Uni<ListHotelsResponse> listHotels(ListHotelsRequest request) {
        return handle(() -> catalog.listHotels(CatalogMapper.toFilter(request), page(request.getPage()))
                .map(page -> ListHotelsResponse.newBuilder()
                        .addAllHotels(page.items().stream().map(CatalogMapper::toProto).toList())
                        .setPage(CatalogMapper.toPageInfo(page))
                        .build()));
    }

    @Override
    public Uni<CreateHotelResponse> createHotel(CreateHotelRequest request) {
        return handle(() -> catalog.createHotel(CatalogMapper.toDomain(request.getHotel()))
                .map(hotel -> CreateHotelResponse.newBuilder().setHotel(CatalogMapper.toProto(hotel)).build()));
    }

    @Override
    public Uni<UpdateHotelResponse> updateHotel(UpdateHotelRequest request) {
        return handle(() -> catalog.updateHotel(request.getHotelId(), CatalogMapper.toDomain(request.getHotel()))
                .map(hotel -> UpdateHotelResponse.newBuilder().setHotel(CatalogMapper.toProto(hotel)).build()));
    }

    @Override
    public Uni<DeleteHotelResponse> deleteHotel(DeleteHotelRequest request) {
        return handle(() -> catalog.deleteHotel(request.getHotelId())
                .map(ignored -> DeleteHotelResponse.getDefaultInstance()));
    }

    @Override
    public Uni<GetRoomTypeResponse> getRoomType(GetRoomTypeRequest request) {
        return handle(() -> catalog.getRoomType(request.getHotelId(), request.getRoomTypeId())
                .map(type -> GetRoomTypeResponse.newBuilder().setRoomType(CatalogMapper.toProto(type)).build()));
    }

    @Override
    public Uni<ListRoomTypesResponse> listRoomTypes(ListRoomTypesRequest request) {
        return handle(() -> catalog.listRoomTypes(request.getHotelId(), page(request.getPage()))
                .map(page -> ListRoomTypesResponse.newBuilder()
                        .addAllRoomTypes(page.items().stream().map(CatalogMapper::toProto).toList())
                        .setPage(CatalogMapper.toPageInfo(page))
                        .build()));
    }

    @Override
    public Uni<CreateRoomTypeResponse> createRoomType(CreateRoomTypeRequest request) {
        return handle(() -> catalog.createRoomType(request.getHotelId(), CatalogMapper.toDomain(request.getRoomType()))
                .map(type -> CreateRoomTypeResponse.newBuilder().setRoomType(CatalogMapper.toProto(type)).build()));
    }

    @Override
    public Uni<UpdateRoomTypeResponse> updateRoomType(UpdateRoomTypeRequest request) {
        return handle(() -> catalog.updateRoomType(request.getHotelId(), request.getRoomTypeId(),
                CatalogMapper.toDomain(request.getRoomType()))
                .map(type -> UpdateRoomTypeResponse.newBuilder().setRoomType(CatalogMapper.toProto(type)).build()));
    }

    @Override
    public Uni<DeleteRoomTypeResponse> deleteRoomType(DeleteRoomTypeRequest request) {
        return handle(() -> catalog.deleteRoomType(request.getHotelId(), request.getRoomTypeId())
                .map(ignored -> DeleteRoomTypeResponse.getDefaultInstance()));
    }

    @Override
    public Uni<GetRoomResponse> getRoom(GetRoomRequest request) {
        return handle(() -> catalog.getRoom(request.getHotelId(), request.getRoomId())
                .map(room -> GetRoomResponse.newBuilder().setRoom(CatalogMapper.toProto(room)).build()));
    }

    @Override
    public Uni<ListRoomsResponse> listRooms(ListRoomsRequest request) {
        return handle(() -> catalog.listRooms(request.getHotelId(), request.getRoomTypeId(), page(request.getPage()))
                .map(page -> ListRoomsResponse.newBuilder()
                        .addAllRooms(page.items().stream().map(CatalogMapper::toProto).toList())
                        .setPage(CatalogMapper.toPageInfo(page))
                        .build()));
    }

    @Override
    public Uni<CreateRoomResponse> createRoom(CreateRoomRequest request) {
        return handle(() -> catalog.createRoom(request.getHotelId(), CatalogMapper.toDomain(request.getRoom()))
                .map(room -> CreateRoomResponse.newBuilder().setRoom(CatalogMapper.toProto(room)).build()));
    }

    @Override
    public Uni<UpdateRoomResponse> updateRoom(UpdateRoomRequest request) {
        return handle(() -> catalog.updateRoom(request.getHotelId(), request.getRoomId(),
                CatalogMapper.toDomain(request.getRoom()))
                .map(room -> UpdateRoomResponse.newBuilder().setRoom(CatalogMapper.toProto(room)).build()));
    }

    @Override
    public Uni<DeleteRoomResponse> deleteRoom(DeleteRoomRequest request) {
        return handle(() -> catalog.deleteRoom(request.getHotelId(), request.getRoomId())
                .map(ignored -> DeleteRoomResponse.getDefaultInstance()));
    }

    private static org.hotelmesh.hotel.domain.PageRequest page(PageRequest page) {
        return CatalogValidator.page(page.getPageSize(), page.getPageToken());
    }

    /** Defers the call so that synchronous validation errors are mapped like asynchronous ones. */
    private static <T> Uni<T> handle(Supplier<Uni<T>> call) {
        return Uni.createFrom().<T>deferred(() -> call.get()).onFailure().transform(GrpcErrors::toStatus);
    }
}
