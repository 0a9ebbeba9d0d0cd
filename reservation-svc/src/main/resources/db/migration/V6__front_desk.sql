-- The front desk: a paid stay is checked in (rooms assigned) and out, or becomes a no-show; stays change; staff book
-- for guests.

-- Who made the booking (the guest, or the staff member who booked for them) and the name staff booked it under.
ALTER TABLE reservation ADD COLUMN booked_by varchar(128);
UPDATE reservation SET booked_by = guest_id;
ALTER TABLE reservation ALTER COLUMN booked_by SET NOT NULL;
ALTER TABLE reservation ADD COLUMN guest_name varchar(100);

ALTER TABLE reservation DROP CONSTRAINT reservation_status;
ALTER TABLE reservation ADD CONSTRAINT reservation_status CHECK (status IN ('pending', 'paid', 'rejected', 'canceled',
    'refunded', 'checked_in', 'checked_out', 'no_show'));

-- Every status after payment was paid for.
ALTER TABLE reservation DROP CONSTRAINT reservation_paid_captured;
ALTER TABLE reservation ADD CONSTRAINT reservation_paid_captured
    CHECK (status NOT IN ('paid', 'refunded', 'checked_in', 'checked_out', 'no_show') OR payment_state = 'captured');

-- The nights a stay keeps: all of them while pending, paid or checked in; those before nights_released_from once it
-- ended after it began (refunded: ended early by the hotel; checked_out: left, early when before end_date; no_show:
-- the arrival night and any since). So inventory equals, on every night, the rooms of the stays that keep it.
ALTER TABLE reservation DROP CONSTRAINT reservation_released_within_stay;
ALTER TABLE reservation ADD CONSTRAINT reservation_released_within_stay CHECK (
    CASE status
        WHEN 'refunded' THEN nights_released_from IS NULL
            OR (nights_released_from > start_date AND nights_released_from < end_date)
        WHEN 'checked_out' THEN nights_released_from IS NOT NULL
            AND nights_released_from > start_date AND nights_released_from <= end_date
        WHEN 'no_show' THEN nights_released_from IS NOT NULL
            AND nights_released_from > start_date AND nights_released_from <= end_date
        ELSE nights_released_from IS NULL
    END);

-- The state machine, enforced here too (StatusMachine is the code's copy):
--   pending -> paid | rejected | canceled; paid -> refunded | checked_in | no_show; checked_in -> checked_out.
CREATE OR REPLACE FUNCTION reservation_status_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
            OR (OLD.status = 'paid' AND NEW.status IN ('refunded', 'checked_in', 'no_show'))
            OR (OLD.status = 'checked_in' AND NEW.status = 'checked_out')) THEN
        RAISE EXCEPTION 'reservation % cannot go from % to %', OLD.reservation_id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'reservation_status_transition';
    END IF;
    NEW.version := OLD.version + 1;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

DROP INDEX reservation_hotel_active_idx;
CREATE INDEX reservation_hotel_active_idx ON reservation (hotel_id, end_date)
    WHERE status IN ('pending', 'paid', 'checked_in');
-- The no-show job's work list: paid stays by hotel and arrival (each hotel judged in its own calendar).
CREATE INDEX reservation_paid_arrival_idx ON reservation (hotel_id, start_date) WHERE status = 'paid';

-- The rooms of checked-in stays. A room is never given to two stays on one night: the exclusion constraint refuses
-- it whatever the code does (two desks at once, a bug). int8range(x, x, '[]') makes the ids comparable by a GiST
-- index without the btree_gist extension. A room move ends one row's nights where the next row's begin.
CREATE TABLE room_assignment (
    id             bigserial    PRIMARY KEY,
    reservation_id varchar(64)  NOT NULL REFERENCES reservation (reservation_id),
    hotel_id       bigint       NOT NULL,
    room_id        bigint       NOT NULL,
    room_number    varchar(20)  NOT NULL,
    nights         daterange    NOT NULL CONSTRAINT room_assignment_nights CHECK (NOT isempty(nights)
                                    AND NOT lower_inf(nights) AND NOT upper_inf(nights)),
    assigned_at    timestamptz  NOT NULL DEFAULT now(),
    assigned_by    varchar(128) NOT NULL,
    CONSTRAINT room_assignment_one_stay_per_night EXCLUDE USING gist (
        int8range(hotel_id, hotel_id, '[]') WITH =, int8range(room_id, room_id, '[]') WITH =, nights WITH &&)
);
CREATE INDEX room_assignment_reservation_idx ON room_assignment (reservation_id, id);

