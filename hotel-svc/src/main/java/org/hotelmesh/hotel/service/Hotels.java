package org.hotelmesh.hotel.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.hotel.cache.HotelDetailsCache;
import org.hotelmesh.hotel.client.ReservationClient;
import org.hotelmesh.hotel.domain.Hotel;
import org.hotelmesh.hotel.domain.HotelDetails;
import org.hotelmesh.hotel.domain.HotelFilter;
import org.hotelmesh.hotel.domain.HotelInput;
import org.hotelmesh.hotel.domain.Page;
import org.hotelmesh.hotel.domain.PageRequest;
import org.hotelmesh.hotel.domain.Place;
import org.hotelmesh.hotel.domain.Room;
import org.hotelmesh.hotel.domain.RoomInput;
import org.hotelmesh.hotel.domain.RoomType;
import org.hotelmesh.hotel.domain.RoomTypeInput;
import org.hotelmesh.hotel.outbox.CapacityPublisher;
import org.hotelmesh.hotel.repository.CapacityOutboxRepository;
import org.hotelmesh.hotel.repository.ConstraintViolation;
import org.hotelmesh.hotel.repository.HotelEntity;
import org.hotelmesh.hotel.repository.HotelRepository;
import org.hotelmesh.hotel.repository.RoomCounts;
import org.hotelmesh.hotel.repository.RoomEntity;
import org.hotelmesh.hotel.repository.RoomRepository;
import org.hotelmesh.hotel.repository.RoomTypeEntity;
import org.hotelmesh.hotel.repository.RoomTypeRepository;
import org.hotelmesh.support.client.DownstreamUnavailable;
import org.hotelmesh.support.error.Conflict;
import org.hotelmesh.support.error.DependencyUnavailable;
import org.hotelmesh.support.error.InvalidInput;
import org.hotelmesh.support.error.NotFound;
import org.hotelmesh.support.error.PreconditionFailed;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The catalog use cases. Every write locks the hotel row, bumps its version in the same transaction, and after the
 * commit invalidates the cached details before the caller gets its answer.
 * <p>
 * A write that can change a room type's count of rooms in service also queues that count in the capacity outbox,
 * in the same transaction and at the hotel's new version, and after the commit kicks its delivery to
 * reservation-svc (see {@link CapacityPublisher}).
 */
@ApplicationScoped
public class Hotels {

    private static final Logger LOG = Logger.getLogger(Hotels.class);

    private final HotelRepository hotels;
    private final RoomTypeRepository roomTypes;
    private final RoomRepository rooms;
    private final CapacityOutboxRepository capacityOutbox;
    private final HotelDetailsCache cache;
    private final CapacityPublisher capacityPublisher;
    private final ReservationClient reservations;

    public Hotels(HotelRepository hotels, RoomTypeRepository roomTypes, RoomRepository rooms,
            CapacityOutboxRepository capacityOutbox, HotelDetailsCache cache, CapacityPublisher capacityPublisher,
            ReservationClient reservations) {
        this.hotels = hotels;
        this.roomTypes = roomTypes;
        this.rooms = rooms;
        this.capacityOutbox = capacityOutbox;
        this.cache = cache;
        this.capacityPublisher = capacityPublisher;
        this.reservations = reservations;
    }

    // ---- hotels

    public Uni<HotelDetails> getHotelDetails(long hotelId) {
        HotelValidator.ids("hotelID", hotelId);
        return Panache.withSession(() -> hotels.findById(hotelId)
                .onItem().ifNull().failWith(() -> NotFound.hotel(hotelId))
                .flatMap(hotel -> roomTypes.listByHotel(hotelId)
                        .flatMap(types -> rooms.countsByRoomType(hotelId)
                                .map(counts -> new HotelDetails(hotel.toDomain(), withCounts(types, counts))))));
    }

    public Uni<Page<Hotel>> listHotels(HotelFilter filter, PageRequest page) {
        HotelValidator.hotelFilter(filter);
        return Panache.withSession(() -> hotels.page(filter, page.afterId(), page.size() + 1)
                .flatMap(items -> hotels.count(filter)
                        .map(total -> page(items, page, total, e -> e.id, HotelEntity::toDomain))));
    }

