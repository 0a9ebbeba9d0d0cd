package org.hotelmesh.reservation.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.client.RateClient;
import org.hotelmesh.reservation.domain.BookingRequest;
import org.hotelmesh.reservation.domain.Quote;
import org.hotelmesh.reservation.domain.StayPrice;
import org.hotelmesh.reservation.repository.InventoryRepository;
import org.hotelmesh.support.error.InvalidInput;
import org.hotelmesh.support.error.PreconditionFailed;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Decides what a booking is charged. With a quote: exactly the quoted total, if the quote is this booking's (same
 * guest, reservation id, hotel, room type, stay and rooms) and has not expired, however occupancy moved since.
 * Without one: rate-svc's price at this moment. Never a guessed price: when rate-svc cannot answer, the booking fails.
 */
@ApplicationScoped
public class BookingPricer {

    private final RateClient rates;
    private final Pool pool;
    private final InventoryRepository inventory;
    private final Clock clock;

    public BookingPricer(RateClient rates, Pool pool, InventoryRepository inventory, Clock clock) {
        this.rates = rates;
        this.pool = pool;
        this.inventory = inventory;
        this.clock = clock;
    }

    /**
     * Without a quote, the stay's occupancy is read here, where the inventory lives, and sent with the price request:
     * rate-svc prices with it instead of calling back into this service (one hop less per booking, and no cycle of
     * calls between the two services to stall under load).
     */
    public Uni<StayPrice> price(BookingRequest request) {
        return request.quoteId() == null
                ? inventory.nights(pool, request.hotelId(), request.roomTypeId(), request.startDate(),
                                request.endDate())
                        .flatMap(occupancy -> rates.priceStay(request.hotelId(), request.roomTypeId(),
                                request.startDate(), request.endDate(), request.rooms(), occupancy))
                : rates.findQuote(request.quoteId()).map(found -> quoted(request,
                        found.orElseThrow(() -> new InvalidInput("quoteID", "quote " + request.quoteId()
                                + " does not exist; request a new quote"))));
    }

    private StayPrice quoted(BookingRequest request, Quote quote) {
        List<String> differences = new ArrayList<>();
        if (!quote.guestId().equals(request.guestId())) {
            differences.add("another guest");
        }
        if (!quote.reservationId().equals(request.reservationId())) {
            differences.add("reservationID " + quote.reservationId());
        }
        if (quote.hotelId() != request.hotelId()) {
            differences.add("hotel " + quote.hotelId());
        }
        if (quote.roomTypeId() != request.roomTypeId()) {
            differences.add("room type " + quote.roomTypeId());
        }
        if (!quote.startDate().equals(request.startDate()) || !quote.endDate().equals(request.endDate())) {
            differences.add("the stay " + quote.startDate() + " to " + quote.endDate());
        }
        if (quote.rooms() != request.rooms()) {
            differences.add(quote.rooms() + " room(s)");
        }
        if (!differences.isEmpty()) {
            throw new InvalidInput("quoteID", "quote " + quote.quoteId() + " was issued for "
                    + String.join(", ", differences) + "; book exactly what was quoted, or request a new quote");
        }
        if (!clock.instant().isBefore(quote.expiresAt())) {
            throw new PreconditionFailed("quote " + quote.quoteId() + " expired at " + quote.expiresAt()
                    + "; request a new quote");
        }
        if (quote.price().nightlyMinor().size() != request.nights()) {
            throw new IllegalStateException("quote " + quote.quoteId() + " prices "
                    + quote.price().nightlyMinor().size() + " nights of a " + request.nights() + "-night stay");
        }
        return quote.price();
    }
}
