package org.hotelmesh.edge.api;

/** A hotel's cancellation policy for new bookings; {@code source} is "hotel" (its own) or "default". */
public record HotelCancellationPolicyDto(String hotelID, String source, int freeUntilDays, String fee,
                                         Integer feePercent, String terms) {
}
