package org.hotelmesh.hotel.grpc;

import org.hotelmesh.hotel.cache.HotelDetailsCache;
import org.hotelmesh.hotel.mapping.HotelMapper;
import org.hotelmesh.hotel.service.HotelValidator;
import org.hotelmesh.hotel.service.Hotels;
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
import org.hotelmesh.proto.hotel.v1.FindHotelsRequest;
import org.hotelmesh.proto.hotel.v1.FindHotelsResponse;
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
import org.hotelmesh.proto.hotel.v1.SetHotelSaleRequest;
import org.hotelmesh.proto.hotel.v1.SuggestPlacesRequest;
import org.hotelmesh.proto.hotel.v1.SuggestPlacesResponse;
import org.hotelmesh.proto.hotel.v1.SetHotelSaleResponse;
import org.hotelmesh.proto.hotel.v1.UpdateHotelRequest;
import org.hotelmesh.proto.hotel.v1.UpdateHotelResponse;
import org.hotelmesh.proto.hotel.v1.UpdateRoomRequest;
import org.hotelmesh.proto.hotel.v1.UpdateRoomResponse;
import org.hotelmesh.proto.hotel.v1.UpdateRoomTypeRequest;
import org.hotelmesh.proto.hotel.v1.UpdateRoomTypeResponse;
import org.hotelmesh.store.StoreOutage;
import org.hotelmesh.support.grpc.ErrorTranslator;
import org.hotelmesh.support.identity.Access;

import com.google.protobuf.AbstractMessageLite;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * The gRPC face of hotel-svc: maps proto to domain and back; failures become statuses through the shared
 * {@link ErrorTranslator}.
 */
@GrpcService
public class HotelGrpcService implements HotelService {

    static final ErrorTranslator ERRORS = new ErrorTranslator("hotel", StoreOutage::detected);

    /** Places answered when the request names no limit. */
    static final int DEFAULT_PLACES = 10;

    private final Hotels catalog;
    private final HotelDetailsCache detailsCache;

    public HotelGrpcService(Hotels catalog, HotelDetailsCache detailsCache) {
        this.catalog = catalog;
        this.detailsCache = detailsCache;
    }

    @Override
    public Uni<GetHotelResponse> getHotel(GetHotelRequest request) {
        long hotelId = request.getHotelId();
        return ERRORS.serve(() -> {
            HotelValidator.ids("hotelID", hotelId);
            return detailsCache.getOrLoad(hotelId, GetHotelResponse::parseFrom, AbstractMessageLite::toByteArray,
                    () -> catalog.getHotelDetails(hotelId).map(HotelMapper::toProto));
        });
    }

    @Override
    public Uni<ListHotelsResponse> listHotels(ListHotelsRequest request) {
        return ERRORS.serve(() -> catalog.listHotels(HotelMapper.toFilter(request), page(request.getPage()))
                .map(page -> ListHotelsResponse.newBuilder()
                        .addAllHotels(page.items().stream().map(HotelMapper::toProto).toList())
                        .setPage(HotelMapper.toPageInfo(page))
                        .build()));
    }

    @Override
    public Uni<FindHotelsResponse> findHotels(FindHotelsRequest request) {
        return ERRORS.serve(() -> catalog.findHotels(HotelMapper.toFilter(request), request.getLimit())
                .map(found -> FindHotelsResponse.newBuilder()
                        .addAllHotels(found.hotels().stream().map(HotelMapper::toFound).toList())
                        .setMore(found.more()).build()));
    }

    @Override
    public Uni<SuggestPlacesResponse> suggestPlaces(SuggestPlacesRequest request) {
        int limit = request.getLimit() == 0 ? DEFAULT_PLACES : request.getLimit();
        return ERRORS.serve(() -> catalog.suggestPlaces(request.getPrefix(), limit)
                .map(places -> SuggestPlacesResponse.newBuilder()
                        .addAllPlaces(places.stream().map(HotelMapper::toProto).toList()).build()));
    }

