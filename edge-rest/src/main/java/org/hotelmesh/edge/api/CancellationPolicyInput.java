package org.hotelmesh.edge.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of PUT /v1/hotels/{id}/cancellation-policy; reservation-svc checks that fee and feePercent agree. */
public record CancellationPolicyInput(
        @NotNull(message = "is required (0 = free until the day of arrival)")
        @Min(value = 0, message = "must be between 0 and 365") @Max(value = 365, message = "must be between 0 and 365")
        Integer freeUntilDays,
        @NotNull(message = "is required: first_night or percentage")
        @Pattern(regexp = "first_night|percentage", message = "must be first_night or percentage") String fee,
        @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100, message = "must be between 1 and 100")
        Integer feePercent) {
}
