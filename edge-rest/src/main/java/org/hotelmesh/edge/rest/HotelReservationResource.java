package org.hotelmesh.edge.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotelmesh.edge.api.PageDto;
import org.hotelmesh.edge.api.ReservationDto;
import org.hotelmesh.edge.client.ReservationClient;
import org.hotelmesh.edge.security.Authorizer;

@Path("/v1/hotels/{id}/reservations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reservations")
public class HotelReservationResource {

    private final ReservationClient reservations;
    private final Authorizer authorizer;

    public HotelReservationResource(ReservationClient reservations, Authorizer authorizer) {
        this.reservations = reservations;
        this.authorizer = authorizer;
    }

    @GET
    @Operation(summary = "List a hotel's reservations (its staff or an administrator; when = upcoming, past or all)")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<PageDto<ReservationDto>> list(@PathParam("id") String id,
                                             @QueryParam("when") String when,
                                             @QueryParam("pageSize") String pageSize,
                                             @QueryParam("pageToken") String pageToken) {
        long hotelId = Params.id(id, "hotel");
        var filter = Params.when(when);
        var page = Params.page(pageSize, pageToken);
        return authorizer.requireStaffOf(hotelId)
                .chain(caller -> reservations.listHotelReservations(hotelId, filter, page));
    }
}
