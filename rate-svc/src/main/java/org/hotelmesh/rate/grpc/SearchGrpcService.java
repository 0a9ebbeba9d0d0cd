package org.hotelmesh.rate.grpc;

import org.hotelmesh.proto.rate.v1.GetHotelOffersRequest;
import org.hotelmesh.proto.rate.v1.GetHotelOffersResponse;
import org.hotelmesh.proto.rate.v1.SearchService;
import org.hotelmesh.proto.rate.v1.SearchStaysRequest;
import org.hotelmesh.proto.rate.v1.SearchStaysResponse;
import org.hotelmesh.rate.mapping.SearchMapper;
import org.hotelmesh.rate.search.StaySearch;
import org.hotelmesh.support.grpc.ProtoTypes;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** The gRPC face of the stay search; public, like the prices it shows. */
@GrpcService
public class SearchGrpcService implements SearchService {

    private final StaySearch search;

    public SearchGrpcService(StaySearch search) {
        this.search = search;
    }

    @Override
    public Uni<SearchStaysResponse> searchStays(SearchStaysRequest request) {
        return RateGrpcService.ERRORS.serve(() -> search.search(SearchMapper.toDomain(request))
                .map(SearchMapper::toProto));
    }

    @Override
    public Uni<GetHotelOffersResponse> getHotelOffers(GetHotelOffersRequest request) {
        return RateGrpcService.ERRORS.serve(() -> search.hotelOffers(request.getHotelId(),
                        ProtoTypes.startDate(request.getStay()), ProtoTypes.endDate(request.getStay()),
                        request.getRooms(), request.getGuests())
                .map(SearchMapper::toProto));
    }
}
