package org.hotelmesh.reservation.repository;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Rows of {@code INSERT ... VALUES} written one per item, each with parameters of its own: a sharding engine routes an
 * INSERT by the values of its rows (an {@code INSERT ... SELECT FROM unnest(...)} it cannot route).
 */
final class ValuesRows {

    private ValuesRows() {
    }

    /** The next row's markers after {@code bound} parameters already bound: {@code ($bound+1, ..., $bound+count)}. */
    static String row(int bound, int count) {
        return IntStream.rangeClosed(bound + 1, bound + count).mapToObj(n -> "$" + n)
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
