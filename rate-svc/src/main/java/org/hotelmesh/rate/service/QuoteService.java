package org.hotelmesh.rate.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.rate.config.QuotesConfig;
import org.hotelmesh.rate.domain.Quote;
import org.hotelmesh.rate.domain.StayRequest;
import org.hotelmesh.rate.repository.QuoteRepository;
import org.hotelmesh.support.error.NotFound;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Quotes: a stay priced now and kept for the guest until it expires, with the reservation id the guest then books
 * with. reservation-svc decides whether a quote can still be booked (expiry, guest, stay); this service only keeps
 * it, and answers expired quotes too until they are purged.
 */
@ApplicationScoped
public class QuoteService {

    private static final Logger LOG = Logger.getLogger(QuoteService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pool pool;
    private final Prices pricing;
    private final QuoteRepository quotes;
    private final QuotesConfig config;
    private final Clock clock;

    public QuoteService(Pool pool, Prices pricing, QuoteRepository quotes, QuotesConfig config, Clock clock) {
        this.pool = pool;
        this.pricing = pricing;
        this.quotes = quotes;
        this.config = config;
        this.clock = clock;
    }

    /** Prices the stay exactly as PriceStay does, and keeps the price for hotelmesh.quotes.ttl. */
    public Uni<Quote> create(StayRequest stay) {
        return pricing.priceStay(stay, true).flatMap(price -> {
            // Millisecond precision, so the stored quote reads back identical to the answer.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Quote quote = new Quote(newQuoteId(), UUID.randomUUID().toString(), stay.guestId(), stay.hotelId(),
                    stay.roomTypeId(), stay.startDate(), stay.endDate(), stay.rooms(), price, now,
                    now.plus(config.ttl()));
            return quotes.insert(pool, quote).replaceWith(quote);
        });
    }

    /** The quote as issued, expired or not. */
    public Uni<Quote> get(String quoteId) {
        RateValidator.quoteId(quoteId);
        return quotes.find(pool, quoteId).map(found -> found.orElseThrow(() -> notFound(quoteId)));
    }

    /** The one answer for a quote that does not exist or is not the caller's to see. */
    public static NotFound notFound(String quoteId) {
        return new NotFound("quote " + quoteId + " not found");
    }

    @Scheduled(identity = "quote-purge", every = "${hotelmesh.quotes.purge-every:1H}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledPurge() {
        return purgeExpired().invoke(deleted -> {
            if (deleted > 0) {
                LOG.infof("deleted %d quotes that expired more than %s ago", deleted, config.retention());
            }
        }).replaceWithVoid();
    }

    /** Deletes the quotes that expired more than hotelmesh.quotes.retention ago; returns how many. */
    public Uni<Integer> purgeExpired() {
        return quotes.deleteExpiredBefore(pool, clock.instant().minus(config.retention()));
    }

    /** "q_" and 22 URL-safe characters: 128 random bits, so a quote id cannot be guessed from another. */
    static String newQuoteId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "q_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
