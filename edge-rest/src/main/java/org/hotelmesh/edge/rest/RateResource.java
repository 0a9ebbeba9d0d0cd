package org.hotelmesh.edge.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotelmesh.edge.api.NightRateDto;
import org.hotelmesh.edge.client.RateClient;

import java.util.List;

/** The public price list of a room type: what each night costs now. */
@Path("/v1/hotels/{id}/room-types/{rtId}/rates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Prices", description = "Nightly prices, base prices, occupancy pricing rules and quotes")
public class RateResource {

    private final RateClient rates;

    public RateResource(RateClient rates) {
        this.rates = rates;
    }

    @GET
    @Operation(summary = "The current price of one room on each night of [startDate, endDate) (1 to 366 nights; "
            + "public). A night without a base price has a null amount: it cannot be booked")
    public Uni<List<NightRateDto>> rates(@PathParam("id") String id, @PathParam("rtId") String rtId,
                                         @QueryParam("startDate") String startDate,
                                         @QueryParam("endDate") String endDate) {
        long hotelId = Params.id(id, "hotel");
        long roomTypeId = Params.id(rtId, "room type");
        return rates.nightlyRates(hotelId, roomTypeId, Params.range(startDate, endDate));
    }
}
