package org.hotelmesh.edge.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotelmesh.edge.api.AvailabilityDto;
import org.hotelmesh.edge.client.ReservationClient;

@Path("/v1/hotels/{id}/availability")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory", description = "Availability (public) and inventory management (staff)")
public class AvailabilityResource {

    private final ReservationClient reservations;

    public AvailabilityResource(ReservationClient reservations) {
        this.reservations = reservations;
    }

    @GET
    @Operation(summary = "Rooms left per night over [startDate, endDate) (1 to 366 days), "
            + "for every room type or one (roomTypeID)")
    public Uni<AvailabilityDto> get(@PathParam("id") String id,
                                    @QueryParam("startDate") String startDate,
                                    @QueryParam("endDate") String endDate,
                                    @QueryParam("roomTypeID") String roomTypeId) {
        long hotelId = Params.id(id, "hotel");
        long typeFilter = roomTypeId == null || roomTypeId.isEmpty() ? 0 : Params.id(roomTypeId, "room type");
        var span = Params.range(startDate, endDate);
        return reservations.getAvailability(hotelId, typeFilter, span);
    }
}
