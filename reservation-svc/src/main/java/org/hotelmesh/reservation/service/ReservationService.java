package org.hotelmesh.reservation.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.cache.AvailabilityCache;
import org.hotelmesh.reservation.domain.BookingRequest;
import org.hotelmesh.reservation.domain.CancelOutcome;
import org.hotelmesh.reservation.domain.InvalidInput;
import org.hotelmesh.reservation.domain.InventoryNight;
import org.hotelmesh.reservation.domain.NotFound;
import org.hotelmesh.reservation.domain.Page;
import org.hotelmesh.reservation.domain.PageRequest;
import org.hotelmesh.reservation.domain.PreconditionFailed;
import org.hotelmesh.reservation.domain.Reservation;
import org.hotelmesh.reservation.domain.ReservationException;
import org.hotelmesh.reservation.domain.ReservationStatus;
import org.hotelmesh.reservation.domain.StayPrice;
import org.hotelmesh.reservation.domain.StatusMachine;
import org.hotelmesh.reservation.domain.TimeFilter;
import org.hotelmesh.reservation.repository.InventoryRepository;
import org.hotelmesh.reservation.repository.ReservationRepository;
import org.hotelmesh.reservation.repository.ReservationRepository.ReleasedStay;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** The reservation use cases. Bookings go through the {@link BookingBatcher}; everything else is plain SQL. */
@ApplicationScoped
public class ReservationService {

    /** Preview of a cancellation: amounts in minor units of the reservation's currency (empty when unpriced). */
    public record CancellationTerms(long refundMinor, long feeMinor, String currency, String policy) {
    }

    private final Pool pool;
    private final ReservationRepository reservations;
    private final InventoryRepository inventory;
    private final BookingBatcher batcher;
    private final CatalogLookup catalog;
    private final BookingPricer pricer;
    private final AvailabilityCache cache;
    private final Clock clock;

