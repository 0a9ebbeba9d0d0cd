package org.hotelmesh.edge.api;

/**
 * A validated change of stay (or the preview of one): {@code stay} null, {@code roomTypeID} 0 and {@code rooms} 0
 * leave that part unchanged. {@code changeID}, {@code paymentToken} and {@code quoteID} are null when not given.
 */
public record NewStayChange(String reservationID, String changeID, long roomTypeID, DateSpan stay, int rooms,
                            String paymentToken, String quoteID) {
}
