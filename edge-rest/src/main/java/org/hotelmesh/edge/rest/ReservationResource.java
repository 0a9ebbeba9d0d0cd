package org.hotelmesh.edge.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.hotelmesh.edge.api.CancellationDto;
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.NewReservation;
import org.hotelmesh.edge.api.PageDto;
import org.hotelmesh.edge.api.Problem.FieldViolation;
import org.hotelmesh.edge.api.ReservationDto;
import org.hotelmesh.edge.api.ReservationInput;
import org.hotelmesh.edge.client.ReservationClient;
import org.hotelmesh.edge.error.InvalidRequestException;
import org.hotelmesh.edge.error.Validation;
import org.hotelmesh.edge.security.AccessDeniedException;
import org.hotelmesh.edge.security.Authorizer;
import org.hotelmesh.edge.security.Caller;
import org.hotelmesh.edge.security.ReservationAccess;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

@Path("/v1/reservations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reservations", description = "A guest's bookings (and staff's for a guest): create, read, list, change, "
        + "cancel")
public class ReservationResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** How soon a client might poll a booking whose payment is still processing. */
    static final String PENDING_RETRY_AFTER_SECONDS = "2";

    private final ReservationClient reservations;
    private final Authorizer authorizer;
    private final ReservationAccess access;
    private final Validation validation;

    public ReservationResource(ReservationClient reservations, Authorizer authorizer, ReservationAccess access,
                               Validation validation) {
        this.reservations = reservations;
        this.authorizer = authorizer;
        this.access = access;
        this.validation = validation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Book a room type for the guest of the token and charge it to paymentToken; idempotent by "
            + "reservationID (or the Idempotency-Key header): a replay answers the same reservation. Answers 201 with "
            + "the final status (paid, or rejected when the card was refused: see payment.declineCode), or 202 with "
            + "status pending when the payment is still being processed: poll the Location. With quoteID the booking "
            + "is charged the quoted total (the quote's stay and reservationID, before it expires); without, it is "
            + "priced now. Staff of the hotel (and administrators) book for a guest with guestName (required for them) "
            + "and optionally the guest's account as guestID; a guest books only for themselves (guestName or guestID "
            + "from a guest: 403). bookedBy tells who booked")
    @APIResponse(responseCode = "201", description = "Booked and paid, or rejected by the card processor")
    @APIResponse(responseCode = "202", description = "Booked, rooms held; the payment's outcome is not known yet")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<RestResponse<ReservationDto>> create(ReservationInput body,
                                                    @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                                                    UriInfo uri) {
        return authorizer.requireAuthenticated()
                .map(caller -> booking(body, idempotencyKey, caller))
                .chain(reservations::createReservation)
                .map(created -> {
                    URI location = uri.getBaseUriBuilder().path("v1/reservations").path(created.reservationID())
                            .build();
                    if ("pending".equals(created.status())) {
                        return RestResponse.ResponseBuilder.<ReservationDto>create(RestResponse.Status.ACCEPTED)
                                .location(location).header(HttpHeaders.RETRY_AFTER, PENDING_RETRY_AFTER_SECONDS)
                                .entity(created).build();
                    }
                    return RestResponse.ResponseBuilder.<ReservationDto>created(location).entity(created).build();
                });
    }

    @GET
    @Operation(summary = "List the caller's own reservations (when = upcoming, past or all)")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<PageDto<ReservationDto>> list(@QueryParam("when") String when,
                                             @QueryParam("pageSize") String pageSize,
                                             @QueryParam("pageToken") String pageToken) {
        var filter = Params.when(when);
        var page = Params.page(pageSize, pageToken);
        return authorizer.requireGuest()
                .chain(caller -> reservations.listReservations(caller.subject(), filter, page));
    }

    @GET
    @Path("/{reservationId}")
    @Operation(summary = "Get a reservation (its guest, staff of its hotel or an administrator)")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<ReservationDto> get(@PathParam("reservationId") String reservationId) {
        String id = Params.reservationId(reservationId);
        return authorizer.requireAuthenticated().chain(caller -> access.visible(caller, id));
    }

    @DELETE
    @Path("/{reservationId}")
    @Operation(summary = "Cancel a reservation (its guest, staff of its hotel or an administrator). Pending: "
            + "canceled. Paid: refunded, with the refund its cancellation policy allows (payment.refund, payment.fee; "
            + "see GET .../cancellation first); waiveFee=true (staff and administrators) waives the fee. No refund "
            + "includes a night that has begun (hotel calendar): a paid stay in progress cannot be canceled by its "
            + "guest (409); staff of its hotel end it early: the nights already begun are kept and stay sold, the "
            + "nights from today go back on sale and are refunded, less whatever more the policy's fee keeps. "
            + "A refund is refunded once the card processor confirmed it (payment.refundStatus requested until then; "
            + "payment.refundOverdue flags one not confirmed in time). Cancelling again answers the reservation "
            + "unchanged")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<ReservationDto> cancel(@PathParam("reservationId") String reservationId,
                                      @QueryParam("waiveFee") String waiveFee) {
        String id = Params.reservationId(reservationId);
        boolean waive = Params.flag(waiveFee, "waiveFee");
        return authorizer.requireAuthenticated()
                .chain(caller -> access.visible(caller, id)
                        .invoke(found -> requireStaffToWaive(caller, found, waive))
                        .chain(found -> reservations.cancelReservation(id, caller.subject(), waive)));
    }

    @GET
    @Path("/{reservationId}/cancellation")
    @Operation(summary = "What cancelling the reservation now would refund and keep as a fee, and the policy in "
            + "words, without cancelling it (waiveFee=true: as staff would cancel it)")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<CancellationDto> previewCancellation(@PathParam("reservationId") String reservationId,
                                                    @QueryParam("waiveFee") String waiveFee) {
        String id = Params.reservationId(reservationId);
        boolean waive = Params.flag(waiveFee, "waiveFee");
        return authorizer.requireAuthenticated()
                .chain(caller -> access.visible(caller, id).invoke(found -> requireStaffToWaive(caller, found, waive)))
                .chain(found -> reservations.previewCancellation(id, waive));
    }

    private static void requireStaffToWaive(Caller caller, ReservationDto reservation, boolean waive) {
        if (waive && !caller.isAdmin() && !caller.isStaffOf(Long.parseLong(reservation.hotelID()))) {
            throw new AccessDeniedException("Only staff of hotel " + reservation.hotelID()
                    + " may waive a cancellation fee");
        }
    }

    /**
     * The validated booking. The id comes from the body or the Idempotency-Key header; when both are sent they must
     * agree, since silently preferring one would let a retry book twice. A guest books for themselves; anyone else
     * (or a guest naming a guest) books for a guest, which only staff of the hotel and administrators may, checked
     * before the rest of the body.
     */
    private NewReservation booking(ReservationInput body, String idempotencyKey, Caller caller) {
        if (body == null) {
            throw new InvalidRequestException("A JSON request body is required");
        }
        boolean forAGuest = body.guestName() != null || body.guestID() != null || !caller.isGuest();
        if (forAGuest) {
            requireStaffToBookForAGuest(caller, body.hotelID());
        }
        List<FieldViolation> errors = new ArrayList<>(validation.violations(body));
        if (forAGuest && body.guestName() == null) {
            errors.add(new FieldViolation("guestName", "is required when staff book for a guest: the name the stay"
                    + " is booked under"));
        }
        DateSpan stay = Params.span(body.startDate(), body.endDate(), Params.MAX_BOOKING_NIGHTS, "nights", errors);
        String id = body.reservationID();
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        if (key != null && !Params.isReservationId(key)) {
            errors.add(new FieldViolation("reservationID",
                    "the " + IDEMPOTENCY_KEY + " header " + ReservationInput.ID_RULE));
        } else if (key != null && id != null && !id.equals(key)) {
            errors.add(new FieldViolation("reservationID",
                    "differs from the " + IDEMPOTENCY_KEY + " header; send the id once, or the same id in both"));
        } else if (key == null && id == null) {
            errors.add(new FieldViolation("reservationID",
                    "is required, in the body or as the " + IDEMPOTENCY_KEY + " header"));
        }
        if (!errors.isEmpty()) {
            throw Validation.invalid(errors);
        }
        return new NewReservation(id != null ? id : key, body.hotelID(), body.roomTypeID(), stay.startDate(),
                stay.endDate(), body.roomsOrDefault(), forAGuest ? body.guestID() : caller.subject(), body.quoteID(),
                body.paymentToken(), forAGuest ? body.guestName() : null);
    }

    /**
     * Booking for a guest (by phone, at the desk): staff of the hotel or an administrator. A guest books only for
     * themselves, so a guest naming a guest (guestName, guestID) is refused, whoever they name. A hotel id that is
     * missing or malformed is left to validation (400): there is no hotel to judge the right by.
     */
    private static void requireStaffToBookForAGuest(Caller caller, Long hotelId) {
        if (caller.isAdmin()) {
            return;
        }
        if (!caller.isStaff()) {
            throw new AccessDeniedException(caller.isGuest()
                    ? "A guest books only for themselves: guestName and guestID are for staff of the hotel booking"
                    + " for a guest"
                    : "Only guests book for themselves, and staff of the hotel or administrators for a guest");
        }
        if (hotelId != null && hotelId > 0 && !caller.isStaffOf(hotelId)) {
            throw new AccessDeniedException("Only staff of hotel " + hotelId + " or an administrator may book for a"
                    + " guest there");
        }
    }
}