-- Changes of stay, idempotent by change_id. A change that costs more is charged first (state charging) and applied
-- once captured; one that costs less is applied and its difference refunded. before_* and after_* are the stay's
-- terms either side; the token is kept only while charging, like the booking's.
CREATE TABLE reservation_change (
    change_id            varchar(64)  PRIMARY KEY
        CONSTRAINT reservation_change_id_format CHECK (change_id ~ '^[A-Za-z0-9_-]{1,64}$'),
    reservation_id       varchar(64)  NOT NULL REFERENCES reservation (reservation_id),
    requested_by         varchar(128) NOT NULL,
    request_hash         char(64)     NOT NULL,
    requested_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    currency             char(3)      NOT NULL,
    before_room_type_id  bigint       NOT NULL,
    before_start_date    date         NOT NULL,
    before_end_date      date         NOT NULL,
    before_rooms         smallint     NOT NULL,
    before_total_minor   bigint       NOT NULL,
    after_room_type_id   bigint       NOT NULL,
    after_start_date     date         NOT NULL,
    after_end_date       date         NOT NULL,
    after_rooms          smallint     NOT NULL CONSTRAINT reservation_change_rooms CHECK (after_rooms BETWEEN 1 AND 9),
    after_total_minor    bigint       NOT NULL,
    after_nightly_minor  bigint[]     NOT NULL,
    after_quote_id       varchar(128),
    state                varchar(16)  NOT NULL
        CONSTRAINT reservation_change_state CHECK (state IN ('charging', 'applied', 'declined', 'sold_out')),
    payment_token        varchar(255),
    payment_id           varchar(64),
    decline_code         varchar(64),
    refund_state         varchar(16)  NOT NULL DEFAULT 'none'
        CONSTRAINT reservation_change_refund_state CHECK (refund_state IN ('none', 'requested', 'refunded', 'failed')),
    refund_minor         bigint       CONSTRAINT reservation_change_refund_amount CHECK (refund_minor > 0),
    CONSTRAINT reservation_change_dates CHECK (after_end_date > after_start_date
        AND after_end_date - after_start_date <= 30),
    CONSTRAINT reservation_change_nightly CHECK (cardinality(after_nightly_minor) = after_end_date - after_start_date),
    CONSTRAINT reservation_change_token_only_while_charging CHECK (state = 'charging' OR payment_token IS NULL),
    CONSTRAINT reservation_change_refund_owed CHECK ((refund_state = 'none') = (refund_minor IS NULL)),
    -- a change that cost more is charged before it applies; one that cost less or the same never charges
    CONSTRAINT reservation_change_charged_when_more CHECK (
        after_total_minor > before_total_minor OR (state = 'applied' AND payment_id IS NULL))
);
CREATE INDEX reservation_change_reservation_idx ON reservation_change (reservation_id, requested_at);
-- The recovery job's work list: charges whose outcome is unknown and refunds owed.
CREATE INDEX reservation_change_open_idx ON reservation_change (updated_at)
    WHERE state = 'charging' OR refund_state = 'requested';

CREATE FUNCTION reservation_change_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    IF NEW.state <> 'charging' THEN
        NEW.payment_token := NULL;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER reservation_change_touch
    BEFORE UPDATE ON reservation_change
    FOR EACH ROW EXECUTE FUNCTION reservation_change_touch();
