package org.hotelmesh.edge.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of POST /v1/hotels and PUT /v1/hotels/{id}: every writable field of a hotel. */
public record HotelInput(
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be 1..200 characters") String name,
        @NotNull(message = "is required") @Valid AddressDto address,
        @NotBlank(message = "must not be blank") @TimeZoneId String timeZone,
        @Min(value = 0, message = "must be between 0 and 5") @Max(value = 5, message = "must be between 0 and 5") Integer starRating,
        @Size(max = 4000, message = "must be at most 4000 characters") String description,
        @Valid ContactDto contact) {

    /** 0 means unrated, the default when the field is left out. */
    public int starRatingOrDefault() {
        return starRating == null ? 0 : starRating;
    }
}
