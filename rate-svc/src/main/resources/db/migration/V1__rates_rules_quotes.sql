-- rate-svc: daily base prices, occupancy pricing rules and quotes.

-- All base prices of a hotel share one currency: the first one set. room_type_rate references (hotel_id, currency),
-- so the database itself refuses a price in another currency, whoever writes it.
CREATE TABLE hotel_currency (
    hotel_id   bigint      PRIMARY KEY,
    currency   char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (hotel_id, currency)
);

-- The base price of one night of a room type, before the occupancy adjustment. No row: not sellable that night.
CREATE TABLE room_type_rate (
    hotel_id         bigint      NOT NULL,
    room_type_id     bigint      NOT NULL,
    date             date        NOT NULL,
    base_price_minor bigint      NOT NULL CHECK (base_price_minor > 0),
    currency         char(3)     NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (hotel_id, room_type_id, date),
    FOREIGN KEY (hotel_id, currency) REFERENCES hotel_currency (hotel_id, currency)
);

-- Occupancy pricing rules of a hotel (room_type_id 0) or of one room type; floor/ceiling 0 = none.
CREATE TABLE pricing_rule (
    hotel_id      bigint      NOT NULL,
    room_type_id  bigint      NOT NULL CHECK (room_type_id >= 0),
    floor_minor   bigint      NOT NULL DEFAULT 0 CHECK (floor_minor BETWEEN 0 AND 100000000),
    ceiling_minor bigint      NOT NULL DEFAULT 0 CHECK (ceiling_minor BETWEEN 0 AND 100000000),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (hotel_id, room_type_id),
    CHECK (floor_minor = 0 OR ceiling_minor = 0 OR floor_minor <= ceiling_minor)
);

-- The thresholds of a rule: from min_occupancy on, price = base x multiplier + surcharge (the highest one wins).
CREATE TABLE pricing_threshold (
    hotel_id        bigint       NOT NULL,
    room_type_id    bigint       NOT NULL,
    min_occupancy   numeric(5,4) NOT NULL CHECK (min_occupancy BETWEEN 0 AND 1),
    multiplier      numeric(6,4) NOT NULL CHECK (multiplier BETWEEN 0.1 AND 10),
    surcharge_minor bigint       NOT NULL CHECK (surcharge_minor BETWEEN -100000000 AND 100000000),
    PRIMARY KEY (hotel_id, room_type_id, min_occupancy),
    FOREIGN KEY (hotel_id, room_type_id) REFERENCES pricing_rule (hotel_id, room_type_id) ON DELETE CASCADE
);

-- A priced stay kept for the guest who asked: a booking that cites it is charged exactly total_minor. The nights are
-- parallel arrays (one element per night, from start_date on); they are only ever read back whole.
CREATE TABLE quote (
    quote_id                text        PRIMARY KEY,
    reservation_id          text        NOT NULL UNIQUE,
    guest_id                text        NOT NULL,
    hotel_id                bigint      NOT NULL,
    room_type_id            bigint      NOT NULL,
    start_date              date        NOT NULL,
    end_date                date        NOT NULL,
    rooms                   int         NOT NULL CHECK (rooms BETWEEN 1 AND 9),
    currency                char(3)     NOT NULL,
    total_minor             bigint      NOT NULL CHECK (total_minor > 0),
    night_dates             date[]      NOT NULL,
    night_prices_minor      bigint[]    NOT NULL,
    night_base_prices_minor bigint[]    NOT NULL,
    night_occupancies       float8[]    NOT NULL,
    created_at              timestamptz NOT NULL,
    expires_at              timestamptz NOT NULL,
    CHECK (end_date > start_date),
    CHECK (cardinality(night_dates) = end_date - start_date
        AND cardinality(night_prices_minor) = end_date - start_date
        AND cardinality(night_base_prices_minor) = end_date - start_date
        AND cardinality(night_occupancies) = end_date - start_date)
);

-- The purge job deletes by expiry.
CREATE INDEX quote_expires_at ON quote (expires_at);
