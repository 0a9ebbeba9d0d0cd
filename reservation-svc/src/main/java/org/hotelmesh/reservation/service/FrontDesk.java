package org.hotelmesh.reservation.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.domain.Reservation;
import org.hotelmesh.reservation.domain.ReservationStatus;
import org.hotelmesh.reservation.domain.RoomAssignment;
import org.hotelmesh.reservation.domain.RoomTaken;
import org.hotelmesh.reservation.domain.StayEnding;
import org.hotelmesh.reservation.repository.ReservationRepository;
import org.hotelmesh.reservation.repository.RoomAssignmentRepository;
import org.hotelmesh.reservation.repository.SagaRepository;
import org.hotelmesh.reservation.repository.SqlStates;
import org.hotelmesh.support.catalog.CatalogLookup;
import org.hotelmesh.support.catalog.HotelClient;
import org.hotelmesh.support.catalog.HotelClient.RoomInfo;
import org.hotelmesh.support.error.InvalidInput;
import org.hotelmesh.support.error.NotFound;
import org.hotelmesh.support.error.PreconditionFailed;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * The front desk's work on paid stays: check-in with rooms (picked by staff or free ones chosen here), room moves,
 * check-out (early: the nights from today go back on sale and are refunded under the reservation's policy), and the
 * no-show of a stay not checked in by the end of its arrival day. Days are the hotel's calendar.
 *
 * <p>Rooms come from hotel-svc (which rooms of a type exist and are in service); which are taken is ours. Assignments of
 * one room type take turns under a transaction lock, and the table's exclusion constraint refuses a double assignment
 * whatever happens, answered as {@link RoomTaken}.
 */
@ApplicationScoped
public class FrontDesk {

    private static final Logger LOG = Logger.getLogger(FrontDesk.class);

    /** Who the history names for the no-show job's transitions. */
    public static final String BY_NO_SHOW = "system:no-show";

    /** The most reservations one front-desk view lists. */
    static final int DESK_LIMIT = 500;

    /** A day at the desk. {@code checkedInToday}: arrivals done that day. */
    public record Day(LocalDate date, List<Reservation> arrivals, List<Reservation> checkedInToday,
            List<Reservation> inHouse, List<Reservation> departures) {
    }

    /** A stay's check-out: the reservation after it, and what its early end refunded (0 when none). */
    public record CheckOut(Reservation reservation, long refundMinor) {
    }

    private final Pool pool;
    private final ReservationRepository reservations;
    private final RoomAssignmentRepository assignments;
    private final SagaRepository saga;
    private final Holds holds;
    private final PaymentSaga payments;
    private final CancellationPolicies policies;
    private final HotelClient hotels;
    private final HotelCalendar calendar;
    private final CatalogLookup catalog;

    public FrontDesk(Pool pool, ReservationRepository reservations, RoomAssignmentRepository assignments,
            SagaRepository saga, Holds holds, PaymentSaga payments, CancellationPolicies policies, HotelClient hotels,
            HotelCalendar calendar, CatalogLookup catalog) {
        this.catalog = catalog;
        this.pool = pool;
        this.reservations = reservations;
        this.assignments = assignments;
        this.saga = saga;
        this.holds = holds;
        this.payments = payments;
        this.policies = policies;
        this.hotels = hotels;
        this.calendar = calendar;
    }

    /**
     * The desk of {@code hotelId} on {@code date} (null: today). Rooms hotel-svc now says are out of service (or no
     * longer has) are flagged on the stays still using them; when hotel-svc cannot be asked, the desk is shown unflagged.
     */
    public Uni<Day> day(long hotelId, LocalDate date) {
        ReservationValidator.ids(hotelId, 0, true);
        Uni<LocalDate> day = date != null ? Uni.createFrom().item(date) : calendar.today(hotelId);
        return day.flatMap(on -> reservations.frontDesk(pool, hotelId, on, DESK_LIMIT)
                .flatMap(stays -> outOfService(hotelId, stays).map(out -> {
                    List<Reservation> arrivals = new ArrayList<>();
                    List<Reservation> checkedInToday = new ArrayList<>();
                    List<Reservation> inHouse = new ArrayList<>();
                    List<Reservation> departures = new ArrayList<>();
                    for (Reservation r : stays) {
                        Reservation shown = r.withAssignments(r.assignments().stream()
                                .map(a -> a.outOfService(a.to().isAfter(on) && out.contains(a.roomId()))).toList());
                        if (r.status() == ReservationStatus.PAID) {
                            arrivals.add(shown);
                            continue;
                        }
                        if (r.startDate().equals(on)) {
                            checkedInToday.add(shown);
                        }
                        (r.endDate().isAfter(on) ? inHouse : departures).add(shown);
                    }
                    return new Day(on, arrivals, checkedInToday, inHouse, departures);
                })));
    }

    /** Rooms of the stays' types that hotel-svc has out of service or no longer has; none when it cannot be asked. */
    private Uni<Set<Long>> outOfService(long hotelId, List<Reservation> stays) {
        Set<Long> used = stays.stream().flatMap(r -> r.assignments().stream()).map(RoomAssignment::roomId)
                .collect(Collectors.toSet());
        if (used.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return hotels.rooms(hotelId, 0).map(rooms -> {
            Set<Long> out = new HashSet<>(used);
            rooms.stream().filter(RoomInfo::inService).forEach(room -> out.remove(room.id()));
            return (Set<Long>) out;
        }).onFailure().recoverWithItem(failure -> {
            LOG.warnf("front desk of hotel %d: rooms out of service not flagged (%s)", hotelId, failure.getMessage());
            return Set.of();
        });
    }

    /**
     * Rooms of the type in service and free on every night of [from, to), in hotel-svc's order; NOT_FOUND for a room
     * type that is not the hotel's.
     */
    public Uni<List<RoomInfo>> freeRooms(long hotelId, long roomTypeId, LocalDate from, LocalDate to) {
        ReservationValidator.range(hotelId, roomTypeId, false, from, to);
        return catalog.known(hotelId, roomTypeId).chain(() -> inService(hotelId, roomTypeId)).flatMap(rooms -> rooms.isEmpty() ? Uni.createFrom().item(rooms)
                : assignments.taken(pool, hotelId, ids(rooms), from, to)
                        .map(taken -> rooms.stream().filter(room -> !taken.contains(room.id())).toList()));
    }

    /**
     * paid -> checked_in with one room per booked room: {@code roomIds} (staff's pick) or free rooms picked here.
     * Checking in a checked-in stay answers it unchanged. {@code r}: the reservation as the caller just read it.
     */
    public Uni<Reservation> checkIn(Reservation r, List<Long> roomIds, String by) {
        String reservationId = r.reservationId();
        if (r.status() == ReservationStatus.CHECKED_IN) {
            return Uni.createFrom().item(r);
        }
        requireStatus(r, ReservationStatus.PAID, "checked in");
        if (!roomIds.isEmpty() && (roomIds.size() != r.rooms() || new HashSet<>(roomIds).size() != r.rooms())) {
            throw new InvalidInput("roomIDs", "must name " + r.rooms() + (r.rooms() == 1 ? " room" : " distinct rooms")
                    + ", one per booked room (or none, to have free rooms picked)");
        }
        return calendar.today(r.hotelId()).flatMap(today -> {
            if (today.isBefore(r.startDate())) {
                throw new PreconditionFailed("reservation " + reservationId + " arrives on " + r.startDate()
                        + " (hotel time): check-in opens that day");
            }
            if (!today.isBefore(r.endDate())) {
                throw new PreconditionFailed("reservation " + reservationId + " ended on " + r.endDate()
                        + " (hotel time)");
            }
            return inService(r.hotelId(), r.roomTypeId());
        }).flatMap(rooms -> pool.withTransaction(tx -> assignments.lockRoomType(tx, r.hotelId(), r.roomTypeId())
                        .chain(() -> pick(tx, r, rooms, roomIds, r.startDate(), r.rooms()))
                        .call(picked -> reservations.transition(tx, reservationId, ReservationStatus.PAID,
                                ReservationStatus.CHECKED_IN, by).flatMap(moved -> moved
                                ? assignments.assign(tx, reservationId, r.hotelId(), picked, by)
                                : Uni.createFrom().voidItem())))
                .onFailure(failure -> SqlStates.is(failure, SqlStates.EXCLUSION_VIOLATION))
                .transform(failure -> RoomTaken.meanwhile("on a night of this stay by another desk")))
                .flatMap(ignored -> get(reservationId));
    }

    /** A checked-in guest moves from {@code fromRoomId} to {@code toRoomId} (0: a free room picked here) from today. */
    public Uni<Reservation> moveRoom(Reservation r, long fromRoomId, long toRoomId, String by) {
        String reservationId = r.reservationId();
        if (fromRoomId <= 0) {
            throw new InvalidInput("fromRoomID", "is required");
        }
        if (toRoomId < 0 || toRoomId == fromRoomId) {
            throw new InvalidInput("toRoomID", "must be another room (or 0, to have a free one picked)");
        }
        requireStatus(r, ReservationStatus.CHECKED_IN, "moved to another room");
        return calendar.today(r.hotelId()).flatMap(today -> {
            if (!today.isBefore(r.endDate())) {
                throw new PreconditionFailed("reservation " + reservationId + " was due out on " + r.endDate()
                        + ": check it out instead");
            }
            boolean inRoom = r.assignments().stream()
                    .anyMatch(a -> a.roomId() == fromRoomId && a.to().isAfter(today));
            if (!inRoom) {
                throw new InvalidInput("fromRoomID", "room " + fromRoomId + " is not this stay's room from "
                        + today);
            }
            List<Long> named = toRoomId == 0 ? List.of() : List.of(toRoomId);
            return inService(r.hotelId(), r.roomTypeId()).flatMap(rooms -> pool.withTransaction(tx -> assignments
                            .lockRoomType(tx, r.hotelId(), r.roomTypeId())
                            .chain(() -> pick(tx, r, rooms, named, today, 1))
                            .call(() -> assignments.endBefore(tx, r.hotelId(), reservationId, today, fromRoomId))
                            .call(picked -> assignments.assign(tx, reservationId, r.hotelId(), picked, by)))
                    .onFailure(failure -> SqlStates.is(failure, SqlStates.EXCLUSION_VIOLATION))
                    .transform(failure -> RoomTaken.meanwhile("from " + today + " by another desk")));
        }).flatMap(ignored -> get(reservationId));
    }

    /**
     * Picks {@code count} rooms of the stay's type for its nights from {@code from}: the {@code named} ones, each of
     * the type, in service and free; else the first free ones.
     */
    private Uni<List<RoomAssignment>> pick(SqlClient tx, Reservation r, List<RoomInfo> rooms,
            List<Long> named, LocalDate from, int count) {
        Map<Long, RoomInfo> byId = rooms.stream().collect(Collectors.toMap(RoomInfo::id, Function.identity()));
        for (long id : named) {
            if (!byId.containsKey(id)) {
                throw new InvalidInput("roomIDs", "room " + id + " is not an in-service room of room type "
                        + r.roomTypeId() + " at hotel " + r.hotelId());
            }
        }
        if (rooms.isEmpty()) {
            throw new PreconditionFailed("room type " + r.roomTypeId() + " has no room in service");
        }
        return assignments.taken(tx, r.hotelId(), ids(rooms), from, r.endDate()).map(taken -> {
            List<RoomInfo> chosen = new ArrayList<>();
            if (!named.isEmpty()) {
                for (long id : named) {
                    RoomInfo room = byId.get(id);
                    if (taken.contains(id)) {
                        throw new RoomTaken(room.number(), "on a night from " + from + " to " + r.endDate());
                    }
                    chosen.add(room);
                }
            } else {
                rooms.stream().filter(room -> !taken.contains(room.id())).limit(count).forEach(chosen::add);
                if (chosen.size() < count) {
                    throw new PreconditionFailed("only " + chosen.size() + " of the " + count + " rooms needed of room"
                            + " type " + r.roomTypeId() + " are free from " + from + " to " + r.endDate()
                            + "; free a room or move a guest");
                }
            }
            return chosen.stream().map(room -> new RoomAssignment(room.id(), room.number(), from, r.endDate(), false))
                    .toList();
        });
    }

    /**
     * checked_in -> checked_out. On or after the departure day nothing is given back; before it, an early departure:
     * the nights from today (from the second night when the guest leaves on the arrival day: the room was theirs) go
     * back on sale, their rooms are freed, and they are refunded under the reservation's policy. Idempotent.
     */
    public Uni<CheckOut> checkOut(Reservation r, String by) {
        if (r.status() == ReservationStatus.CHECKED_OUT) {
            return Uni.createFrom().item(new CheckOut(r, refunded(r)));
        }
        requireStatus(r, ReservationStatus.CHECKED_IN, "checked out");
        return calendar.today(r.hotelId()).flatMap(today -> {
            LocalDate releaseFrom = latest(r.startDate().plusDays(1), today);
            StayEnding ending = releaseFrom.isBefore(r.endDate())
                    ? StayEnding.of(r, policies.of(r), releaseFrom, today, false)
                    : new StayEnding(0, 0, r.endDate());
            return end(r, ReservationStatus.CHECKED_IN, ReservationStatus.CHECKED_OUT, by, ending);
        }).map(ended -> new CheckOut(ended.reservation(), refunded(ended.reservation())));
    }

    /**
     * paid -> no_show when the stay's arrival day has ended in the hotel's calendar and it was not checked in: the
     * arrival night is kept (at least; the policy's fee as of the arrival day if it is more), the nights from today go
     * back on sale and the rest is refunded. True when this call marked it; safe to run anywhere at once.
     */
    public Uni<Boolean> markNoShow(String reservationId) {
        return reservations.find(pool, reservationId).flatMap(found -> {
            if (found.isEmpty() || found.get().status() != ReservationStatus.PAID) {
                return Uni.createFrom().item(false);
            }
            Reservation r = found.get();
            return calendar.today(r.hotelId()).flatMap(today -> {
                if (!today.isAfter(r.startDate())) {
                    return Uni.createFrom().item(false);
                }
                LocalDate releaseFrom = today.isBefore(r.endDate()) ? today : r.endDate();
                StayEnding ending = StayEnding.of(r, policies.of(r), releaseFrom, r.startDate(), false);
                return end(r, ReservationStatus.PAID, ReservationStatus.NO_SHOW, BY_NO_SHOW, ending)
                        .map(Ended::byThisCall);
            });
        });
    }

    /** A stay after {@link #end}: whether this call ended it (another may have been first). */
    private record Ended(Reservation reservation, boolean byThisCall) {
    }

    /**
     * Ends the stay as {@code to} in one transaction: the status with the refund owed, the nights from the ending's
     * first night released and the rooms freed from it; then the refund is asked for. Another call that ended it first
     * makes this one a no-op.
     */
    private Uni<Ended> end(Reservation r, ReservationStatus from, ReservationStatus to, String by,
            StayEnding ending) {
        String id = r.reservationId();
        return pool.withTransaction(tx -> saga.endAfterPayment(tx, id, from, to, by, ending.refundMinor(),
                                ending.feeMinor(), ending.releaseFrom())
                        .call(ended -> ended.isEmpty() ? Uni.createFrom().voidItem()
                                : assignments.endBefore(tx, r.hotelId(), id, ending.releaseFrom(), null))
                        .flatMap(ended -> holds.release(tx, id, ended)
                                .map(released -> ended.isPresent() ? released : null)))
                .call(released -> released == null ? Uni.createFrom().voidItem() : holds.publish(released))
                .call(() -> ending.refundMinor() > 0 ? payments.advance(id, PaymentSaga.Mode.SETTLE_ONLY)
                        : Uni.createFrom().voidItem())
                .flatMap(released -> get(id).map(after -> new Ended(after, released != null)));
    }

    private Uni<Reservation> get(String reservationId) {
        return reservations.find(pool, reservationId).map(found -> found.orElseThrow(
                () -> NotFound.reservation(reservationId)));
    }

    private Uni<List<RoomInfo>> inService(long hotelId, long roomTypeId) {
        return hotels.rooms(hotelId, roomTypeId).map(rooms -> rooms.stream()
                .filter(room -> room.inService() && room.roomTypeId() == roomTypeId).toList());
    }

    private static List<Long> ids(List<RoomInfo> rooms) {
        return new ArrayList<>(new LinkedHashSet<>(rooms.stream().map(RoomInfo::id).toList()));
    }

    private static long refunded(Reservation r) {
        return r.payment().refundMinor() == null ? 0 : r.payment().refundMinor();
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static void requireStatus(Reservation r, ReservationStatus wanted, String what) {
        if (r.status() != wanted) {
            throw new PreconditionFailed("reservation " + r.reservationId() + " is " + r.status().db() + ": only a "
                    + wanted.db().replace('_', ' ') + " reservation can be " + what);
        }
    }
}
