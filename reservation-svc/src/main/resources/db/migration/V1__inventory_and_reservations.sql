-- Inventory and reservations live in one database so that a booking and its inventory change commit together.

-- The last capacity hotel-svc reported per room type; catalog_version lets late, older reports be ignored, and the
-- daily roll-forward uses it to create the next dates.
CREATE TABLE room_type_capacity (
    hotel_id         bigint      NOT NULL,
    room_type_id     bigint      NOT NULL,
    rooms_in_service integer     NOT NULL CHECK (rooms_in_service >= 0),
    catalog_version  bigint      NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (hotel_id, room_type_id)
);

-- Per room type overbooking ratio; absent = hotelmesh.inventory.default-overbooking-ratio.
CREATE TABLE overbooking_setting (
    hotel_id     bigint       NOT NULL,
    room_type_id bigint       NOT NULL,
    ratio        numeric(4,2) NOT NULL CONSTRAINT overbooking_setting_ratio CHECK (ratio BETWEEN 1.00 AND 2.00),
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (hotel_id, room_type_id)
);

CREATE TABLE room_type_inventory (
    hotel_id          bigint       NOT NULL,
    room_type_id      bigint       NOT NULL,
    date              date         NOT NULL,
    rooms_in_service  integer      NOT NULL CONSTRAINT inventory_rooms_in_service CHECK (rooms_in_service >= 0),
    maintenance       integer      NOT NULL DEFAULT 0 CONSTRAINT inventory_maintenance CHECK (maintenance >= 0),
    total_inventory   integer      GENERATED ALWAYS AS (greatest(rooms_in_service - maintenance, 0)) STORED,
    total_reserved    integer      NOT NULL DEFAULT 0 CONSTRAINT inventory_total_reserved CHECK (total_reserved >= 0),
    overbooking_ratio numeric(4,2) NOT NULL
        CONSTRAINT inventory_overbooking_ratio CHECK (overbooking_ratio BETWEEN 1.00 AND 2.00),
    version           bigint       NOT NULL DEFAULT 0,
    PRIMARY KEY (hotel_id, room_type_id, date)
);

-- The oversell guard, the last line of defence behind the booking engine's own check.
--
-- Why a trigger and not CHECK (total_reserved <= floor(total_inventory * overbooking_ratio)): a CHECK judges only the
-- new row, so it would also reject cutting capacity (maintenance, rooms out of service, a lower ratio) below what is
-- already sold. That cut must succeed -- the sold nights just become unsellable and nobody is cancelled. What must
-- never happen is total_reserved GROWING above the limit, and only a trigger sees OLD next to NEW.
--
-- The trigger also bumps version on every update, so no writer (capacity, maintenance, ratio, cancel) can forget the
-- optimistic-locking version that concurrent bookings check.
--
-- total_inventory is a generated column, and generated columns are not yet computed in a BEFORE trigger, so the
-- trigger derives it from rooms_in_service and maintenance exactly like the column definition does.
CREATE FUNCTION room_type_inventory_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    sellable integer := floor(greatest(NEW.rooms_in_service - NEW.maintenance, 0) * NEW.overbooking_ratio);
BEGIN
    IF TG_OP = 'UPDATE' THEN
        NEW.version := OLD.version + 1;
    END IF;
    IF NEW.total_reserved > sellable
            AND (TG_OP = 'INSERT' OR NEW.total_reserved > OLD.total_reserved) THEN
        RAISE EXCEPTION 'oversell refused: hotel % room type % on % would have % reserved of % sellable',
                NEW.hotel_id, NEW.room_type_id, NEW.date, NEW.total_reserved, sellable
            USING ERRCODE = 'check_violation', CONSTRAINT = 'room_type_inventory_oversell',
                  TABLE = 'room_type_inventory';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER room_type_inventory_guard
    BEFORE INSERT OR UPDATE ON room_type_inventory
    FOR EACH ROW EXECUTE FUNCTION room_type_inventory_guard();

CREATE TABLE reservation (
    reservation_id     varchar(64)  PRIMARY KEY
        CONSTRAINT reservation_id_format CHECK (reservation_id ~ '^[A-Za-z0-9_-]{1,64}$'),
    hotel_id           bigint       NOT NULL,
    room_type_id       bigint       NOT NULL,
    start_date         date         NOT NULL,
    end_date           date         NOT NULL,
    rooms              smallint     NOT NULL CONSTRAINT reservation_rooms CHECK (rooms BETWEEN 1 AND 9),
    guest_id           varchar(128) NOT NULL,
    status             varchar(16)  NOT NULL
        CONSTRAINT reservation_status CHECK (status IN ('pending', 'paid', 'rejected', 'canceled', 'refunded')),
    -- SHA-256 of the booking payload: the idempotency fingerprint compared when a reservation_id comes again
    request_hash       char(64)     NOT NULL,
    quote_id           varchar(128),
    currency           char(3),
    total_amount_minor bigint,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    version            bigint       NOT NULL DEFAULT 0,
    CONSTRAINT reservation_dates CHECK (end_date > start_date AND end_date - start_date <= 30),
    CONSTRAINT reservation_amount CHECK ((currency IS NULL) = (total_amount_minor IS NULL))
);

-- A guest's and a hotel's reservations, listed by arrival (keyset on start_date, reservation_id).
CREATE INDEX reservation_guest_idx ON reservation (guest_id, start_date, reservation_id) INCLUDE (end_date);
CREATE INDEX reservation_hotel_idx ON reservation (hotel_id, start_date, reservation_id) INCLUDE (end_date);
-- HasFutureReservations: active stays not yet checked out
CREATE INDEX reservation_hotel_active_idx ON reservation (hotel_id, end_date) WHERE status IN ('pending', 'paid');

CREATE TABLE reservation_status_change (
    id             bigserial    PRIMARY KEY,
    reservation_id varchar(64)  NOT NULL REFERENCES reservation (reservation_id),
    status         varchar(16)  NOT NULL,
    changed_at     timestamptz  NOT NULL DEFAULT now(),
    changed_by     varchar(128) NOT NULL
);
CREATE INDEX reservation_status_change_idx ON reservation_status_change (reservation_id, id);

-- The state machine, enforced here too (StatusMachine is the code's copy): a reservation is born pending;
-- pending -> paid | rejected | canceled; paid -> refunded; nothing else. Also bumps version and updated_at.
CREATE FUNCTION reservation_status_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'pending' THEN
            RAISE EXCEPTION 'a reservation starts as pending, not %', NEW.status
                USING ERRCODE = 'check_violation', CONSTRAINT = 'reservation_status_transition';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
            (OLD.status = 'pending' AND NEW.status IN ('paid', 'rejected', 'canceled'))
            OR (OLD.status = 'paid' AND NEW.status = 'refunded')) THEN
        RAISE EXCEPTION 'reservation % cannot go from % to %', OLD.reservation_id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'reservation_status_transition';
    END IF;
    NEW.version := OLD.version + 1;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

CREATE TRIGGER reservation_status_guard
    BEFORE INSERT OR UPDATE ON reservation
    FOR EACH ROW EXECUTE FUNCTION reservation_status_guard();
