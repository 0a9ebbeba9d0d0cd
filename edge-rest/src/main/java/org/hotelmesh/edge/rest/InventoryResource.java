package org.hotelmesh.edge.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.InventoryDto;
import org.hotelmesh.edge.api.MaintenanceInput;
import org.hotelmesh.edge.api.OverbookingDto;
import org.hotelmesh.edge.api.Problem.FieldViolation;
import org.hotelmesh.edge.client.ReservationClient;
import org.hotelmesh.edge.error.InvalidRequestException;
import org.hotelmesh.edge.error.Validation;
import org.hotelmesh.edge.security.Authorizer;
import org.jboss.resteasy.reactive.RestResponse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Staff tools for one room type's inventory: the rows, the overbooking ratio and rooms under maintenance. */
@Path("/v1/hotels/{id}/room-types/{rtId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory")
public class InventoryResource {

    static final BigDecimal MIN_RATIO = new BigDecimal("1.00");
    static final BigDecimal MAX_RATIO = new BigDecimal("2.00");
    static final String RATIO_RULE = "must be a number from 1.00 to 2.00 with at most 2 decimals";

    private final ReservationClient reservations;
    private final Authorizer authorizer;
    private final Validation validation;

    public InventoryResource(ReservationClient reservations, Authorizer authorizer, Validation validation) {
        this.reservations = reservations;
        this.authorizer = authorizer;
        this.validation = validation;
    }

    @GET
    @Path("/inventory")
    @Operation(summary = "The inventory rows of a room type over [startDate, endDate) (1 to 366 days; staff)")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<InventoryDto> inventory(@PathParam("id") String id, @PathParam("rtId") String rtId,
                                       @QueryParam("startDate") String startDate,
                                       @QueryParam("endDate") String endDate) {
        long hotelId = Params.id(id, "hotel");
        long roomTypeId = Params.id(rtId, "room type");
        return authorizer.requireStaffOf(hotelId)
                .map(caller -> Params.range(startDate, endDate))
                .chain(span -> reservations.getInventory(hotelId, roomTypeId, span));
    }

    @GET
    @Path("/overbooking")
    @Operation(summary = "The overbooking ratio of a room type (staff)")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<OverbookingDto> overbooking(@PathParam("id") String id, @PathParam("rtId") String rtId) {
        long hotelId = Params.id(id, "hotel");
        long roomTypeId = Params.id(rtId, "room type");
        return authorizer.requireStaffOf(hotelId)
                .chain(caller -> reservations.getOverbookingRatio(hotelId, roomTypeId))
                .map(OverbookingDto::new);
    }

    @PUT
    @Path("/overbooking")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the overbooking ratio of a room type, 1.00 to 2.00 (staff); applies to future nights "
            + "only and never cancels a reservation")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<OverbookingDto> setOverbooking(@PathParam("id") String id, @PathParam("rtId") String rtId,
                                              OverbookingDto body) {
        long hotelId = Params.id(id, "hotel");
        long roomTypeId = Params.id(rtId, "room type");
        return authorizer.requireStaffOf(hotelId)
                .map(caller -> ratio(body))
                .chain(ratio -> reservations.setOverbookingRatio(hotelId, roomTypeId, ratio))
                .map(OverbookingDto::new);
    }

    @PUT
    @Path("/maintenance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take rooms of a room type out of sale over [startDate, endDate); rooms 0 puts them back "
            + "(staff)")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<RestResponse<Void>> setMaintenance(@PathParam("id") String id, @PathParam("rtId") String rtId,
                                                  MaintenanceInput body) {
        long hotelId = Params.id(id, "hotel");
        long roomTypeId = Params.id(rtId, "room type");
        return authorizer.requireStaffOf(hotelId)
                .map(caller -> maintenanceSpan(body))
                .chain(span -> reservations.setMaintenance(hotelId, roomTypeId, span, body.rooms()))
                .map(done -> RestResponse.noContent());
    }

    private static BigDecimal ratio(OverbookingDto body) {
        if (body == null) {
            throw new InvalidRequestException("A JSON request body is required");
        }
        BigDecimal ratio = body.ratio();
        String reason = ratio == null ? "is required"
                // 1.250 is still two decimals; 1.255 is not, and rounding it silently would store another ratio.
                : ratio.stripTrailingZeros().scale() > 2 || ratio.compareTo(MIN_RATIO) < 0
                        || ratio.compareTo(MAX_RATIO) > 0 ? RATIO_RULE : null;
        if (reason != null) {
            throw Validation.invalid(List.of(new FieldViolation("ratio", reason)));
        }
        return ratio.setScale(2);
    }

    private DateSpan maintenanceSpan(MaintenanceInput body) {
        if (body == null) {
            throw new InvalidRequestException("A JSON request body is required");
        }
        List<FieldViolation> errors = new ArrayList<>(validation.violations(body));
        DateSpan span = Params.span(body.startDate(), body.endDate(), Params.MAX_RANGE_DAYS, "days", errors);
        if (!errors.isEmpty()) {
            throw Validation.invalid(errors);
        }
        return span;
    }
}
