package org.hotelmesh.edge.api;

import java.time.LocalDate;

/** A validated half-open range of dates: startDate is the first night, endDate the day after the last. */
public record DateSpan(LocalDate startDate, LocalDate endDate) {
}
