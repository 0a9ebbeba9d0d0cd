package org.hotelmesh.rate.domain;

/** A threshold as a client (or the configuration) wrote it, before validation. */
public record ThresholdInput(double minOccupancy, double multiplier, long surchargeMinor) {
}
