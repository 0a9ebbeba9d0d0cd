package org.hotelmesh.payment.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A reservation's payment. {@code paymentToken} is kept only while PROCESSING (null once settled; a retry is known by
 * {@code tokenFingerprint}), {@code declineCode} is set when DECLINED, {@code paymentMethod} and
 * {@code gatewayReference} (the processor's id of the charge) once captured, {@code refundReason} once a refund was
 * asked for, {@code refundRequestedAt} while the processor has not confirmed it.
 */
public record Payment(String paymentId, String reservationId, long amountMinor, String currency, String paymentToken,
                      String tokenFingerprint, PaymentState state, String declineCode, String paymentMethod,
                      String gatewayReference, long refundedMinor, String refundReason, Instant refundRequestedAt,
                      Instant createdAt) {

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
