package org.hotelmesh.edge.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotelmesh.edge.api.BaseRateDto;
import org.hotelmesh.edge.api.BaseRatesInput;
import org.hotelmesh.edge.api.BaseRatesSetDto;
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.Problem.FieldViolation;
import org.hotelmesh.edge.client.RateClient;
import org.hotelmesh.edge.error.InvalidRequestException;
import org.hotelmesh.edge.error.Validation;
import org.hotelmesh.edge.security.Authorizer;
import org.hotelmesh.proto.rate.v1.DayOfWeek;

import java.util.ArrayList;
import java.util.List;

/** Staff set and read the base price of a room type per night; occupancy pricing starts from it. */
@Path("/v1/hotels/{id}/room-types/{rtId}/base-rates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Prices")
public class BaseRateResource {

    private static final String DAY_RULE = "must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, "
            + "SUNDAY";

    private final RateClient rates;
    private final Authorizer authorizer;

    public BaseRateResource(RateClient rates, Authorizer authorizer) {
        this.rates = rates;
        this.authorizer = authorizer;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the base price of one room per night over [startDate, endDate), in minor units, "
            + "optionally only on some daysOfWeek (staff); replaces the base price of those nights")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<BaseRatesSetDto> set(@PathParam("id") String id, @PathParam("rtId") String rtId, BaseRatesInput body) {
        long hotelId = Params.id(id, "hotel");
        long roomTypeId = Params.id(rtId, "room type");
        return authorizer.requireStaffOf(hotelId)
                .map(caller -> validated(body))
                .chain(change -> rates.setBaseRates(hotelId, roomTypeId, change.span(), body.amount(),
                        body.currency(), change.days()))
                .map(BaseRatesSetDto::new);
    }

    @GET
    @Operation(summary = "The base prices set for the nights of [startDate, endDate) (1 to 366 nights; staff); "
            + "nights without one are left out")
    @SecurityRequirement(name = HotelResource.BEARER)
    public Uni<List<BaseRateDto>> get(@PathParam("id") String id, @PathParam("rtId") String rtId,
                                      @QueryParam("startDate") String startDate,
                                      @QueryParam("endDate") String endDate) {
        long hotelId = Params.id(id, "hotel");
        long roomTypeId = Params.id(rtId, "room type");
        return authorizer.requireStaffOf(hotelId)
                .map(caller -> Params.range(startDate, endDate))
                .chain(span -> rates.baseRates(hotelId, roomTypeId, span));
    }

    private record Change(DateSpan span, List<DayOfWeek> days) {
    }

    /** Form checks here; rate-svc checks the values (amount, currency, how far ahead) with the same field names. */
    private static Change validated(BaseRatesInput body) {
        if (body == null) {
            throw new InvalidRequestException("A JSON request body is required");
        }
        List<FieldViolation> errors = new ArrayList<>();
        DateSpan span = Params.span(body.startDate(), body.endDate(), Params.MAX_RANGE_DAYS, "days", errors);
        if (body.amount() == null) {
            errors.add(new FieldViolation("amount", "is required (minor units, e.g. 12000 for EUR 120.00)"));
        }
        if (body.currency() == null) {
            errors.add(new FieldViolation("currency", "is required (ISO-4217, e.g. EUR)"));
        }
        List<DayOfWeek> days = new ArrayList<>();
        List<String> named = body.daysOfWeek() == null ? List.of() : body.daysOfWeek();
        for (int i = 0; i < named.size(); i++) {
            DayOfWeek day = day(named.get(i));
            if (day == null) {
                errors.add(new FieldViolation("daysOfWeek[" + i + "]", DAY_RULE));
            } else {
                days.add(day);
            }
        }
        if (!errors.isEmpty()) {
            throw Validation.invalid(errors);
        }
        return new Change(span, days);
    }

    private static DayOfWeek day(String name) {
        if (name == null) {
            return null;
        }
        try {
            return DayOfWeek.valueOf(java.time.DayOfWeek.valueOf(name).name());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
