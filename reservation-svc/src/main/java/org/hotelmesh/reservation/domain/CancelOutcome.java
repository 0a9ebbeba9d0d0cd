package org.hotelmesh.reservation.domain;

/** The reservation after a cancel, and whether this call was the one that released its inventory. */
public record CancelOutcome(Reservation reservation, boolean released) {
}
