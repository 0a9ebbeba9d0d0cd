package org.hotelmesh.edge.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotelmesh.edge.api.CheckInInput;
import org.hotelmesh.edge.api.CheckOutDto;
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.NewStayChange;
import org.hotelmesh.edge.api.Problem.FieldViolation;
import org.hotelmesh.edge.api.ReservationDto;
import org.hotelmesh.edge.api.ReservationInput;
import org.hotelmesh.edge.api.RoomMoveInput;
import org.hotelmesh.edge.api.StayChangeInput;
import org.hotelmesh.edge.api.StayChangePreviewDto;
import org.hotelmesh.edge.api.StayChangeResultDto;
import org.hotelmesh.edge.client.ReservationClient;
import org.hotelmesh.edge.error.InvalidRequestException;
import org.hotelmesh.edge.error.Validation;
import org.hotelmesh.edge.security.Authorizer;
import org.hotelmesh.edge.security.ReservationAccess;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What happens to a booked stay: it changes (dates, room type, rooms), the guest checks in, moves room and checks out.
 * Who may is decided on the reservation ({@link ReservationAccess}) before the body is read (the write gate) and again
 * here; reservation-svc checks it once more, and decides what the state of the stay allows.
 */
@Path("/v1/reservations/{reservationId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Front desk")
public class StayResource {

    static final String NOTHING_TO_CHANGE = "The change changes nothing: give new dates (startDate and endDate), "
            + "a roomTypeID or rooms";
    private static final Pattern CHANGE_ID = Pattern.compile(ReservationInput.ID_PATTERN);

    private final ReservationClient reservations;
    private final Authorizer authorizer;
    private final ReservationAccess access;
    private final Validation validation;

    public StayResource(ReservationClient reservations, Authorizer authorizer, ReservationAccess access,
                        Validation validation) {
        this.reservations = reservations;
        this.authorizer = authorizer;
        this.access = access;
        this.validation = validation;
    }

    @POST
    @Path("/check-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check the guest in: paid -> checked_in, from the arrival day until the no-show job marks "
            + "the stay, with one room per booked room: roomIDs (of the booked type), or free rooms picked when the "
            + "body or roomIDs is left out. A room taken meanwhile is 409 naming it; no room free, 409. Checking in "
            + "again answers the reservation unchanged. Staff of its hotel or an administrator")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<ReservationDto> checkIn(@PathParam("reservationId") String reservationId, CheckInInput body) {
        String id = Params.reservationId(reservationId);
        return authorizer.requireAuthenticated()
                .chain(caller -> access.atTheFrontDesk(caller, id))
                .map(found -> rooms(body))
                .chain(rooms -> reservations.checkIn(id, rooms));
    }

    /** The same without a body (no Content-Type): free rooms are picked. A body of another type is 415. */
    @POST
    @Path("/check-in")
    @Operation(hidden = true)
    public Uni<ReservationDto> checkInWithoutBody(@PathParam("reservationId") String reservationId,
                                                  HttpHeaders headers) {
        if (headers.getLength() > 0 || headers.getHeaderString("Transfer-Encoding") != null) {
            throw new NotSupportedException();
        }
        return checkIn(reservationId, null);
    }

    @POST
    @Path("/room-moves")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move a checked-in guest out of fromRoomID, from today (hotel time), into toRoomID (of the "
            + "booked type), or into a free room picked when toRoomID is left out. Answers the reservation with its "
            + "roomAssignments. Staff of its hotel or an administrator")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<ReservationDto> moveRoom(@PathParam("reservationId") String reservationId, RoomMoveInput body) {
        String id = Params.reservationId(reservationId);
        return authorizer.requireAuthenticated()
                .chain(caller -> access.atTheFrontDesk(caller, id))
                .map(found -> move(body))
                .chain(move -> reservations.moveRoom(id, move.fromRoomID(),
                        move.toRoomID() == null ? 0 : move.toRoomID()));
    }

    @POST
    @Path("/check-out")
    @Operation(summary = "Check the guest out: checked_in -> checked_out. Before the departure day it is an early "
            + "departure: the nights from today go back on sale and are refunded under the reservation's policy "
            + "(never a night already begun); refund says how much (null when nothing is). Idempotent. Staff of its "
            + "hotel or an administrator")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<CheckOutDto> checkOut(@PathParam("reservationId") String reservationId) {
        String id = Params.reservationId(reservationId);
        return authorizer.requireAuthenticated()
                .chain(caller -> access.atTheFrontDesk(caller, id))
                .chain(found -> reservations.checkOut(id));
    }

