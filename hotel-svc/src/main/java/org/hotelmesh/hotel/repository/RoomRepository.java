package org.hotelmesh.hotel.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RoomRepository implements PanacheRepository<RoomEntity> {

    private static final String COUNTS = "select r.roomTypeId, count(r), "
            + "sum(case when r.inService = true then 1 else 0 end) from RoomEntity r where r.hotelId = :hotel";

    public Uni<RoomEntity> findInHotel(long hotelId, long roomId) {
        return find("hotelId = ?1 and id = ?2", hotelId, roomId).firstResult();
    }

    /** Rooms of the hotel with id > afterId (of one type when roomTypeId > 0), ordered by id. */
    public Uni<List<RoomEntity>> page(long hotelId, long roomTypeId, long afterId, int limit) {
        if (roomTypeId > 0) {
            return find("hotelId = ?1 and roomTypeId = ?2 and id > ?3", Sort.by("id"), hotelId, roomTypeId, afterId)
                    .range(0, limit - 1).list();
        }
        return find("hotelId = ?1 and id > ?2", Sort.by("id"), hotelId, afterId).range(0, limit - 1).list();
    }

    public Uni<Long> countInHotel(long hotelId, long roomTypeId) {
        return roomTypeId > 0
                ? count("hotelId = ?1 and roomTypeId = ?2", hotelId, roomTypeId)
                : count("hotelId = ?1", hotelId);
    }

    /** Room counts of every room type of the hotel that has rooms, in one aggregate query. */
    public Uni<Map<Long, RoomCounts>> countsByRoomType(long hotelId) {
        return getSession().flatMap(s -> s.createSelectionQuery(COUNTS + " group by r.roomTypeId", Object[].class)
                .setParameter("hotel", hotelId)
                .getResultList())
                .map(RoomRepository::toCounts);
    }

    public Uni<RoomCounts> countsOf(long hotelId, long roomTypeId) {
        return getSession().flatMap(s -> s.createSelectionQuery(
                COUNTS + " and r.roomTypeId = :type group by r.roomTypeId", Object[].class)
                .setParameter("hotel", hotelId)
                .setParameter("type", roomTypeId)
                .getResultList())
                .map(rows -> toCounts(rows).getOrDefault(roomTypeId, RoomCounts.NONE));
    }

    private static Map<Long, RoomCounts> toCounts(List<Object[]> rows) {
        Map<Long, RoomCounts> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put(((Number) row[0]).longValue(),
                    new RoomCounts(((Number) row[1]).intValue(), ((Number) row[2]).intValue()));
        }
        return counts;
    }
}
