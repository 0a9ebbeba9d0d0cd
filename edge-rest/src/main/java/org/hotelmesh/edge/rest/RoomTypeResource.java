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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotelmesh.edge.api.PageDto;
import org.hotelmesh.edge.api.RoomTypeDto;
import org.hotelmesh.edge.api.RoomTypeInput;
import org.hotelmesh.edge.client.HotelClient;
import org.hotelmesh.edge.error.ResourceNotFoundException;
import org.hotelmesh.edge.error.Validation;
import org.hotelmesh.edge.security.Authorizer;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/hotels/{id}/room-types")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Room types", description = "What a guest books: a kind of room of a hotel")
public class RoomTypeResource {

    private final HotelClient hotels;
    private final Authorizer authorizer;
    private final Validation validation;

    public RoomTypeResource(HotelClient hotels, Authorizer authorizer, Validation validation) {
        this.hotels = hotels;
        this.authorizer = authorizer;
        this.validation = validation;
    }

    @GET
    @Operation(summary = "List the room types of a hotel")
    public Uni<PageDto<RoomTypeDto>> list(@PathParam("id") String id,
                                          @QueryParam("pageSize") String pageSize,
                                          @QueryParam("pageToken") String pageToken) {
        long hotelId = Params.id(id, "hotel");
        return hotels.listRoomTypes(hotelId, Params.page(pageSize, pageToken));
    }

    @GET
    @Path("/{rtId}")
    @Operation(summary = "Get a room type")
    public Uni<RoomTypeDto> get(@PathParam("id") String id, @PathParam("rtId") String rtId) {
        long hotelId = Params.id(id, "hotel");
        long roomTypeId = Params.id(rtId, "room type");
        return hotels.getRoomType(hotelId, roomTypeId)
                .map(found -> found.orElseThrow(() -> new ResourceNotFoundException(
                        "Room type " + roomTypeId + " of hotel " + hotelId + " does not exist")));
    }

    @POST
    @Operation(summary = "Create a room type (staff of the hotel or an administrator)")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<RestResponse<RoomTypeDto>> create(@PathParam("id") String id, RoomTypeInput body, UriInfo uri) {
        long hotelId = Params.id(id, "hotel");
        return authorizer.requireStaffOf(hotelId)
                .map(caller -> validation.check(body))
                .chain(input -> hotels.createRoomType(hotelId, input))
                .map(created -> RestResponse.ResponseBuilder.<RoomTypeDto>created(
                        uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build());
    }

    @PUT
    @Path("/{rtId}")
    @Operation(summary = "Replace every writable field of a room type (staff of the hotel or an administrator)")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<RoomTypeDto> update(@PathParam("id") String id, @PathParam("rtId") String rtId, RoomTypeInput body) {
        long hotelId = Params.id(id, "hotel");
        long roomTypeId = Params.id(rtId, "room type");
        return authorizer.requireStaffOf(hotelId)
                .map(caller -> validation.check(body))
                .chain(input -> hotels.updateRoomType(hotelId, roomTypeId, input));
    }

    @DELETE
    @Path("/{rtId}")
    @Operation(summary = "Delete a room type that has no rooms (staff of the hotel or an administrator)")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id, @PathParam("rtId") String rtId) {
        long hotelId = Params.id(id, "hotel");
        long roomTypeId = Params.id(rtId, "room type");
        return authorizer.requireStaffOf(hotelId)
                .chain(caller -> hotels.deleteRoomType(hotelId, roomTypeId))
                .map(done -> RestResponse.noContent());
    }
}
