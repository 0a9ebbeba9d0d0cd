package org.hotelmesh.edge.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotelmesh.edge.api.CancellationPolicyInput;
import org.hotelmesh.edge.api.HotelCancellationPolicyDto;
import org.hotelmesh.edge.client.ReservationClient;
import org.hotelmesh.edge.error.InvalidRequestException;
import org.hotelmesh.edge.error.Validation;
import org.hotelmesh.edge.security.Authorizer;

/**
 * A hotel's cancellation policy: public to read (guests see the terms before booking), set by its staff. Each booking
 * keeps the policy in force when it was made.
 */
@Path("/v1/hotels/{id}/cancellation-policy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reservations")
public class CancellationPolicyResource {

    private final ReservationClient reservations;
    private final Authorizer authorizer;
    private final Validation validation;

    public CancellationPolicyResource(ReservationClient reservations, Authorizer authorizer, Validation validation) {
        this.reservations = reservations;
        this.authorizer = authorizer;
        this.validation = validation;
    }

    @GET
    @Operation(summary = "The hotel's cancellation policy for new bookings (its own, or the default)")
    public Uni<HotelCancellationPolicyDto> get(@PathParam("id") String id) {
        return reservations.getCancellationPolicy(Params.id(id, "hotel"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the hotel's cancellation policy for bookings made from now on (staff): free until "
            + "freeUntilDays before arrival, then fee first_night or percentage (with feePercent)")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<HotelCancellationPolicyDto> set(@PathParam("id") String id, CancellationPolicyInput body) {
        long hotelId = Params.id(id, "hotel");
        return authorizer.requireStaffOf(hotelId)
                .invoke(caller -> {
                    if (body == null) {
                        throw new InvalidRequestException("A JSON request body is required");
                    }
                    validation.check(body);
                })
                .chain(caller -> reservations.setCancellationPolicy(hotelId, body));
    }
}
