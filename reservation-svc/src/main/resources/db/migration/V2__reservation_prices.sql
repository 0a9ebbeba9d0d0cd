-- The price of each night of a reservation (per room, in the reservation's currency), first night first.
-- Reservations made before pricing existed have no price at all; a priced one has currency, total and every night.
ALTER TABLE reservation ADD COLUMN nightly_prices_minor bigint[];

ALTER TABLE reservation ADD CONSTRAINT reservation_nightly_prices CHECK (
    nightly_prices_minor IS NULL
    OR (currency IS NOT NULL
        AND cardinality(nightly_prices_minor) = end_date - start_date
        AND array_position(nightly_prices_minor, NULL) IS NULL
        AND 0 < ALL (nightly_prices_minor)));

ALTER TABLE reservation ADD CONSTRAINT reservation_priced_completely CHECK (
    (currency IS NULL) = (nightly_prices_minor IS NULL));
