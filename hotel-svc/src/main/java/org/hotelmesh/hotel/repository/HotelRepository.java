package org.hotelmesh.hotel.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hotelmesh.hotel.domain.HotelFilter;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class HotelRepository implements PanacheRepository<HotelEntity> {

    /**
     * Loads the hotel with a row lock: every write in the catalog takes it first, which serialises writes per hotel
     * (so counts checked before a delete stay true) and lets the writer bump the version in the same transaction.
     */
    public Uni<HotelEntity> lock(long hotelId) {
        return findById(hotelId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Up to limit hotels with id > afterId, ordered by id. */
    public Uni<List<HotelEntity>> page(HotelFilter filter, long afterId, int limit) {
        Parameters params = filterParameters(filter).and("after", afterId);
        return find(filterQuery(filter) + " and id > :after", Sort.by("id"), params).range(0, limit - 1).list();
    }

    /** Up to limit hotels matching the filter, ordered by id. */
    public Uni<List<HotelEntity>> matching(HotelFilter filter, int limit) {
        return find(filterQuery(filter), Sort.by("id"), filterParameters(filter)).range(0, limit - 1).list();
    }

    /**
     * Up to limit cities whose name starts with the prefix, ignoring case (as PostgreSQL's lower() folds it), most
     * hotels first: {the city as one of its hotels spells it, country, hotel count}.
     */
    public Uni<List<Object[]>> places(String prefix, int limit) {
        String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return getSession().flatMap(s -> s.createSelectionQuery("select min(h.city), h.country, count(h)"
                        + " from HotelEntity h where lower(h.city) like lower(:pattern) escape '\\'"
                        + " group by lower(h.city), h.country order by count(h) desc, lower(h.city), h.country",
                        Object[].class)
                .setParameter("pattern", pattern)
                .setMaxResults(limit)
                .getResultList());
    }

    public Uni<Long> count(HotelFilter filter) {
        return count(filterQuery(filter), filterParameters(filter));
    }

    private static String filterQuery(HotelFilter filter) {
        StringBuilder q = new StringBuilder("1 = 1");
        if (filter.city() != null) {
            q.append(" and lower(city) = lower(:city)");
        }
        if (filter.country() != null) {
            q.append(" and country = :country");
        }
        return q.toString();
    }

    private static Parameters filterParameters(HotelFilter filter) {
        Parameters p = new Parameters();
        if (filter.city() != null) {
            p.and("city", filter.city());
        }
        if (filter.country() != null) {
            p.and("country", filter.country());
        }
        return p;
    }
}
