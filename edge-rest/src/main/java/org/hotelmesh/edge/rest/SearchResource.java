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
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.PageDto;
import org.hotelmesh.edge.api.PageQuery;
import org.hotelmesh.edge.api.Problem.FieldViolation;
import org.hotelmesh.edge.api.SearchHitDto;
import org.hotelmesh.edge.client.RateClient;
import org.hotelmesh.edge.error.Validation;
import org.hotelmesh.edge.mapping.ReservationMapper;
import org.hotelmesh.proto.common.v1.PageRequest;
import org.hotelmesh.proto.rate.v1.SearchSort;
import org.hotelmesh.proto.rate.v1.SearchStaysRequest;
import org.hotelmesh.support.validation.PlainText;

import io.smallrye.mutiny.Uni;

/**
 * Finding a stay (public): the hotels of a place with a room type that fits the guests and has rooms on every night,
 * cheapest first or best rated first. rate-svc searches; the edge checks the parameters' form so a malformed one is a
 * 400 naming it.
 */
@Path("/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Finding a stay: hotels with rooms and prices for dates, and place suggestions")
public class SearchResource {

    /** Longest place name a search takes (the catalog's longest city). */
    static final int MAX_PLACE = 100;
    /** Most guests one room holds (the catalog's highest max occupancy). */
    static final int MAX_GUESTS_PER_ROOM = 20;

    private final RateClient rates;

    public SearchResource(RateClient rates) {
        this.rates = rates;
    }

    @GET
    @Operation(summary = "Hotels of a city and/or country with a room type that fits the guests and has rooms on "
            + "every night of [startDate, endDate) (1 to 30 nights), each with its cheapest total for the stay and "
            + "its available room types; sort=price (default) or rating; paginated (public)")
    public Uni<PageDto<SearchHitDto>> search(@QueryParam("city") String city, @QueryParam("country") String country,
                                             @QueryParam("startDate") String startDate,
                                             @QueryParam("endDate") String endDate,
                                             @QueryParam("rooms") String rooms, @QueryParam("guests") String guests,
                                             @QueryParam("sort") String sort,
                                             @QueryParam("pageSize") String pageSize,
                                             @QueryParam("pageToken") String pageToken) {
        List<FieldViolation> errors = new ArrayList<>();
        String place = place(city, "city", errors);
        String countryCode = Params.country(country);
        if (place == null && (countryCode == null || countryCode.isEmpty()) && errors.isEmpty()) {
            errors.add(new FieldViolation("city", "is required unless country is given"));
        }
        Party party = party(startDate, endDate, rooms, guests, errors);
        SearchSort order = sort(sort, errors);
        if (!errors.isEmpty()) {
            throw Validation.invalid(errors);
        }
        PageQuery page = Params.page(pageSize, pageToken);
        return rates.searchStays(SearchStaysRequest.newBuilder()
                .setCity(place == null ? "" : place)
                .setCountry(countryCode == null ? "" : countryCode)
                .setStay(ReservationMapper.range(party.stay()))
                .setRooms(party.rooms())
                .setGuests(party.guests())
                .setSort(order)
                .setPage(PageRequest.newBuilder().setPageSize(page.pageSize()).setPageToken(page.pageToken()))
                .build());
    }

    /** The stay, rooms and guests of a search. */
    record Party(DateSpan stay, int rooms, int guests) {
    }

    /**
     * startDate and endDate (1 to 30 nights), rooms (1 to 9, default 1) and guests (default 1; whether they fit the
     * rooms is rate-svc's to say).
     */
    static Party party(String startDate, String endDate, String rooms, String guests,
                               List<FieldViolation> errors) {
        DateSpan stay = Params.span(startDate, endDate, Params.MAX_BOOKING_NIGHTS, "nights", errors);
        int roomCount = rooms == null || rooms.isEmpty() ? 1 : Params.queryRooms(rooms, errors);
        int guestCount = 1;
        if (guests != null && !guests.isEmpty()) {
            guestCount = guests.length() <= 3 && guests.chars().allMatch(c -> c >= '0' && c <= '9')
                    ? Integer.parseInt(guests) : 0;
            if (guestCount < 1 || guestCount > Params.MAX_ROOMS * MAX_GUESTS_PER_ROOM) {
                errors.add(new FieldViolation("guests", "must be a whole number between 1 and "
                        + Params.MAX_ROOMS * MAX_GUESTS_PER_ROOM));
            }
        }
        return new Party(stay, roomCount, guestCount);
    }

    /** A place name or prefix: trimmed; empty or absent is null; at most 100 characters of plain text. */
    static String place(String raw, String field, List<FieldViolation> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String trimmed = raw.strip();
        if (trimmed.length() > MAX_PLACE) {
            errors.add(new FieldViolation(field, "must be at most " + MAX_PLACE + " characters"));
            return null;
        }
        var problem = PlainText.problem(trimmed);
        if (problem.isPresent()) {
            errors.add(new FieldViolation(field, problem.get()));
            return null;
        }
        return trimmed;
    }

    private static SearchSort sort(String raw, List<FieldViolation> errors) {
        if (raw == null || raw.isEmpty() || raw.equals("price")) {
            return SearchSort.PRICE;
        }
        if (raw.equals("rating")) {
            return SearchSort.RATING;
        }
        errors.add(new FieldViolation("sort", "must be price or rating"));
        return SearchSort.PRICE;
    }
}
