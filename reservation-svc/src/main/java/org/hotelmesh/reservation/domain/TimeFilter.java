package org.hotelmesh.reservation.domain;

public enum TimeFilter {
    ALL, UPCOMING, PAST
}
