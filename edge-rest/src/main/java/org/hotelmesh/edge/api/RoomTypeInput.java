package org.hotelmesh.edge.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of POST/PUT room types: every writable field of a room type. */
public record RoomTypeInput(
        @NotBlank(message = "must not be blank") @Size(max = 100, message = "must be 1..100 characters") String name,
        @Size(max = 4000, message = "must be at most 4000 characters") String description,
        @NotNull(message = "is required") @Min(value = 1, message = "must be between 1 and 20") @Max(value = 20, message = "must be between 1 and 20") Integer maxOccupancy,
        @NotBlank(message = "must not be blank") @Size(max = 100, message = "must be 1..100 characters") String bedConfiguration,
        @Size(max = 50, message = "must have at most 50 entries")
        List<@NotBlank(message = "must not be blank") @Size(max = 50, message = "must be 1..50 characters") String> amenities) {

    public List<String> amenitiesOrEmpty() {
        return amenities == null ? List.of() : amenities;
    }
}