    public ReservationService(Pool pool, ReservationRepository reservations, InventoryRepository inventory,
            BookingBatcher batcher, CatalogLookup catalog, BookingPricer pricer, AvailabilityCache cache,
            Clock clock) {
        this.pool = pool;
        this.reservations = reservations;
        this.inventory = inventory;
        this.batcher = batcher;
        this.catalog = catalog;
        this.pricer = pricer;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * Books, idempotently by reservation id: validated against the catalog, priced (by its quote or at this moment),
     * then decided by the batcher against the inventory.
     */
    public Uni<Reservation> create(BookingRequest request) {
        ReservationValidator.booking(request);
        return catalog.hotel(request.hotelId())
                .invoke(hotel -> ReservationValidator.againstCatalog(request, hotel, clock))
                .flatMap(hotel -> pricer.price(request).map(price -> new Priced(price, null))
                        .onFailure(ReservationException.class)
                        .recoverWithUni(failure -> replayUnpriced(request, (ReservationException) failure)))
                .flatMap(priced -> priced.price() == null ? Uni.createFrom().item(priced.stored())
                        : batcher.submit(request.priced(priced.price())));
    }

    /** A price for a new booking, or the stored reservation a replay answers with. */
    private record Priced(StayPrice price, Reservation stored) {
    }

    /**
     * A booking could not be priced now (rate-svc down, its quote expired since): if this is a replay of a booking
     * already made, it still gets its original answer, which needs no price; otherwise the pricing failure stands.
     */
    private Uni<Priced> replayUnpriced(BookingRequest request, ReservationException pricingFailure) {
        return reservations.find(pool, request.reservationId()).map(found -> {
            if (found.isEmpty()) {
                throw pricingFailure;
            }
            BookingEngine.Outcome replay = BookingEngine.replay(request, found.get());
            if (replay.failure() != null) {
                throw replay.failure();
            }
            return new Priced(null, replay.reservation());
        });
    }

    public Uni<Reservation> get(String reservationId) {
        ReservationValidator.reservationId(reservationId);
        return reservations.find(pool, reservationId)
                .map(found -> found.orElseThrow(() -> NotFound.reservation(reservationId)));
    }

    public Uni<Page<Reservation>> listForGuest(String guestId, TimeFilter when, PageRequest page) {
        if (guestId == null || guestId.isBlank()) {
            throw new InvalidInput("guestID", "is required");
        }
        return page("guest_id", guestId, when, page);
    }

    public Uni<Page<Reservation>> listForHotel(long hotelId, TimeFilter when, PageRequest page) {
        ReservationValidator.ids(hotelId, 0, true);
        return page("hotel_id", hotelId, when, page);
    }

    /**
     * Cancels a pending reservation and releases its inventory in the same transaction. The conditional status
     * update decides which of concurrent cancels releases; the others return the canceled reservation unchanged.
     */
    public Uni<CancelOutcome> cancel(String reservationId, String requestedBy) {
        ReservationValidator.reservationId(reservationId);
        String by = requestedBy == null || requestedBy.isBlank() ? "unknown" : requestedBy;
        return pool.withTransaction(conn -> reservations.cancelIfPending(conn, reservationId, by)
                        .flatMap(released -> released.isPresent()
                                ? release(conn, reservationId, released.get())
                                : explainNotCancelled(conn, reservationId)))
                .call(released -> cache.put(released.hotelId(), released.nights()))
                .flatMap(released -> get(reservationId)
                        .map(r -> new CancelOutcome(r, !released.nights().isEmpty())));
    }

    public Uni<CancellationTerms> previewCancellation(String reservationId) {
        return get(reservationId).map(r -> switch (r.status()) {
            case PENDING -> new CancellationTerms(0, 0, r.price() == null ? null : r.price().currency(),
                    "free: nothing has been paid");
            case PAID -> throw new PreconditionFailed("reservation " + reservationId
                    + " is paid; cancelling it needs a refund, which comes with payments (not available yet)");
            default -> throw new PreconditionFailed("reservation " + reservationId + " is already " + r.status().db());
        });
    }

    /** Whether the hotel has pending or paid stays whose check-out day is today or later. */
    public Uni<Boolean> hasFutureReservations(long hotelId) {
        ReservationValidator.ids(hotelId, 0, true);
        return reservations.hasActiveEndingOnOrAfter(pool, hotelId, SalesCalendar.today(clock));
    }

    /** The inventory rows a cancel gave rooms back to, as committed; none when this call released nothing. */
    private record Released(long hotelId, List<InventoryNight> nights) {
        static final Released NOTHING = new Released(0, List.of());
    }

    private Uni<Released> release(SqlConnection conn, String reservationId,
            ReleasedStay stay) {
        return inventory.release(conn, stay.hotelId(), stay.roomTypeId(), stay.startDate(), stay.endDate(),
                stay.rooms()).map(nights -> {
                    long expected = stay.startDate().datesUntil(stay.endDate()).count();
                    if (nights.size() != expected) {
                        throw new IllegalStateException("reservation " + reservationId + " held " + expected
                                + " nights but only " + nights.size() + " inventory rows exist");
                    }
                    return new Released(stay.hotelId(), nights);
                });
    }

    private Uni<Released> explainNotCancelled(SqlConnection conn,
            String reservationId) {
        return reservations.status(conn, reservationId).map(status -> {
            ReservationStatus current = status.orElseThrow(() -> NotFound.reservation(reservationId));
            if (current == ReservationStatus.CANCELED) {
                return Released.NOTHING; // cancelled before: idempotent, nothing more to release
            }
            if (current == ReservationStatus.PAID) {
                throw new PreconditionFailed("reservation " + reservationId
                        + " is paid; cancelling it needs a refund, which comes with payments (not available yet)");
            }
            StatusMachine.require(reservationId, current, ReservationStatus.CANCELED);
            throw new IllegalStateException("a pending reservation was not cancelled: " + reservationId);
        });
    }

    private Uni<Page<Reservation>> page(String column, Object owner, TimeFilter when, PageRequest page) {
        LocalDate today = SalesCalendar.today(clock);
        return reservations.page(pool, column, owner, when, today, page, page.size() + 1)
                .flatMap(items -> reservations.count(pool, column, owner, when, today).map(total -> {
                    boolean more = items.size() > page.size();
                    List<Reservation> shown = more ? items.subList(0, page.size()) : items;
                    Reservation last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
                    String token = more ? ReservationValidator.pageToken(last.startDate(), last.reservationId()) : "";
                    return new Page<>(List.copyOf(shown), token, total);
                }));
    }

}
