package org.hotelmesh.hotel.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RoomTypeRepository implements PanacheRepository<RoomTypeEntity> {

    public Uni<RoomTypeEntity> findInHotel(long hotelId, long roomTypeId) {
        return find("hotelId = ?1 and id = ?2", hotelId, roomTypeId).firstResult();
    }

    public Uni<List<RoomTypeEntity>> listByHotel(long hotelId) {
        return list("hotelId = ?1", Sort.by("id"), hotelId);
    }

    /** The room types of these hotels, ordered by hotel, then id. */
    public Uni<List<RoomTypeEntity>> listByHotels(List<Long> hotelIds) {
        return list("hotelId in ?1", Sort.by("hotelId").and("id"), hotelIds);
    }

    public Uni<List<RoomTypeEntity>> page(long hotelId, long afterId, int limit) {
        return find("hotelId = ?1 and id > ?2", Sort.by("id"), hotelId, afterId).range(0, limit - 1).list();
    }

    public Uni<Long> countByHotel(long hotelId) {
        return count("hotelId = ?1", hotelId);
    }
}
