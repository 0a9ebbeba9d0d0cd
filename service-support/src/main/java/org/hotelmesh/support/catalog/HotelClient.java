package org.hotelmesh.support.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.proto.common.v1.PageRequest;
import org.hotelmesh.proto.hotel.v1.GetHotelRequest;
import org.hotelmesh.proto.hotel.v1.ListRoomsRequest;
import org.hotelmesh.proto.hotel.v1.ListRoomsResponse;
import org.hotelmesh.proto.hotel.v1.MutinyHotelServiceGrpc.MutinyHotelServiceStub;
import org.hotelmesh.proto.hotel.v1.RoomType;
import org.hotelmesh.support.client.DownstreamGuard;
import org.hotelmesh.support.client.DownstreamGuards;
import org.hotelmesh.support.client.Retry;
import org.hotelmesh.support.grpc.GrpcStatuses;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * hotel-svc's GetHotel, as the services that sell its hotels call it (rate-svc, reservation-svc), behind the one
 * hotel-svc guard: a read, so retried when hotel-svc was unreachable or slow; NOT_FOUND is an empty answer and any
 * other answer a bug. {@link CatalogLookup} keeps what it finds.
 */
@ApplicationScoped
public class HotelClient {

    public static final String SERVICE = "hotel-svc";

    /** How a caller says the catalog did not answer: the words of the one hotel-svc guard, whoever calls it. */
    public static final DownstreamGuard.Words WORDS = new DownstreamGuard.Words() {
        @Override
        public String unanswered(String call, Status.Code code) {
            return "the hotel catalog is unavailable (" + code + "); retry shortly";
        }

        @Override
        public String circuitOpen() {
            return "the hotel catalog is unavailable (hotel-svc is failing; calls are paused for a few seconds);"
                    + " retry shortly";
        }
    };

    /** A room as the front desk needs it. */
    public record RoomInfo(long id, String number, int floor, long roomTypeId, boolean inService) {
    }

    private static final int ROOMS_PAGE = 100;

    private final MutinyHotelServiceStub hotels;
    private final DownstreamGuard guard;

    public HotelClient(@GrpcClient("hotel") MutinyHotelServiceStub hotels, DownstreamGuards guards) {
        this.hotels = hotels;
        this.guard = guards.of(SERVICE, WORDS);
    }

    /** The hotel, or empty when hotel-svc does not know it. */
    public Uni<Optional<HotelInfo>> findHotel(long hotelId) {
        return guard.call("GetHotel", Retry.WHEN_UNREACHABLE_OR_SLOW, () -> hotels
                        .withDeadlineAfter(guard.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .getHotel(GetHotelRequest.newBuilder().setHotelId(hotelId).build()))
                .map(found -> Optional.of(HotelInfo.of(found.getHotel().getId(),
                        found.getHotel().getDetails().getTimeZone(),
                        found.getRoomTypesList().stream().map(RoomType::getId), found.getHotel().getOffSale())))
                .onFailure(failure -> GrpcStatuses.status(failure).getCode() == Status.Code.NOT_FOUND)
                .recoverWithItem(Optional.empty())
                .onFailure(StatusRuntimeException.class).transform(failure -> new IllegalStateException(
                        "hotel-svc GetHotel(" + hotelId + ") failed", failure));
    }

    /**
     * The rooms of a hotel ({@code roomTypeId} 0: of every type), in hotel-svc's order, all pages; empty when hotel-svc
     * does not know the hotel.
     */
    public Uni<List<RoomInfo>> rooms(long hotelId, long roomTypeId) {
        return roomsFrom(hotelId, roomTypeId, "", new ArrayList<>());
    }

    private Uni<List<RoomInfo>> roomsFrom(long hotelId, long roomTypeId, String pageToken, List<RoomInfo> found) {
        return guard.call("ListRooms", Retry.WHEN_UNREACHABLE_OR_SLOW, () -> hotels
                        .withDeadlineAfter(guard.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .listRooms(ListRoomsRequest.newBuilder().setHotelId(hotelId).setRoomTypeId(roomTypeId)
                                .setPage(PageRequest.newBuilder().setPageSize(ROOMS_PAGE).setPageToken(pageToken))
                                .build()))
                .onFailure(failure -> GrpcStatuses.status(failure).getCode() == Status.Code.NOT_FOUND)
                .recoverWithItem(ListRoomsResponse.getDefaultInstance())
                .onFailure(StatusRuntimeException.class).transform(failure -> new IllegalStateException(
                        "hotel-svc ListRooms(" + hotelId + ") failed", failure))
                .flatMap(page -> {
                    page.getRoomsList().forEach(room -> found.add(new RoomInfo(room.getId(),
                            room.getDetails().getNumber(), room.getDetails().getFloor(),
                            room.getDetails().getRoomTypeId(), room.getDetails().getInService())));
                    String next = page.getPage().getNextPageToken();
                    return next.isEmpty() ? Uni.createFrom().item(List.copyOf(found))
                            : roomsFrom(hotelId, roomTypeId, next, found);
                });
    }
}
