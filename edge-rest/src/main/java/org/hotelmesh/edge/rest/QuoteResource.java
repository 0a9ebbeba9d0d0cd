package org.hotelmesh.edge.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.Problem.FieldViolation;
import org.hotelmesh.edge.api.QuoteDto;
import org.hotelmesh.edge.api.QuoteInput;
import org.hotelmesh.edge.api.ReservationInput;
import org.hotelmesh.edge.client.RateClient;
import org.hotelmesh.edge.error.InvalidRequestException;
import org.hotelmesh.edge.error.ResourceNotFoundException;
import org.hotelmesh.edge.error.Validation;
import org.hotelmesh.edge.security.Authorizer;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Quotes: what a guest reviews before booking. The quote carries the reservationID to book with; booking with both
 * before expiresAt is charged exactly the quoted total, whatever occupancy has done since.
 */
@Path("/v1/quotes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Prices")
public class QuoteResource {

    private static final Pattern QUOTE_ID = Pattern.compile(ReservationInput.QUOTE_ID_PATTERN);

    private final RateClient rates;
    private final Authorizer authorizer;
    private final Validation validation;

    public QuoteResource(RateClient rates, Authorizer authorizer, Validation validation) {
        this.rates = rates;
        this.authorizer = authorizer;
        this.validation = validation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Price a stay for the guest of the token and keep the price until expiresAt; book it with "
            + "POST /v1/reservations citing quoteID and reservationID")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<RestResponse<QuoteDto>> create(QuoteInput body, UriInfo uri) {
        return authorizer.requireGuest()
                .chain(caller -> {
                    DateSpan stay = validated(body);
                    return rates.createQuote(body.hotelID(), body.roomTypeID(), stay, body.roomsOrDefault(),
                            caller.subject());
                })
                .map(quote -> RestResponse.ResponseBuilder.<QuoteDto>created(uri.getBaseUriBuilder()
                        .path("v1/quotes").path(quote.quoteID()).build()).entity(quote).build());
    }

    @GET
    @Path("/{quoteId}")
    @Operation(summary = "A quote, expired or not, until it is purged (its guest, staff of its hotel or an "
            + "administrator)")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<QuoteDto> get(@PathParam("quoteId") String quoteId) {
        if (!QUOTE_ID.matcher(quoteId).matches()) {
            throw new InvalidRequestException("quote id " + ReservationInput.QUOTE_ID_RULE);
        }
        // The same 404 for someone else's quote as for none, so quote ids cannot be probed.
        return authorizer.requireAuthenticated()
                .chain(caller -> rates.quote(quoteId).map(found -> found
                        .filter(q -> authorizer.canSeeGuestRecord(caller, q.guestId(), q.quote().hotelID()))
                        .map(RateClient.GuestQuote::quote)
                        .orElseThrow(() -> new ResourceNotFoundException("Quote " + quoteId + " does not exist"))));
    }

    private DateSpan validated(QuoteInput body) {
        if (body == null) {
            throw new InvalidRequestException("A JSON request body is required");
        }
        List<FieldViolation> errors = new ArrayList<>(validation.violations(body));
        DateSpan stay = Params.span(body.startDate(), body.endDate(), Params.MAX_BOOKING_NIGHTS, "nights", errors);
        if (!errors.isEmpty()) {
            throw Validation.invalid(errors);
        }
        return stay;
    }
}
