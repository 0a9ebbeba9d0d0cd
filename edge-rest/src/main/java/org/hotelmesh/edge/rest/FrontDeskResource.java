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
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.FreeRoomsDto;
import org.hotelmesh.edge.api.FrontDeskDto;
import org.hotelmesh.edge.api.Problem.FieldViolation;
import org.hotelmesh.edge.client.ReservationClient;
import org.hotelmesh.edge.error.Validation;
import org.hotelmesh.edge.security.Authorizer;

import java.util.ArrayList;
import java.util.List;

/** A hotel's front desk: the day's arrivals, guests in house and departures, and the rooms free to give. */
@Path("/v1/hotels/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Front desk", description = "Check-in, room moves and check-out (staff of the hotel)")
public class FrontDeskResource {

    private final ReservationClient reservations;
    private final Authorizer authorizer;

    public FrontDeskResource(ReservationClient reservations, Authorizer authorizer) {
        this.reservations = reservations;
        this.authorizer = authorizer;
    }

    @GET
    @Path("/front-desk")
    @Operation(summary = "A day at the hotel's front desk, in its calendar (date: YYYY-MM-DD, today when left out): "
            + "arrivals (paid stays due that day, and late ones not marked no-show yet), checkedInToday, inHouse "
            + "(checked in, staying that night, with their rooms; a room taken out of service since is flagged "
            + "outOfService) and departures (checked in, due out that day or before). Staff of the hotel or an "
            + "administrator")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<FrontDeskDto> frontDesk(@PathParam("id") String id, @QueryParam("date") String date) {
        long hotelId = Params.id(id, "hotel");
        return authorizer.requireStaffOf(hotelId)
                .map(caller -> Params.optionalDate(date, "date"))
                .chain(day -> reservations.frontDesk(hotelId, day));
    }

    @GET
    @Path("/free-rooms")
    @Operation(summary = "Rooms of a type that are in service and given to no stay on any night of [startDate, "
            + "endDate) (1 to 366 days): the rooms a guest may be checked in to or moved to. Staff of the hotel or an "
            + "administrator")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<FreeRoomsDto> freeRooms(@PathParam("id") String id,
                                       @QueryParam("roomTypeID") String roomTypeId,
                                       @QueryParam("startDate") String startDate,
                                       @QueryParam("endDate") String endDate) {
        long hotelId = Params.id(id, "hotel");
        return authorizer.requireStaffOf(hotelId)
                .chain(caller -> {
                    List<FieldViolation> errors = new ArrayList<>();
                    long roomType = Params.queryId(roomTypeId, "roomTypeID", true, errors);
                    DateSpan nights = Params.span(startDate, endDate, Params.MAX_RANGE_DAYS, "days", errors);
                    if (!errors.isEmpty()) {
                        throw Validation.invalid(errors);
                    }
                    return reservations.freeRooms(hotelId, roomType, nights);
                });
    }
}
