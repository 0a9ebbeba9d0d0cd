package org.hotelmesh.reservation.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.config.SagaConfig;
import org.hotelmesh.reservation.repository.ReservationRepository;
import org.hotelmesh.reservation.repository.SagaRepository;
import org.hotelmesh.reservation.repository.StayChangeRepository;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The saga's background work, safe to run on every replica at once (every step is conditional):
 * <ul>
 * <li>recovery: reservations whose payment outcome is unknown here, or whose refund is owed, are taken one step
 * further by asking payment-svc (a crash between charge and status update, payment-svc down or slow);</li>
 * <li>expiry: pending reservations whose hold ended are canceled and their rooms released, after one last look at
 * payment-svc (a charge captured in time makes them paid; one that captures later is refunded by recovery);</li>
 * <li>changes of stay whose difference's charge has no known outcome, or whose refund is owed, likewise;</li>
 * <li>no-shows: paid stays not checked in by the end of their arrival day ({@link FrontDesk#markNoShow}).</li>
 * </ul>
 */
@ApplicationScoped
public class SagaJobs {

    private static final Logger LOG = Logger.getLogger(SagaJobs.class);

    private final Pool pool;
    private final SagaRepository saga;
    private final ReservationRepository reservations;
    private final PaymentSaga payments;
    private final Holds holds;
    private final SagaConfig config;
    private final StayChangeRepository changes;
    private final StayChanges stayChanges;
    private final FrontDesk frontDesk;
    private final HotelCalendar calendar;

    public SagaJobs(Pool pool, SagaRepository saga, ReservationRepository reservations, PaymentSaga payments,
            Holds holds, SagaConfig config, StayChangeRepository changes, StayChanges stayChanges,
            FrontDesk frontDesk, HotelCalendar calendar) {
        this.changes = changes;
        this.stayChanges = stayChanges;
        this.frontDesk = frontDesk;
        this.calendar = calendar;
        this.pool = pool;
        this.saga = saga;
        this.reservations = reservations;
        this.payments = payments;
        this.holds = holds;
        this.config = config;
    }

    @Scheduled(every = "${hotelmesh.saga.recover-every:5s}", delayed = "${hotelmesh.saga.recover-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> recoverScheduled() {
        // what a step changes is logged by PaymentSaga; a charge still processing is looked at again every run
        return recover().invoke(n -> LOG.debugf("recovery looked at %d reservation(s) with an open payment step", n))
                .replaceWithVoid();
    }

    @Scheduled(every = "${hotelmesh.saga.expire-every:30s}", delayed = "${hotelmesh.saga.expire-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expireScheduled() {
        return expire().invoke(n -> {
            if (n > 0) {
                LOG.infof("%d pending reservation(s) reached the end of their hold", n);
            }
        }).replaceWithVoid();
    }

    @Scheduled(every = "${hotelmesh.front-desk.no-show-every:5m}", delayed = "${hotelmesh.front-desk.no-show-every:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> noShowsScheduled() {
        return noShows().invoke(n -> {
            if (n > 0) {
                LOG.infof("%d paid stay(s) were not checked in by the end of their arrival day: no-show", n);
            }
        }).replaceWithVoid();
    }

    /** One recovery pass; the number of reservations and changes it took a step on. */
    public Uni<Integer> recover() {
        Uni<Integer> bookings = saga.open(pool, config.recoverAfter(), config.batchSize())
                .flatMap(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> payments.advance(id, PaymentSaga.Mode.RESUME)
                                .replaceWith(id))
                        .collect().asList().map(List::size));
        return bookings.flatMap(booked -> changes.open(pool, config.recoverAfter(), config.batchSize())
                .flatMap(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> stayChanges.step(id, false).replaceWith(id))
                        .collect().asList().map(done -> booked + done.size())));
    }

    /**
     * One no-show pass: each hotel with paid stays that arrived before the latest today anywhere is judged in its own
     * calendar, and its stays whose arrival day has ended are marked (at most {@code batch-size} per hotel and pass;
     * the conditional transition makes a concurrent pass a no-op). The number marked.
     */
    public Uni<Integer> noShows() {
        return reservations.hotelsWithPaidArrivalsBefore(pool, calendar.latestToday())
                .flatMap(hotels -> Multi.createFrom().iterable(hotels)
                        .onItem().transformToUniAndConcatenate(hotel -> calendar.today(hotel)
                                .flatMap(today -> reservations.paidArrivingBefore(pool, hotel, today,
                                        config.batchSize()))
                                .onFailure().recoverWithItem(failure -> {
                                    LOG.warnf(failure, "no-shows of hotel %d not looked at; the next pass retries",
                                            hotel);
                                    return List.of();
                                }))
                        .onItem().transformToMultiAndConcatenate(ids -> Multi.createFrom().iterable(ids))
                        .onItem().transformToUniAndConcatenate(id -> frontDesk.markNoShow(id)
                                .onFailure().recoverWithItem(failure -> {
                                    LOG.warnf(failure, "no-show of reservation %s not marked; the next pass retries",
                                            id);
                                    return false;
                                }))
                        .filter(Boolean::booleanValue)
                        .collect().asList().map(List::size));
    }

    /** One expiry pass; the number of pending reservations whose hold had ended. */
    public Uni<Integer> expire() {
        return saga.expiredHolds(pool, config.batchSize())
                .flatMap(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> expire(id).replaceWith(id))
                        .collect().asList().map(List::size));
    }

    private Uni<Void> expire(String id) {
        return payments.advance(id, PaymentSaga.Mode.SETTLE_ONLY)
                .flatMap(ignored -> pool.withTransaction(conn -> reservations.expireIfPending(conn, id,
                                SagaRepository.BY_HOLD_EXPIRY)
                        .flatMap(ended -> holds.release(conn, id, ended))))
                .call(holds::publish)
                .replaceWithVoid();
    }
}
