package org.hotelmesh.edge.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotelmesh.edge.api.HotelDto;
import org.hotelmesh.edge.api.HotelInput;
import org.hotelmesh.edge.api.SaleInput;
import org.hotelmesh.edge.api.PageDto;
import org.hotelmesh.edge.client.HotelClient;
import org.hotelmesh.edge.error.ResourceNotFoundException;
import org.hotelmesh.edge.error.Validation;
import org.hotelmesh.edge.security.Authorizer;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/hotels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Hotels", description = "The hotel catalog")
@SecurityScheme(securitySchemeName = HotelResource.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "RS256 JWT with sub, groups (guest|staff|admin) and hotels (staff)")
public class HotelResource {

    static final String BEARER = "bearer";

    private final HotelClient hotels;
    private final Authorizer authorizer;
    private final Validation validation;

    public HotelResource(HotelClient hotels, Authorizer authorizer, Validation validation) {
        this.hotels = hotels;
        this.authorizer = authorizer;
        this.validation = validation;
    }

    @GET
    @Operation(summary = "List hotels, optionally filtered by city and country")
    public Uni<PageDto<HotelDto>> list(@QueryParam("pageSize") String pageSize,
                                       @QueryParam("pageToken") String pageToken,
                                       @QueryParam("city") String city,
                                       @QueryParam("country") String country) {
        var page = Params.page(pageSize, pageToken);
        return hotels.listHotels(page, city, Params.country(country));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a hotel with its room types")
    public Uni<HotelDto> get(@PathParam("id") String id) {
        long hotelId = Params.id(id, "hotel");
        return hotels.getHotel(hotelId)
                .map(found -> found.orElseThrow(() -> new ResourceNotFoundException("Hotel " + hotelId + " does not exist")));
    }

    @POST
    @Operation(summary = "Create a hotel (chain administrators only)")
    @SecurityRequirement(name = BEARER)
    public Uni<RestResponse<HotelDto>> create(HotelInput body, UriInfo uri) {
        return authorizer.requireAdmin()
                .map(caller -> validation.check(body))
                .chain(hotels::createHotel)
                .map(created -> RestResponse.ResponseBuilder.<HotelDto>created(
                        uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build());
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace every writable field of a hotel (its staff or an administrator)")
    @SecurityRequirement(name = BEARER)
    public Uni<HotelDto> update(@PathParam("id") String id, HotelInput body) {
        long hotelId = Params.id(id, "hotel");
        return authorizer.requireStaffOf(hotelId)
                .map(caller -> validation.check(body))
                .chain(input -> hotels.updateHotel(hotelId, input));
    }

    @PUT
    @Path("/{id}/sale")
    @Operation(summary = "Take the hotel off sale ({\"offSale\": true}: no new bookings or quotes, stays already booked "
            + "are kept) or put it back on sale (its staff or an administrator; what staff do instead of deleting)")
    @SecurityRequirement(name = BEARER)
    public Uni<HotelDto> setSale(@PathParam("id") String id, SaleInput body) {
        long hotelId = Params.id(id, "hotel");
        return authorizer.requireStaffOf(hotelId)
                .map(caller -> validation.check(body))
                .chain(input -> hotels.setOffSale(hotelId, input.offSale()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a hotel with its room types and rooms (chain administrators only; refused while it "
            + "has current or future reservations)")
    @SecurityRequirement(name = BEARER)
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id) {
        long hotelId = Params.id(id, "hotel");
        return authorizer.requireAdmin()
                .chain(caller -> hotels.deleteHotel(hotelId))
                .map(done -> RestResponse.noContent());
    }
}
