package org.hotelmesh.reservation.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.domain.BookingRequest;
import org.hotelmesh.reservation.domain.CancelOutcome;
import org.hotelmesh.reservation.domain.Page;
import org.hotelmesh.reservation.domain.PageRequest;
import org.hotelmesh.reservation.domain.PaymentState;
import org.hotelmesh.reservation.domain.RefundState;
import org.hotelmesh.reservation.domain.Reservation;
import org.hotelmesh.reservation.domain.ReservationStatus;
import org.hotelmesh.reservation.domain.StatusMachine;
import org.hotelmesh.reservation.domain.StayEnding;
import org.hotelmesh.reservation.domain.StayPrice;
import org.hotelmesh.reservation.domain.TimeFilter;
import org.hotelmesh.reservation.repository.ReservationRepository;
import org.hotelmesh.reservation.repository.SagaRepository;
import org.hotelmesh.support.catalog.CatalogLookup;
import org.hotelmesh.support.error.InvalidInput;
import org.hotelmesh.support.error.NotFound;
import org.hotelmesh.support.error.PreconditionFailed;
import org.hotelmesh.support.error.ServiceException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The reservation use cases. Bookings go through the {@link BookingBatcher} and then the {@link PaymentSaga};
 * everything else is plain SQL.
 */
@ApplicationScoped
public class Reservations {

    /**
     * Preview of a cancellation: amounts in minor units of the reservation's currency (empty when unpriced).
     * {@code feeMinor} is what the policy keeps beyond the nights already begun; {@code releaseFrom}, for a stay ended
     * early, the first night that goes back on sale (the nights before it stay held); null when the whole stay does.
     */
    public record CancellationTerms(long refundMinor, long feeMinor, String currency, String policy,
                                    LocalDate releaseFrom) {
    }

    private final Pool pool;
    private final ReservationRepository reservations;
    private final SagaRepository saga;
    private final BookingBatcher batcher;
    private final CatalogLookup catalog;
    private final BookingPricer pricer;
    private final PaymentSaga payments;
    private final Holds holds;
    private final CancellationPolicies policies;
    private final Clock clock;
    private final HotelCalendar calendar;