    /**
     * The first {@code limit} hotels (by id) matching the filter (a city, a country or both) with their room types,
     * in two queries whatever the number of hotels; {@link Found#more()} tells that more match. The room types' room
     * counts are not counted here: that would read every room of a city's hotels, many times what the rest costs.
     */
    public Uni<Found> findHotels(HotelFilter filter, int limit) {
        HotelValidator.findHotels(filter, limit);
        return Panache.withSession(() -> hotels.matching(filter, limit + 1).flatMap(matching -> {
            boolean more = matching.size() > limit;
            List<HotelEntity> found = more ? matching.subList(0, limit) : matching;
            if (found.isEmpty()) {
                return Uni.createFrom().item(new Found(List.of(), false));
            }
            List<Long> ids = found.stream().map(h -> h.id).toList();
            return roomTypes.listByHotels(ids).map(types -> {
                Map<Long, List<RoomTypeEntity>> byHotel = types.stream()
                        .collect(Collectors.groupingBy(t -> t.hotelId));
                return new Found(found.stream().map(h -> new HotelDetails(h.toDomain(),
                        withCounts(byHotel.getOrDefault(h.id, List.of()), Map.of()))).toList(), more);
            });
        }));
    }

    /** Hotels found for a place; {@code more}: more matched than were asked for. */
    public record Found(List<HotelDetails> hotels, boolean more) {
    }

    /** The cities whose name starts with {@code prefix}, ignoring case, most hotels first. */
    public Uni<List<Place>> suggestPlaces(String prefix, int limit) {
        HotelValidator.places(prefix, limit);
        return Panache.withSession(() -> hotels.places(prefix, limit))
                .map(rows -> rows.stream().map(row -> new Place((String) row[0], (String) row[1],
                        ((Number) row[2]).intValue())).toList());
    }

    public Uni<Hotel> createHotel(HotelInput input) {
        HotelValidator.hotel(input);
        return Panache.withTransaction(() -> {
            HotelEntity hotel = new HotelEntity();
            hotel.apply(input);
            hotel.version = 1;
            hotel.createdAt = now();
            hotel.updatedAt = hotel.createdAt;
            return hotels.persistAndFlush(hotel).map(HotelEntity::toDomain);
        });
    }

    public Uni<Hotel> updateHotel(long hotelId, HotelInput input) {
        HotelValidator.ids("hotelID", hotelId);
        HotelValidator.hotel(input);
        return write(hotelId, hotel -> {
            hotel.apply(input);
            hotel.updatedAt = now();
            return hotels.flush().map(ignored -> hotel.toDomain());
        });
    }

    /** Takes the hotel off sale or puts it back; the version moves, so every cached copy of it is replaced. */
    public Uni<Hotel> setOffSale(long hotelId, boolean offSale) {
        HotelValidator.ids("hotelID", hotelId);
        return write(hotelId, hotel -> {
            hotel.offSale = offSale;
            hotel.updatedAt = now();
            return hotels.flush().map(ignored -> hotel.toDomain());
        });
    }

    /**
     * Refused while reservation-svc knows upcoming stays at the hotel, and when it cannot be asked (never deleted
     * blind). Room types and rooms go with the hotel (ON DELETE CASCADE); each room type's capacity is reported
     * as 0. The question is asked before the transaction so that no row lock is held across a remote call; a
     * booking made in that window survives (capacity 0 only stops further sales), which closing would take a
     * lock across services.
     */
    public Uni<Void> deleteHotel(long hotelId) {
        HotelValidator.ids("hotelID", hotelId);
        Executor requestContext = CallerContext.current();
        return Panache.withSession(() -> requireHotel(hotelId))
                .chain(() -> Uni.createFrom().deferred(() -> reservations.hasFutureReservations(hotelId))
                        .onFailure().transform(failure -> reservationsUnknown(hotelId, failure))
                        .emitOn(requestContext))
                .chain(hasFuture -> {
                    if (hasFuture) {
                        return Uni.createFrom().failure(new PreconditionFailed("hotel " + hotelId
                                + " has upcoming reservations; cancel them first"));
                    }
                    return Panache.withTransaction(() -> hotels.lock(hotelId)
                            .onItem().ifNull().failWith(() -> NotFound.hotel(hotelId))
                            .call(hotel -> {
                                hotel.version++;
                                return capacityOutbox.enqueueHotelRemoval(hotelId, hotel.version);
                            })
                            .flatMap(hotel -> hotels.delete(hotel)));
                })
                .invoke(() -> capacityPublisher.kick(hotelId))
                .call(() -> cache.invalidate(hotelId));
    }

