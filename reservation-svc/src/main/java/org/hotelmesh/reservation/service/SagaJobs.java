package org.hotelmesh.reservation.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.config.SagaConfig;
import org.hotelmesh.reservation.repository.ReservationRepository;
import org.hotelmesh.reservation.repository.SagaRepository;
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
 * payment-svc (a charge captured in time makes them paid; one that captures later is refunded by recovery).</li>
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

    public SagaJobs(Pool pool, SagaRepository saga, ReservationRepository reservations, PaymentSaga payments,
            Holds holds, SagaConfig config) {
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

    /** One recovery pass; the number of reservations it took a step on. */
    public Uni<Integer> recover() {
        return saga.open(pool, config.recoverAfter(), config.batchSize())
                .flatMap(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> payments.advance(id, PaymentSaga.Mode.RESUME)
                                .replaceWith(id))
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
