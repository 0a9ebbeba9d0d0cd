package org.hotelmesh.edge.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotelmesh.edge.api.HotelOffersDto;
import org.hotelmesh.edge.client.RateClient;
import org.hotelmesh.edge.rest.SearchResource.Party;
import org.hotelmesh.edge.api.Problem.FieldViolation;
import org.hotelmesh.edge.error.Validation;

import io.smallrye.mutiny.Uni;

/** Every room type of one hotel for a stay, with its price and rooms left (public): the hotel page with dates. */
@Path("/v1/hotels/{id}/offers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Finding a stay: hotels with rooms and prices for dates, and place suggestions")
public class OfferResource {

    private final RateClient rates;

    public OfferResource(RateClient rates) {
        this.rates = rates;
    }

    @GET
    @Operation(summary = "Every room type of the hotel for [startDate, endDate) (1 to 30 nights): its price for the "
            + "stay, the fewest rooms left, whether it fits the guests and can be booked (public)")
    public Uni<HotelOffersDto> offers(@PathParam("id") String id, @QueryParam("startDate") String startDate,
                                      @QueryParam("endDate") String endDate, @QueryParam("rooms") String rooms,
                                      @QueryParam("guests") String guests) {
        long hotelId = Params.id(id, "hotel");
        List<FieldViolation> errors = new ArrayList<>();
        Party party = SearchResource.party(startDate, endDate, rooms, guests, errors);
        if (!errors.isEmpty()) {
            throw Validation.invalid(errors);
        }
        return rates.hotelOffers(hotelId, party.stay(), party.rooms(), party.guests());
    }
}
