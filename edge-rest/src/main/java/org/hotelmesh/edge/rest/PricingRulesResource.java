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
import org.hotelmesh.edge.api.PricingRulesDto;
import org.hotelmesh.edge.api.Problem.FieldViolation;
import org.hotelmesh.edge.client.RateClient;
import org.hotelmesh.edge.error.InvalidRequestException;
import org.hotelmesh.edge.error.Validation;
import org.hotelmesh.edge.security.Authorizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Staff read and replace the occupancy pricing rules of a hotel, or of one room type with {@code ?roomTypeID=}. A room
 * type without its own rules follows the hotel's, a hotel without its own the configured defaults.
 */
@Path("/v1/hotels/{id}/pricing-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Prices")
public class PricingRulesResource {

    private final RateClient rates;
    private final Authorizer authorizer;

    public PricingRulesResource(RateClient rates, Authorizer authorizer) {
        this.rates = rates;
        this.authorizer = authorizer;
    }

    @GET
    @Operation(summary = "The pricing rules in force for the hotel, or for one room type (staff); source says "
            + "whether they are the room type's own, the hotel's or the defaults")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<PricingRulesDto> get(@PathParam("id") String id, @QueryParam("roomTypeID") String roomTypeID) {
        long hotelId = Params.id(id, "hotel");
        long roomTypeId = roomTypeID == null ? 0 : Params.id(roomTypeID, "room type");
        return authorizer.requireStaffOf(hotelId).chain(caller -> rates.pricingRules(hotelId, roomTypeId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the pricing rules of the hotel, or of one room type (staff). A room type sent no "
            + "thresholds, floor or ceiling goes back to following the hotel's rules")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<PricingRulesDto> set(@PathParam("id") String id, @QueryParam("roomTypeID") String roomTypeID,
                                    PricingRulesDto body) {
        long hotelId = Params.id(id, "hotel");
        Long fromQuery = roomTypeID == null ? null : Params.id(roomTypeID, "room type");
        return authorizer.requireStaffOf(hotelId)
                .map(caller -> roomTypeOf(hotelId, fromQuery, body))
                .chain(roomTypeId -> rates.setPricingRules(hotelId, roomTypeId, body));
    }

    /**
     * Which rules the body replaces: the query's room type, else the body's, else the hotel's (0). A body read from
     * GET may be sent back as it is, but ids in it must name the rules being written, never silently other ones.
     */
    private static long roomTypeOf(long hotelId, Long fromQuery, PricingRulesDto body) {
        if (body == null) {
            throw new InvalidRequestException("A JSON request body is required");
        }
        List<FieldViolation> errors = new ArrayList<>();
        if (body.hotelID() != null && !body.hotelID().equals(String.valueOf(hotelId))) {
            errors.add(new FieldViolation("hotelID", "must be " + hotelId + " (the hotel in the path) or left out"));
        }
        Long fromBody = null;
        if (body.roomTypeID() != null) {
            try {
                fromBody = body.roomTypeID().matches("[0-9]{1,19}") ? Long.parseLong(body.roomTypeID()) : -1L;
            } catch (NumberFormatException e) {
                fromBody = -1L;
            }
            if (fromBody <= 0) {
                errors.add(new FieldViolation("roomTypeID", "must be a positive id"));
            } else if (fromQuery != null && !fromQuery.equals(fromBody)) {
                errors.add(new FieldViolation("roomTypeID", "must be " + fromQuery
                        + " (the roomTypeID of the query) or left out"));
            }
        }
        List<PricingRulesDto.Threshold> thresholds = body.thresholds() == null ? List.of() : body.thresholds();
        for (int i = 0; i < thresholds.size(); i++) {
            if (thresholds.get(i) == null) {
                errors.add(new FieldViolation("thresholds[" + i + "]", "must be an object"));
            } else if (thresholds.get(i).minOccupancy() == null) {
                errors.add(new FieldViolation("thresholds[" + i + "].minOccupancy",
                        "is required (0.7 = from 70% of the rooms reserved)"));
            }
        }
        if (!errors.isEmpty()) {
            throw Validation.invalid(errors);
        }
        return fromQuery != null ? fromQuery : fromBody != null ? fromBody : 0;
    }
}