    public Reservations(Pool pool, ReservationRepository reservations, SagaRepository saga,
            BookingBatcher batcher, CatalogLookup catalog, BookingPricer pricer, PaymentSaga payments, Holds holds,
            CancellationPolicies policies, Clock clock, HotelCalendar calendar) {
        this.calendar = calendar;
        this.pool = pool;
        this.reservations = reservations;
        this.saga = saga;
        this.batcher = batcher;
        this.catalog = catalog;
        this.pricer = pricer;
        this.payments = payments;
        this.holds = holds;
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * Books, idempotently by reservation id: validated against the catalog, priced (by its quote or at this moment),
     * decided by the batcher against the inventory, then charged. Answers the reservation as the charge left it: paid,
     * rejected, or still pending when payment-svc did not answer in time (the recovery job finishes it; so does a
     * replay of this request).
     */
    public Uni<Reservation> create(BookingRequest request, boolean limitToGuest) {
        ReservationValidator.booking(request);
        // a guest booking for themselves is held to their limits in the booking's own transaction (GuestLimits)
        BookingRequest booking = limitToGuest ? request.heldToGuestLimits() : request;
        return catalog.hotel(request.hotelId(), request.roomTypeId())
                .invoke(hotel -> ReservationValidator.againstCatalog(request, hotel, clock))
                // off sale: no new booking, but a replay of one made before still gets its answer
                .flatMap(hotel -> hotel.get().offSale()
                        ? replayUnpriced(request, new PreconditionFailed(hotel.get().offSaleReason()))
                        : pricer.price(request).map(price -> new Priced(price, null))
                                .onFailure(ServiceException.class)
                                .recoverWithUni(failure -> replayUnpriced(request, (ServiceException) failure)))
                .flatMap(priced -> priced.price() == null ? Uni.createFrom().item(priced.replay())
                        : batcher.submit(booking.priced(priced.price())))
                .flatMap(outcome -> afterBooking(outcome.reservation(), outcome.created(), request.paymentToken()));
    }

    /** A price for a new booking, or the answer to a replay of one already made. */
    private record Priced(StayPrice price, BookingEngine.Outcome replay) {
    }

    /**
     * A booking could not be priced now (rate-svc down, its quote expired since): if this is a replay of a booking
     * already made, it still gets its original answer, which needs no price; otherwise the pricing failure stands.
     */
    private Uni<Priced> replayUnpriced(BookingRequest request, ServiceException pricingFailure) {
        return reservations.find(pool, request.reservationId()).map(found -> {
            if (found.isEmpty()) {
                throw pricingFailure;
            }
            BookingEngine.Outcome replay = BookingEngine.replay(request, found.get());
            if (replay.failure() != null) {
                throw replay.failure();
            }
            return new Priced(null, replay);
        });
    }

    /** Takes a booking's saga one step (charge it, or resume it on a replay) unless its payment is settled. */
    private Uni<Reservation> afterBooking(Reservation reservation, boolean created, String paymentToken) {
        if (!sagaOpen(reservation)) {
            return Uni.createFrom().item(reservation);
        }
        Uni<Void> step = created ? payments.charge(reservation, paymentToken)
                : payments.advance(reservation.reservationId(), PaymentSaga.Mode.RESUME);
        return step.flatMap(ignored -> get(reservation.reservationId()));
    }

    private static boolean sagaOpen(Reservation r) {
        return r.payment().state() == PaymentState.CHARGING || r.payment().refundState() == RefundState.REQUESTED;
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
     * Cancels: pending -> canceled; paid -> refunded, with the refund its cancellation policy allows (all of it when
     * {@code waiveFee}), asked of payment-svc at once and by the recovery job until it answers. The rooms are
     * released in the transaction that changes the status, and the conditional update decides which of concurrent
     * cancels does it; the others answer the reservation as it ends up. Cancelling again answers it unchanged.
     *
     * <p>A paid stay in progress (its first night has passed in the hotel's calendar) is ended early, and only by the
     * hotel ({@code endEarly}: staff, an administrator, a tool): the nights already begun are kept and stay held, only
     * the nights from today on go back on sale and are refunded, less whatever more the policy's fee keeps.
     */
    public Uni<CancelOutcome> cancel(String reservationId, String requestedBy, boolean waiveFee, boolean endEarly) {
        ReservationValidator.reservationId(reservationId);
        String by = requestedBy == null || requestedBy.isBlank() ? "unknown" : requestedBy;
        return pool.withTransaction(conn -> reservations.cancelIfPending(conn, reservationId, by)
                        .flatMap(ended -> holds.release(conn, reservationId, ended)))
                .call(holds::publish)
                .flatMap(released -> get(reservationId).flatMap(r -> {
                    if (released.any()) {
                        // a charge may still be running: if it captures, the saga refunds it in full
                        return settled(r).map(now -> new CancelOutcome(now, true));
                    }
                    return switch (r.status()) {
                        case PAID -> cancelPaid(r, by, waiveFee, endEarly);
                        case CANCELED, REFUNDED -> settled(r).map(now -> new CancelOutcome(now, false));
                        default -> {
                            StatusMachine.require(reservationId, r.status(), ReservationStatus.CANCELED);
                            throw new IllegalStateException("a pending reservation was not cancelled: " + reservationId);
                        }
                    };
                }));
    }

    private Uni<CancelOutcome> cancelPaid(Reservation paid, String by, boolean waiveFee, boolean endEarly) {
        String id = paid.reservationId();
        return terms(paid, waiveFee, endEarly)
                .flatMap(terms -> pool.withTransaction(conn -> saga.cancelPaid(conn, id, by, terms.refundMinor(),
                                terms.feeMinor(), terms.releaseFrom())
                        .flatMap(ended -> holds.release(conn, id, ended))))
                .call(holds::publish)
                .flatMap(released -> get(id).flatMap(r -> {
                    if (!released.any() && r.status() == ReservationStatus.PAID) {
                        throw new IllegalStateException("a paid reservation was not cancelled: " + id);
                    }
                    return settled(r).map(now -> new CancelOutcome(now, released.any()));
                }));
    }

    /**
     * The reservation once its open saga step is done: the refund a cancel made owed (a concurrent cancel waits for
     * the same step), or the charge still running on a canceled reservation. Never starts a charge.
     */
    private Uni<Reservation> settled(Reservation r) {
        return sagaOpen(r) ? payments.advance(r.reservationId(), PaymentSaga.Mode.SETTLE_ONLY)
                .flatMap(ignored -> get(r.reservationId())) : Uni.createFrom().item(r);
    }

    /** What cancelling now would refund and keep, under the reservation's policy (nothing kept when fee waived). */
    public Uni<CancellationTerms> previewCancellation(String reservationId, boolean waiveFee, boolean endEarly) {
        return get(reservationId).flatMap(r -> switch (r.status()) {
            case PENDING -> Uni.createFrom().item(new CancellationTerms(0, 0,
                    r.price() == null ? null : r.price().currency(),
                    r.payment().state() == PaymentState.CHARGING
                            ? "free: the payment has not been taken; if it completes after all, it is refunded in full"
                            : "free: nothing has been paid", null));
            case PAID -> terms(r, waiveFee, endEarly);
            default -> throw new PreconditionFailed("reservation " + reservationId + " is already " + r.status().db()
                    + " and cannot be canceled");
        });
    }

    /**
     * The refund and fee of cancelling a paid reservation today in the hotel's calendar. No refund includes a night
     * that has begun: those are kept (and stay held), and the fee keeps more only when it is more than they are.
     */
    private Uni<CancellationTerms> terms(Reservation paid, boolean waiveFee, boolean endEarly) {
        return calendar.today(paid.hotelId()).map(today -> {
            if (!today.isBefore(paid.endDate())) {
                throw new PreconditionFailed("reservation " + paid.reservationId() + " ended on " + paid.endDate()
                        + " (hotel time) and can no longer be canceled");
            }
            boolean inProgress = today.isAfter(paid.startDate());
            if (inProgress && !endEarly) {
                throw new PreconditionFailed("reservation " + paid.reservationId() + " began on "
                        + paid.startDate() + " (hotel time): a stay in progress cannot be canceled; the hotel's front"
                        + " desk can end it early, refunding the nights not yet begun");
            }
            int begun = inProgress ? (int) paid.startDate().datesUntil(today).count() : 0;
            StayEnding ending = StayEnding.of(paid, policies.of(paid), inProgress ? today : null, today, waiveFee);
            String words = waiveFee ? "fee waived by staff" : policies.of(paid).terms(paid.startDate());
            if (inProgress) {
                words = "ended early by the hotel on " + today + ": the " + begun + (begun == 1 ? " night" : " nights")
                        + " already begun are kept, the nights from today are refunded; " + words;
            } else if (waiveFee) {
                words += ": refunded in full";
            }
            return new CancellationTerms(ending.refundMinor(), ending.feeMinor(),
                    paid.price() == null ? null : paid.price().currency(), words, ending.releaseFrom());
        });
    }

    /** Whether the hotel has pending or paid stays whose check-out day is today or later. */
    public Uni<Boolean> hasFutureReservations(long hotelId) {
        ReservationValidator.ids(hotelId, 0, true);
        return reservations.hasActiveEndingOnOrAfter(pool, hotelId, SalesCalendar.earliestToday(clock));
    }

    private Uni<Page<Reservation>> page(String column, Object owner, TimeFilter when, PageRequest page) {
        LocalDate today = SalesCalendar.earliestToday(clock);
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
