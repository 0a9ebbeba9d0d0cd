package org.hotelmesh.reservation.client;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.hotelmesh.proto.hotel.v1.GetHotelRequest;
import org.hotelmesh.proto.hotel.v1.MutinyHotelServiceGrpc.MutinyHotelServiceStub;
import org.hotelmesh.proto.hotel.v1.RoomType;
import org.hotelmesh.support.catalog.CatalogLookup;
import org.hotelmesh.support.catalog.HotelDirectory;
import org.hotelmesh.support.catalog.HotelInfo;
import org.hotelmesh.support.client.DownstreamGuard;
import org.hotelmesh.support.client.DownstreamGuards;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/** hotel-svc's GetHotel over reservation-svc's own stub; the rest is shared ({@link HotelDirectory}, {@link CatalogLookup}). */
@ApplicationScoped
public class HotelClient implements HotelDirectory {

    private final MutinyHotelServiceStub hotels;
    private final DownstreamGuard guard;

    public HotelClient(@GrpcClient("hotel") MutinyHotelServiceStub hotels, DownstreamGuards guards) {
        this.hotels = hotels;
        this.guard = HotelDirectory.guard(guards);
    }

    @Override
    public Uni<Optional<HotelInfo>> findHotel(long hotelId) {
        return HotelDirectory.find(guard, hotelId, deadline -> hotels
                .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .getHotel(GetHotelRequest.newBuilder().setHotelId(hotelId).build())
                .map(found -> HotelInfo.of(found.getHotel().getId(), found.getHotel().getDetails().getTimeZone(),
                        found.getRoomTypesList().stream().map(RoomType::getId))));
    }

    /** The lookup goes through the client proxy, so that tests can replace the client. */
    @Produces
    @Singleton
    static CatalogLookup catalogLookup(HotelClient client, Config config) {
        return new CatalogLookup(client, config);
    }
}
