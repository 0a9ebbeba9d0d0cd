package org.hotelmesh.edge.api;

/** An amount in minor units (cents for EUR) and its ISO-4217 currency. */
public record MoneyDto(long amount, String currency) {
}
