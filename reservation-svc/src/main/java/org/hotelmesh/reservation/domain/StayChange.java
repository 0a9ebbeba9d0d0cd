package org.hotelmesh.reservation.domain;

import java.time.Instant;
import java.util.Locale;

/**
 * A change of a stay as recorded: who asked and when, the stay either side, where its money stands. A change that
 * costs more is {@code CHARGING} until its difference is captured, then {@code APPLIED} (or {@code SOLD_OUT}, the
 * charge refunded, when the new stay could no longer be had) or {@code DECLINED}; one that costs less or the same is
 * applied at once and its difference refunded ({@code refundState}).
 */
public record StayChange(String changeId, String reservationId, String by, Instant at, StayTerms before,
        StayTerms after, String currency, State state, String paymentId, String declineCode, RefundState refundState,
        Long refundMinor, String requestHash) {

    public enum State {
        CHARGING, APPLIED, DECLINED, SOLD_OUT;

        public String db() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State fromDb(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public long differenceMinor() {
        return after.totalMinor() - before.totalMinor();
    }
}