    @Override
    public Uni<CreateHotelResponse> createHotel(CreateHotelRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireAdmin();
            return catalog.createHotel(HotelMapper.toDomain(request.getHotel()))
                    .map(hotel -> CreateHotelResponse.newBuilder().setHotel(HotelMapper.toProto(hotel)).build());
        });
    }

    @Override
    public Uni<UpdateHotelResponse> updateHotel(UpdateHotelRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return catalog.updateHotel(request.getHotelId(), HotelMapper.toDomain(request.getHotel()))
                    .map(hotel -> UpdateHotelResponse.newBuilder().setHotel(HotelMapper.toProto(hotel)).build());
        });
    }

    @Override
    public Uni<DeleteHotelResponse> deleteHotel(DeleteHotelRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireAdmin(); // a hotel leaves the chain by an administrator's hand, never its staff's
            return catalog.deleteHotel(request.getHotelId())
                    .map(ignored -> DeleteHotelResponse.getDefaultInstance());
        });
    }

    @Override
    public Uni<SetHotelSaleResponse> setHotelSale(SetHotelSaleRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return catalog.setOffSale(request.getHotelId(), request.getOffSale())
                    .map(hotel -> SetHotelSaleResponse.newBuilder().setHotel(HotelMapper.toProto(hotel)).build());
        });
    }

    @Override
    public Uni<GetRoomTypeResponse> getRoomType(GetRoomTypeRequest request) {
        return ERRORS.serve(() -> catalog.getRoomType(request.getHotelId(), request.getRoomTypeId())
                .map(type -> GetRoomTypeResponse.newBuilder().setRoomType(HotelMapper.toProto(type)).build()));
    }

    @Override
    public Uni<ListRoomTypesResponse> listRoomTypes(ListRoomTypesRequest request) {
        return ERRORS.serve(() -> catalog.listRoomTypes(request.getHotelId(), page(request.getPage()))
                .map(page -> ListRoomTypesResponse.newBuilder()
                        .addAllRoomTypes(page.items().stream().map(HotelMapper::toProto).toList())
                        .setPage(HotelMapper.toPageInfo(page))
                        .build()));
    }

    @Override
    public Uni<CreateRoomTypeResponse> createRoomType(CreateRoomTypeRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return catalog.createRoomType(request.getHotelId(),
                            HotelMapper.toDomain(request.getRoomType()))
                    .map(type -> CreateRoomTypeResponse.newBuilder().setRoomType(HotelMapper.toProto(type)).build());
        });
    }

    @Override
    public Uni<UpdateRoomTypeResponse> updateRoomType(UpdateRoomTypeRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return catalog.updateRoomType(request.getHotelId(), request.getRoomTypeId(),
                    HotelMapper.toDomain(request.getRoomType()))
                    .map(type -> UpdateRoomTypeResponse.newBuilder().setRoomType(HotelMapper.toProto(type)).build());
        });
    }

    @Override
    public Uni<DeleteRoomTypeResponse> deleteRoomType(DeleteRoomTypeRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return catalog.deleteRoomType(request.getHotelId(), request.getRoomTypeId())
                    .map(ignored -> DeleteRoomTypeResponse.getDefaultInstance());
        });
    }

    @Override
    public Uni<GetRoomResponse> getRoom(GetRoomRequest request) {
        return ERRORS.serve(() -> catalog.getRoom(request.getHotelId(), request.getRoomId())
                .map(room -> GetRoomResponse.newBuilder().setRoom(HotelMapper.toProto(room)).build()));
    }

    @Override
    public Uni<ListRoomsResponse> listRooms(ListRoomsRequest request) {
        return ERRORS.serve(() -> catalog.listRooms(request.getHotelId(), request.getRoomTypeId(),
                        page(request.getPage()))
                .map(page -> ListRoomsResponse.newBuilder()
                        .addAllRooms(page.items().stream().map(HotelMapper::toProto).toList())
                        .setPage(HotelMapper.toPageInfo(page))
                        .build()));
    }

    @Override
    public Uni<CreateRoomResponse> createRoom(CreateRoomRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return catalog.createRoom(request.getHotelId(), HotelMapper.toDomain(request.getRoom()))
                    .map(room -> CreateRoomResponse.newBuilder().setRoom(HotelMapper.toProto(room)).build());
        });
    }

    @Override
    public Uni<UpdateRoomResponse> updateRoom(UpdateRoomRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return catalog.updateRoom(request.getHotelId(), request.getRoomId(),
                    HotelMapper.toDomain(request.getRoom()))
                    .map(room -> UpdateRoomResponse.newBuilder().setRoom(HotelMapper.toProto(room)).build());
        });
    }

    @Override
    public Uni<DeleteRoomResponse> deleteRoom(DeleteRoomRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return catalog.deleteRoom(request.getHotelId(), request.getRoomId())
                    .map(ignored -> DeleteRoomResponse.getDefaultInstance());
        });
    }

    private static org.hotelmesh.hotel.domain.PageRequest page(PageRequest page) {
        return HotelValidator.page(page.getPageSize(), page.getPageToken());
    }
}
