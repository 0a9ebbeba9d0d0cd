package org.hotelmesh.edge.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** The body of POST/PUT rooms. {@code roomTypeID} is accepted as a JSON number or a string of digits. */
public record RoomInput(
        @NotNull(message = "is required") @Pattern(regexp = "[A-Za-z0-9-]{1,20}", message = "must be 1..20 characters of A-Z, a-z, 0-9 and -") String number,
        @NotNull(message = "is required") @Min(value = -5, message = "must be between -5 and 200") @Max(value = 200, message = "must be between -5 and 200") Integer floor,
        @NotNull(message = "is required") @Positive(message = "must be a positive id") Long roomTypeID,
        Boolean inService) {

    public boolean inServiceOrDefault() {
        return inService == null || inService;
    }
}
