package org.hotelmesh.edge.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotelmesh.edge.api.PlaceDto;
import org.hotelmesh.edge.client.HotelClient;
import org.hotelmesh.edge.api.Problem.FieldViolation;
import org.hotelmesh.edge.error.Validation;

import io.smallrye.mutiny.Uni;

/** The places a guest may mean while typing one into the search (public). */
@Path("/v1/places")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Finding a stay: hotels with rooms and prices for dates, and place suggestions")
public class PlaceResource {

    private final HotelClient hotels;

    public PlaceResource(HotelClient hotels) {
        this.hotels = hotels;
    }

    @GET
    @Operation(summary = "Up to 10 cities whose name starts with q (ignoring case), most hotels first: the place "
            + "suggestions of the search (public)")
    public Uni<List<PlaceDto>> places(@QueryParam("q") String q) {
        List<FieldViolation> errors = new ArrayList<>();
        String prefix = SearchResource.place(q, "q", errors);
        if (prefix == null && errors.isEmpty()) {
            errors.add(new FieldViolation("q", "is required: the start of a city's name"));
        }
        if (!errors.isEmpty()) {
            throw Validation.invalid(errors);
        }
        return hotels.suggestPlaces(prefix);
    }
}
