package org.hotelmesh.edge.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** How to reach the hotel; both fields are optional. */
public record ContactDto(
        @Email(message = "must be an e-mail address") @Size(max = 254, message = "must be at most 254 characters") String email,
        @Size(max = 40, message = "must be at most 40 characters") String phone) {
}