    // ---- room types

    public Uni<RoomType> getRoomType(long hotelId, long roomTypeId) {
        HotelValidator.ids("hotelID", hotelId, "roomTypeID", roomTypeId);
        return Panache.withSession(() -> requireHotel(hotelId)
                .flatMap(ignored -> requireRoomType(hotelId, roomTypeId))
                .flatMap(type -> rooms.countsOf(hotelId, roomTypeId).map(type::toDomain)));
    }

    public Uni<Page<RoomType>> listRoomTypes(long hotelId, PageRequest page) {
        HotelValidator.ids("hotelID", hotelId);
        return Panache.withSession(() -> requireHotel(hotelId)
                .flatMap(ignored -> roomTypes.page(hotelId, page.afterId(), page.size() + 1))
                .flatMap(items -> roomTypes.countByHotel(hotelId)
                        .flatMap(total -> rooms.countsByRoomType(hotelId)
                                .map(counts -> page(items, page, total, e -> e.id,
                                        e -> e.toDomain(counts.getOrDefault(e.id, RoomCounts.NONE)))))));
    }

    public Uni<RoomType> createRoomType(long hotelId, RoomTypeInput input) {
        HotelValidator.ids("hotelID", hotelId);
        HotelValidator.roomType(input);
        return write(hotelId, hotel -> {
            RoomTypeEntity type = new RoomTypeEntity();
            type.hotelId = hotelId;
            type.apply(input);
            type.createdAt = now();
            type.updatedAt = type.createdAt;
            return roomTypes.persistAndFlush(type)
                    .onFailure().transform(e -> translate(e, hotelId, input.name(), null))
                    .call(saved -> capacityOutbox.enqueueCount(hotelId, saved.id, hotel.version))
                    .map(saved -> saved.toDomain(RoomCounts.NONE));
        }, true);
    }

    public Uni<RoomType> updateRoomType(long hotelId, long roomTypeId, RoomTypeInput input) {
        HotelValidator.ids("hotelID", hotelId, "roomTypeID", roomTypeId);
        HotelValidator.roomType(input);
        return write(hotelId, hotel -> requireRoomType(hotelId, roomTypeId).flatMap(type -> {
            type.apply(input);
            type.updatedAt = now();
            return roomTypes.flush()
                    .onFailure().transform(e -> translate(e, hotelId, input.name(), null))
                    .flatMap(ignored -> rooms.countsOf(hotelId, roomTypeId))
                    .map(type::toDomain);
        }));
    }

    public Uni<Void> deleteRoomType(long hotelId, long roomTypeId) {
        HotelValidator.ids("hotelID", hotelId, "roomTypeID", roomTypeId);
        return write(hotelId, hotel -> requireRoomType(hotelId, roomTypeId)
                .flatMap(type -> rooms.countInHotel(hotelId, roomTypeId).flatMap(count -> {
                    if (count > 0) {
                        return Uni.createFrom().failure(stillHasRooms(roomTypeId, count));
                    }
                    return roomTypes.delete(type).call(() -> roomTypes.flush())
                            .onFailure().transform(e -> translate(e, hotelId, null, null))
                            .call(() -> capacityOutbox.enqueueCount(hotelId, roomTypeId, hotel.version));
                })), true);
    }

    // ---- rooms

