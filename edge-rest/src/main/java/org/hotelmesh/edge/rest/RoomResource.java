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
import org.hotelmesh.edge.api.RoomDto;
import org.hotelmesh.edge.api.RoomInput;
import org.hotelmesh.edge.client.HotelClient;
import org.hotelmesh.edge.error.ResourceNotFoundException;
import org.hotelmesh.edge.error.Validation;
import org.hotelmesh.edge.security.Authorizer;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/hotels/{id}/rooms")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rooms", description = "Physical rooms of a hotel, assigned at check-in")
public class RoomResource {

    private final HotelClient hotels;
    private final Authorizer authorizer;
    private final Validation validation;

    public RoomResource(HotelClient hotels, Authorizer authorizer, Validation validation) {
        this.hotels = hotels;
        this.authorizer = authorizer;
        this.validation = validation;
    }

    @GET
    @Operation(summary = "List the rooms of a hotel, optionally of one room type (roomTypeID)")
    public Uni<PageDto<RoomDto>> list(@PathParam("id") String id,
                                      @QueryParam("pageSize") String pageSize,
                                      @QueryParam("pageToken") String pageToken,
                                      @QueryParam("roomTypeID") String roomTypeId) {
        long hotelId = Params.id(id, "hotel");
        long typeFilter = roomTypeId == null || roomTypeId.isEmpty() ? 0 : Params.id(roomTypeId, "room type");
        return hotels.listRooms(hotelId, Params.page(pageSize, pageToken), typeFilter);
    }

    @GET
    @Path("/{roomId}")
    @Operation(summary = "Get a room")
    public Uni<RoomDto> get(@PathParam("id") String id, @PathParam("roomId") String roomIdText) {
        long hotelId = Params.id(id, "hotel");
        long roomId = Params.id(roomIdText, "room");
        return hotels.getRoom(hotelId, roomId)
                .map(found -> found.orElseThrow(() -> new ResourceNotFoundException(
                        "Room " + roomId + " of hotel " + hotelId + " does not exist")));
    }

    @POST
    @Operation(summary = "Create a room (staff of the hotel or an administrator)")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<RestResponse<RoomDto>> create(@PathParam("id") String id, RoomInput body, UriInfo uri) {
        long hotelId = Params.id(id, "hotel");
        return authorizer.requireStaffOf(hotelId)
                .map(caller -> validation.check(body))
                .chain(input -> hotels.createRoom(hotelId, input))
                .map(created -> RestResponse.ResponseBuilder.<RoomDto>created(
                        uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build());
    }

    @PUT
    @Path("/{roomId}")
    @Operation(summary = "Replace every writable field of a room (staff of the hotel or an administrator)")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<RoomDto> update(@PathParam("id") String id, @PathParam("roomId") String roomIdText, RoomInput body) {
        long hotelId = Params.id(id, "hotel");
        long roomId = Params.id(roomIdText, "room");
        return authorizer.requireStaffOf(hotelId)
                .map(caller -> validation.check(body))
                .chain(input -> hotels.updateRoom(hotelId, roomId, input));
    }

    @DELETE
    @Path("/{roomId}")
    @Operation(summary = "Delete a room (staff of the hotel or an administrator)")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<RestResponse<Void>> delete(@PathParam("id") String id, @PathParam("roomId") String roomIdText) {
        long hotelId = Params.id(id, "hotel");
        long roomId = Params.id(roomIdText, "room");
        return authorizer.requireStaffOf(hotelId)
                .chain(caller -> hotels.deleteRoom(hotelId, roomId))
                .map(done -> RestResponse.noContent());
    }
}
