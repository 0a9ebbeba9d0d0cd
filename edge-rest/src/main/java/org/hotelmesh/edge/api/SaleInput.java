package org.hotelmesh.edge.api;

import jakarta.validation.constraints.NotNull;

/** Whether a hotel is off sale (PUT /v1/hotels/{id}/sale). */
public record SaleInput(@NotNull(message = "is required") Boolean offSale) {
}
