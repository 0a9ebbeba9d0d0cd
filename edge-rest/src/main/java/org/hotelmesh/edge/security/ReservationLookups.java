package org.hotelmesh.edge.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.RequestScoped;

import org.hotelmesh.edge.api.ReservationDto;

import io.smallrye.mutiny.Uni;

/**
 * The reservations one request has looked up, kept for the rest of that request: the write gate reads a reservation
 * to judge who may act on it before the body is parsed, and the resource judges again on the same answer instead of
 * asking reservation-svc a second time.
 */
@RequestScoped
public class ReservationLookups {

    private final Map<String, Uni<Optional<ReservationDto>>> seen = new HashMap<>();

    Uni<Optional<ReservationDto>> get(String id, Function<String, Uni<Optional<ReservationDto>>> lookup) {
        return seen.computeIfAbsent(id, key -> lookup.apply(key).memoize().indefinitely());
    }
}
