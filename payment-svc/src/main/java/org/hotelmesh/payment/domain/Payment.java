package org.hotelmesh.payment.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One charge of a reservation: its booking's ({@code chargeId} "") or a further one. {@code paymentToken} is kept only
 * while PROCESSING (null once settled; a retry is known by {@code tokenFingerprint}), {@code declineCode} is set when
 * DECLINED, {@code paymentMethod} and {@code gatewayReference} (the processor's id of the charge) once captured,
 * {@code refundedMinor} is what the processor confirmed of the refunds taken from it, {@code refundReason} the reason
 * of the newest of those once one was asked for, {@code refundRequestedAt} while the processor has not confirmed one
 * of them (when the oldest unconfirmed was asked for).
 */
public record Payment(String paymentId, String reservationId, String chargeId, long amountMinor, String currency,
                      String paymentToken, String tokenFingerprint, PaymentState state, String declineCode,
                      String paymentMethod, String gatewayReference, long refundedMinor, String refundReason,
                      Instant refundRequestedAt, Instant createdAt) {

    /** The booking's charge: the one a reservation is made with. */
    public static final String BOOKING = "";

    /** Captured, and refunded in part or whole since: money a refund may be taken from. */
    public boolean captured() {
        return state == PaymentState.CAPTURED || state == PaymentState.PARTIALLY_REFUNDED
                || state == PaymentState.REFUNDED;
    }

    /** The SHA-256 of a token, in hex, as the database computes it. */
    public static String fingerprint(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
