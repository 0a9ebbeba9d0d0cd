-- A paid stay the hotel ends early keeps the nights already begun (they were sold and stayed in) and gives back the
-- rest: nights_released_from is the first night that went back on sale. Inventory therefore equals the rooms of the
-- active stays (pending, paid) on every night, plus those of stays ended early on their nights before it.
ALTER TABLE reservation ADD COLUMN nights_released_from date;
ALTER TABLE reservation ADD CONSTRAINT reservation_released_within_stay
    CHECK (nights_released_from IS NULL
           OR (status = 'refunded' AND nights_released_from > start_date AND nights_released_from < end_date));
