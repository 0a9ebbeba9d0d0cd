package org.hotelmesh.edge.api;

/**
 * What a change of stay would cost, nothing changed: the stay now, the stay asked for, and after.total - before.total.
 */
public record StayChangePreviewDto(StayTermsDto before, StayTermsDto after, MoneyDto difference) {
}
