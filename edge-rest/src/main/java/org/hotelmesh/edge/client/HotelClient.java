package org.hotelmesh.edge.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.hotelmesh.edge.api.HotelDto;
import org.hotelmesh.edge.api.HotelInput;
import org.hotelmesh.edge.api.PageDto;
import org.hotelmesh.edge.api.PageQuery;
import org.hotelmesh.edge.api.RoomDto;
import org.hotelmesh.edge.api.RoomInput;
import org.hotelmesh.edge.api.RoomTypeDto;
import org.hotelmesh.edge.api.RoomTypeInput;
import org.hotelmesh.edge.config.HotelClientConfig;
import org.hotelmesh.edge.mapping.HotelMapper;
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
import org.hotelmesh.proto.hotel.v1.ListRoomTypesRequest;
import org.hotelmesh.proto.hotel.v1.ListRoomsRequest;
import org.hotelmesh.proto.hotel.v1.MutinyHotelServiceGrpc;
import org.hotelmesh.proto.hotel.v1.UpdateHotelRequest;
import org.hotelmesh.proto.hotel.v1.UpdateRoomRequest;
import org.hotelmesh.proto.hotel.v1.UpdateRoomTypeRequest;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The edge's only door to hotel-svc. Owns the deadline, retries (reads only: writes are not idempotent) and a
 * circuit breaker per call, so a dead catalog fails fast instead of holding requests for deadline x retries.
 */
@ApplicationScoped
public class HotelClient {

    private final MutinyHotelServiceGrpc.MutinyHotelServiceStub stub;
    private final HotelClientConfig config;

    public HotelClient(@GrpcClient("hotel") MutinyHotelServiceGrpc.MutinyHotelServiceStub stub,
                       HotelClientConfig config) {
        this.stub = stub;
        this.config = config;
    }

    // ---- hotels

    @Retry(retryOn = DownstreamUnavailableException.class, maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<Optional<HotelDto>> getHotel(long hotelId) {
        return orEmpty(call().getHotel(GetHotelRequest.newBuilder().setHotelId(hotelId).build())
                .map(r -> HotelMapper.toDto(r.getHotel())
                        .withRoomTypes(r.getRoomTypesList().stream().map(HotelMapper::toDto).toList())));
    }

    @Retry(retryOn = DownstreamUnavailableException.class, maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<PageDto<HotelDto>> listHotels(PageQuery page, String city, String country) {
        var request = ListHotelsRequest.newBuilder().setPage(page(page))
                .setCity(city == null ? "" : city)
                .setCountry(country == null ? "" : country)
                .build();
        return translate(call().listHotels(request)
                .map(r -> HotelMapper.toPage(r.getHotelsList(), r.getPage(), HotelMapper::toDto)));
    }

    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<HotelDto> createHotel(HotelInput input) {
        return translate(call().createHotel(CreateHotelRequest.newBuilder().setHotel(HotelMapper.toProto(input)).build())
                .map(r -> HotelMapper.toDto(r.getHotel())));
    }

    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<HotelDto> updateHotel(long hotelId, HotelInput input) {
        return translate(call().updateHotel(UpdateHotelRequest.newBuilder().setHotelId(hotelId)
                        .setHotel(HotelMapper.toProto(input)).build())
                .map(r -> HotelMapper.toDto(r.getHotel())));
    }

    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<Void> deleteHotel(long hotelId) {
        return translate(call().deleteHotel(DeleteHotelRequest.newBuilder().setHotelId(hotelId).build())
                .replaceWithVoid());
    }

    // ---- room types

    @Retry(retryOn = DownstreamUnavailableException.class, maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<Optional<RoomTypeDto>> getRoomType(long hotelId, long roomTypeId) {
        return orEmpty(call().getRoomType(GetRoomTypeRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).build())
                .map(r -> HotelMapper.toDto(r.getRoomType())));
    }

    @Retry(retryOn = DownstreamUnavailableException.class, maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<PageDto<RoomTypeDto>> listRoomTypes(long hotelId, PageQuery page) {
        return translate(call().listRoomTypes(ListRoomTypesRequest.newBuilder().setHotelId(hotelId)
                        .setPage(page(page)).build())
                .map(r -> HotelMapper.toPage(r.getRoomTypesList(), r.getPage(), HotelMapper::toDto)));
    }

    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<RoomTypeDto> createRoomType(long hotelId, RoomTypeInput input) {
        return translate(call().createRoomType(CreateRoomTypeRequest.newBuilder().setHotelId(hotelId)
                        .setRoomType(HotelMapper.toProto(input)).build())
                .map(r -> HotelMapper.toDto(r.getRoomType())));
    }

    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<RoomTypeDto> updateRoomType(long hotelId, long roomTypeId, RoomTypeInput input) {
        return translate(call().updateRoomType(UpdateRoomTypeRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).setRoomType(HotelMapper.toProto(input)).build())
                .map(r -> HotelMapper.toDto(r.getRoomType())));
    }

    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<Void> deleteRoomType(long hotelId, long roomTypeId) {
        return translate(call().deleteRoomType(DeleteRoomTypeRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).build())
                .replaceWithVoid());
    }

    // ---- rooms

    @Retry(retryOn = DownstreamUnavailableException.class, maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<Optional<RoomDto>> getRoom(long hotelId, long roomId) {
        return orEmpty(call().getRoom(GetRoomRequest.newBuilder().setHotelId(hotelId).setRoomId(roomId).build())
                .map(r -> HotelMapper.toDto(r.getRoom())));
    }

    @Retry(retryOn = DownstreamUnavailableException.class, maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<PageDto<RoomDto>> listRooms(long hotelId, PageQuery page, long roomTypeId) {
        return translate(call().listRooms(ListRoomsRequest.newBuilder().setHotelId(hotelId).setPage(page(page))
                        .setRoomTypeId(roomTypeId).build())
                .map(r -> HotelMapper.toPage(r.getRoomsList(), r.getPage(), HotelMapper::toDto)));
    }

    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<RoomDto> createRoom(long hotelId, RoomInput input) {
        return translate(call().createRoom(CreateRoomRequest.newBuilder().setHotelId(hotelId)
                        .setRoom(HotelMapper.toProto(input)).build())
                .map(r -> HotelMapper.toDto(r.getRoom())));
    }

    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<RoomDto> updateRoom(long hotelId, long roomId, RoomInput input) {
        return translate(call().updateRoom(UpdateRoomRequest.newBuilder().setHotelId(hotelId).setRoomId(roomId)
                        .setRoom(HotelMapper.toProto(input)).build())
                .map(r -> HotelMapper.toDto(r.getRoom())));
    }

    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<Void> deleteRoom(long hotelId, long roomId) {
        return translate(call().deleteRoom(DeleteRoomRequest.newBuilder().setHotelId(hotelId).setRoomId(roomId).build())
                .replaceWithVoid());
    }

    // ---- plumbing

    /** A stub whose calls carry the configured deadline (gRPC deadlines are per call, not per stub lifetime). */
    private MutinyHotelServiceGrpc.MutinyHotelServiceStub call() {
        return stub.withDeadlineAfter(config.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static PageRequest page(PageQuery page) {
        return PageRequest.newBuilder().setPageSize(page.pageSize()).setPageToken(page.pageToken()).build();
    }

    private static <T> Uni<T> translate(Uni<T> call) {
        return Downstream.CATALOG.translate(call);
    }

    private static <T> Uni<Optional<T>> orEmpty(Uni<T> call) {
        return translate(call.map(Optional::of))
                .onFailure(e -> e instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.NOT_FOUND)
                .recoverWithItem(Optional.empty());
    }
}
