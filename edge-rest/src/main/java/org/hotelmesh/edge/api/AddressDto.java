package org.hotelmesh.edge.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A postal address; {@code line2} and {@code postalCode} are optional. */
public record AddressDto(
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String line1,
        @Size(max = 200, message = "must be at most 200 characters") String line2,
        @NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters") String city,
        @Size(max = 20, message = "must be at most 20 characters") String postalCode,
        @NotBlank(message = "must not be blank") @CountryCode String country) {
}
