package org.hotelmesh.hotel.domain;

/** How to reach a hotel; both parts optional (null). */
public record Contact(String email, String phone) {
}
