package org.hotelmesh.edge.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The body of PUT .../maintenance: rooms out of sale on each date of [startDate, endDate); 0 puts them back. */
public record MaintenanceInput(
        String startDate,
        String endDate,
        @NotNull(message = "is required") @Min(value = 0, message = "must be between 0 and 10000") @Max(value = 10000, message = "must be between 0 and 10000") Integer rooms) {
}