    @POST
    @Path("/changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Reservations")
    @Operation(summary = "Change a stay's dates (startDate and endDate, both or neither), room type or room count, "
            + "idempotently by changeID: its guest before arrival, staff of its hotel (also during the stay, from "
            + "today on) or an administrator. The new stay is priced now (or by quoteID); a difference above 0 is "
            + "charged to paymentToken (required then) before the stay changes, one below 0 refunded after. Answers "
            + "the reservation and the change (state applied, declined, sold_out; charging with 202 while the card "
            + "processor has not answered: poll the Location). The new stay sold out is 409 naming the night, the "
            + "stay untouched")
    @APIResponse(responseCode = "200", description = "The change is settled: applied, declined or sold_out")
    @APIResponse(responseCode = "202", description = "The difference is being charged; the stay changes once it is "
            + "captured")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<RestResponse<StayChangeResultDto>> change(@PathParam("reservationId") String reservationId,
                                                         StayChangeInput body, UriInfo uri) {
        String id = Params.reservationId(reservationId);
        return authorizer.requireAuthenticated()
                .chain(caller -> access.toChange(caller, id))
                .map(found -> change(id, body))
                .chain(reservations::changeStay)
                .map(result -> {
                    if (result.change() != null && "charging".equals(result.change().state())) {
                        URI location = uri.getBaseUriBuilder().path("v1/reservations").path(id).build();
                        return RestResponse.ResponseBuilder.<StayChangeResultDto>create(RestResponse.Status.ACCEPTED)
                                .location(location)
                                .header(HttpHeaders.RETRY_AFTER, ReservationResource.PENDING_RETRY_AFTER_SECONDS)
                                .entity(result).build();
                    }
                    return RestResponse.ok(result);
                });
    }

    @GET
    @Path("/change-preview")
    @Tag(name = "Reservations")
    @Operation(summary = "What changing the stay would cost, without changing it: the stay now (before), the stay "
            + "asked for (after) and after.total - before.total (difference: above 0 to pay, below 0 refunded). The "
            + "same parameters as a change: startDate and endDate (both or neither), roomTypeID, rooms; changeID "
            + "optionally, the one the change will be made with. Its guest, staff of its hotel or an administrator")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<StayChangePreviewDto> previewChange(@PathParam("reservationId") String reservationId,
                                                   @QueryParam("startDate") String startDate,
                                                   @QueryParam("endDate") String endDate,
                                                   @QueryParam("roomTypeID") String roomTypeId,
                                                   @QueryParam("rooms") String rooms,
                                                   @QueryParam("changeID") String changeId) {
        String id = Params.reservationId(reservationId);
        return authorizer.requireAuthenticated()
                .chain(caller -> access.toChange(caller, id))
                .map(found -> {
                    List<FieldViolation> errors = new ArrayList<>();
                    DateSpan stay = Params.optionalSpan(startDate, endDate, Params.MAX_BOOKING_NIGHTS, "nights",
                            errors);
                    long roomType = Params.queryId(roomTypeId, "roomTypeID", false, errors);
                    int roomCount = Params.queryRooms(rooms, errors);
                    boolean hasChangeId = changeId != null && !changeId.isEmpty();
                    if (hasChangeId && !CHANGE_ID.matcher(changeId).matches()) {
                        errors.add(new FieldViolation("changeID", ReservationInput.ID_RULE));
                    }
                    if (!errors.isEmpty()) {
                        throw Validation.invalid(errors);
                    }
                    if (stay == null && roomType == 0 && roomCount == 0) {
                        throw new InvalidRequestException(NOTHING_TO_CHANGE);
                    }
                    return new NewStayChange(id, hasChangeId ? changeId : null, roomType, stay, roomCount, null,
                            null);
                })
                .chain(reservations::previewStayChange);
    }

    /** The rooms to check in to; none named is an empty list (reservation-svc picks). */
    private List<Long> rooms(CheckInInput body) {
        if (body == null || body.roomIDs() == null) {
            return List.of();
        }
        List<FieldViolation> errors = new ArrayList<>(validation.violations(body));
        if (errors.isEmpty() && new HashSet<>(body.roomIDs()).size() != body.roomIDs().size()) {
            errors.add(new FieldViolation("roomIDs", "must not name a room twice"));
        }
        if (!errors.isEmpty()) {
            throw Validation.invalid(errors);
        }
        return List.copyOf(body.roomIDs());
    }

    private RoomMoveInput move(RoomMoveInput body) {
        if (body == null) {
            throw new InvalidRequestException("A JSON request body is required");
        }
        List<FieldViolation> errors = new ArrayList<>(validation.violations(body));
        if (body.toRoomID() != null && body.toRoomID().equals(body.fromRoomID())) {
            errors.add(new FieldViolation("toRoomID", "must differ from fromRoomID"));
        }
        if (!errors.isEmpty()) {
            throw Validation.invalid(errors);
        }
        return body;
    }

    private NewStayChange change(String id, StayChangeInput body) {
        if (body == null) {
            throw new InvalidRequestException("A JSON request body is required");
        }
        List<FieldViolation> errors = new ArrayList<>(validation.violations(body));
        DateSpan stay = Params.optionalSpan(body.startDate(), body.endDate(), Params.MAX_BOOKING_NIGHTS, "nights",
                errors);
        if (!errors.isEmpty()) {
            throw Validation.invalid(errors);
        }
        if (stay == null && body.roomTypeID() == null && body.rooms() == null) {
            throw new InvalidRequestException(NOTHING_TO_CHANGE);
        }
        return new NewStayChange(id, body.changeID(), body.roomTypeID() == null ? 0 : body.roomTypeID(), stay,
                body.rooms() == null ? 0 : body.rooms(), body.paymentToken(), body.quoteID());
    }
}