    public Uni<Room> getRoom(long hotelId, long roomId) {
        HotelValidator.ids("hotelID", hotelId, "roomID", roomId);
        return Panache.withSession(() -> requireHotel(hotelId)
                .flatMap(ignored -> rooms.findInHotel(hotelId, roomId))
                .onItem().ifNull().failWith(() -> NotFound.room(hotelId, roomId))
                .map(RoomEntity::toDomain));
    }

    /** Rooms of the hotel, of one room type when roomTypeId > 0. */
    public Uni<Page<Room>> listRooms(long hotelId, long roomTypeId, PageRequest page) {
        HotelValidator.ids("hotelID", hotelId);
        if (roomTypeId < 0) {
            throw new InvalidInput("roomTypeID", "must be a positive id, or 0 for all room types");
        }
        return Panache.withSession(() -> requireHotel(hotelId)
                .flatMap(ignored -> roomTypeId > 0
                        ? requireRoomType(hotelId, roomTypeId).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .flatMap(ignored -> rooms.page(hotelId, roomTypeId, page.afterId(), page.size() + 1))
                .flatMap(items -> rooms.countInHotel(hotelId, roomTypeId)
                        .map(total -> page(items, page, total, e -> e.id, RoomEntity::toDomain))));
    }

    public Uni<Room> createRoom(long hotelId, RoomInput input) {
        HotelValidator.ids("hotelID", hotelId);
        HotelValidator.room(input);
        return write(hotelId, hotel -> requireTypeOfRoom(hotelId, input.roomTypeId()).flatMap(ignored -> {
            RoomEntity room = new RoomEntity();
            room.hotelId = hotelId;
            room.apply(input);
            room.createdAt = now();
            room.updatedAt = room.createdAt;
            return rooms.persistAndFlush(room)
                    .onFailure().transform(e -> translate(e, hotelId, null, input))
                    .call(saved -> capacityOutbox.enqueueCount(hotelId, saved.roomTypeId, hotel.version))
                    .map(RoomEntity::toDomain);
        }), true);
    }

    public Uni<Room> updateRoom(long hotelId, long roomId, RoomInput input) {
        HotelValidator.ids("hotelID", hotelId, "roomID", roomId);
        HotelValidator.room(input);
        return write(hotelId, hotel -> rooms.findInHotel(hotelId, roomId)
                .onItem().ifNull().failWith(() -> NotFound.room(hotelId, roomId))
                .call(ignored -> requireTypeOfRoom(hotelId, input.roomTypeId()))
                .flatMap(room -> {
                    long previousType = room.roomTypeId;
                    room.apply(input);
                    room.updatedAt = now();
                    return rooms.flush()
                            .onFailure().transform(e -> translate(e, hotelId, null, input))
                            .call(() -> capacityOutbox.enqueueCount(hotelId, room.roomTypeId, hotel.version))
                            // a room moved to another type leaves its old type one room short
                            .call(() -> previousType == room.roomTypeId ? Uni.createFrom().voidItem()
                                    : capacityOutbox.enqueueCount(hotelId, previousType, hotel.version))
                            .map(ignored -> room.toDomain());
                }), true);
    }

    public Uni<Void> deleteRoom(long hotelId, long roomId) {
        HotelValidator.ids("hotelID", hotelId, "roomID", roomId);
        return write(hotelId, hotel -> rooms.findInHotel(hotelId, roomId)
                .onItem().ifNull().failWith(() -> NotFound.room(hotelId, roomId))
                .flatMap(room -> rooms.delete(room)
                        .call(() -> capacityOutbox.enqueueCount(hotelId, room.roomTypeId, hotel.version))),
                true);
    }

    // ---- helpers

    private <T> Uni<T> write(long hotelId, Function<HotelEntity, Uni<T>> change) {
        return write(hotelId, change, false);
    }

    /**
     * Runs a write in one transaction: lock the hotel row, bump its version (committed with the change), then
     * after the commit invalidate the cached details. Invalidation must follow the commit (see HotelDetailsCache).
     * When {@code capacityQueued}, the change queued capacity counts and their delivery is kicked after the commit.
     */
    private <T> Uni<T> write(long hotelId, Function<HotelEntity, Uni<T>> change, boolean capacityQueued) {
        return Panache.withTransaction(() -> hotels.lock(hotelId)
                .onItem().ifNull().failWith(() -> NotFound.hotel(hotelId))
                .flatMap(hotel -> {
                    hotel.version++;
                    return change.apply(hotel);
                }))
                .invoke(() -> {
                    if (capacityQueued) {
                        capacityPublisher.kick(hotelId);
                    }
                })
                .call(() -> cache.invalidate(hotelId));
    }

    /** Whatever kept reservation-svc from answering, the hotel must not be deleted without its answer. */
    private static DependencyUnavailable reservationsUnknown(long hotelId, Throwable failure) {
        if (failure instanceof DownstreamUnavailable) {
            LOG.warnf("could not ask reservation-svc about hotel %d before deleting it: %s", hotelId,
                    failure.getMessage());
        } else {
            LOG.errorf(failure, "asking reservation-svc about hotel %d before deleting it failed", hotelId);
        }
        return new DependencyUnavailable("cannot check the hotel's reservations right now; nothing was deleted");
    }

    private Uni<HotelEntity> requireHotel(long hotelId) {
        return hotels.findById(hotelId).onItem().ifNull().failWith(() -> NotFound.hotel(hotelId));
    }

    private Uni<RoomTypeEntity> requireRoomType(long hotelId, long roomTypeId) {
        return roomTypes.findInHotel(hotelId, roomTypeId)
                .onItem().ifNull().failWith(() -> NotFound.roomType(hotelId, roomTypeId));
    }

    /** A room's type is part of the room's input, so a foreign one is a bad argument rather than a missing thing. */
    private Uni<RoomTypeEntity> requireTypeOfRoom(long hotelId, long roomTypeId) {
        return roomTypes.findInHotel(hotelId, roomTypeId)
                .onItem().ifNull().failWith(() -> new InvalidInput("roomTypeID",
                        "room type " + roomTypeId + " does not exist in hotel " + hotelId));
    }

    private static PreconditionFailed stillHasRooms(long roomTypeId, long count) {
        return new PreconditionFailed("room type " + roomTypeId + " still has " + count + " room"
                + (count == 1 ? "" : "s") + "; delete or move them first");
    }

    /** Turns a constraint violation reported by PostgreSQL into the domain error a client can act on. */
    private static Throwable translate(Throwable failure, long hotelId, String roomTypeName, RoomInput room) {
        return ConstraintViolation.of(failure).<Throwable>map(v -> {
            if (v.is(ConstraintViolation.UNIQUE, "room_hotel_number_uq") && room != null) {
                return new Conflict("room number " + room.number() + " already exists in hotel " + hotelId);
            }
            if (v.is(ConstraintViolation.UNIQUE, "room_type_hotel_name_uq") && roomTypeName != null) {
                return new Conflict("room type name '" + roomTypeName + "' already exists in hotel " + hotelId);
            }
            if (v.is(ConstraintViolation.FOREIGN_KEY, "room_room_type_fk")) {
                return room != null
                        ? new InvalidInput("roomTypeID",
                                "room type " + room.roomTypeId() + " does not exist in hotel " + hotelId)
                        : new PreconditionFailed("the room type still has rooms; delete or move them first");
            }
            return failure;
        }).orElse(failure);
    }

    private static List<RoomType> withCounts(List<RoomTypeEntity> types, Map<Long, RoomCounts> counts) {
        return types.stream().map(t -> t.toDomain(counts.getOrDefault(t.id, RoomCounts.NONE))).toList();
    }

    /** items holds up to size + 1 rows; the extra row only tells that a next page exists. */
    private static <E, T> Page<T> page(List<E> items, PageRequest page, long total, Function<E, Long> id,
            Function<E, T> toDomain) {
        boolean more = items.size() > page.size();
        List<E> shown = more ? items.subList(0, page.size()) : items;
        long next = more ? id.apply(shown.get(shown.size() - 1)) : 0;
        return new Page<>(shown.stream().map(toDomain).toList(), next, total);
    }

    private static Instant now() {
        // PostgreSQL keeps microseconds; truncating keeps what we answer equal to what a later read returns.
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
