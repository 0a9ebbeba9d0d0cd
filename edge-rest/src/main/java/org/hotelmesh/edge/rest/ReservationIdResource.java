package org.hotelmesh.edge.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotelmesh.edge.api.ReservationIdDto;
import org.hotelmesh.edge.security.Authorizer;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/v1/reservation-ids")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reservations")
public class ReservationIdResource {

    private final Authorizer authorizer;

    public ReservationIdResource(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    /** Nothing is stored: a random UUID is unique enough, and reservation-svc enforces uniqueness on booking. */
    @POST
    @Operation(summary = "Get a fresh reservationID (idempotency key) for the review step of a booking")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<RestResponse<ReservationIdDto>> create() {
        return authorizer.requireAuthenticated()
                .map(caller -> RestResponse.status(RestResponse.Status.CREATED,
                        new ReservationIdDto(UUID.randomUUID().toString())));
    }
}
