-- Ready to shard by hotel (docs/architecture.md#sharding): every table carries hotel_id, so a statement about one hotel
-- or one of its reservations can name the shard it belongs on, and a sharding engine can co-locate a reservation with
-- its history, rooms and changes (ShardingSphere binding tables; Citus co-located tables distributed by hotel_id).
--
-- And every statement reservation-svc sends must be one ShardingSphere-Proxy's PostgreSQL parser accepts: "date" is a
-- keyword there (the inventory's column is renamed to night), and a range column cannot be written through it
-- (room_assignment keeps its nights as two dates; the range the exclusion constraint needs is generated from them).

ALTER TABLE room_type_inventory RENAME COLUMN date TO night;

CREATE OR REPLACE FUNCTION room_type_inventory_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    sellable integer := floor(greatest(NEW.rooms_in_service - NEW.maintenance, 0) * NEW.overbooking_ratio);
BEGIN
    IF TG_OP = 'UPDATE' THEN
        NEW.version := OLD.version + 1;
    END IF;
    IF NEW.total_reserved > sellable
            AND (TG_OP = 'INSERT' OR NEW.total_reserved > OLD.total_reserved) THEN
        RAISE EXCEPTION 'oversell refused: hotel % room type % on % would have % reserved of % sellable',
                NEW.hotel_id, NEW.room_type_id, NEW.night, NEW.total_reserved, sellable
            USING ERRCODE = 'check_violation', CONSTRAINT = 'room_type_inventory_oversell',
                  TABLE = 'room_type_inventory';
    END IF;
    RETURN NEW;
END
$$;

ALTER TABLE reservation_status_change ADD COLUMN hotel_id bigint;
UPDATE reservation_status_change s SET hotel_id = r.hotel_id FROM reservation r WHERE r.reservation_id = s.reservation_id;
ALTER TABLE reservation_status_change ALTER COLUMN hotel_id SET NOT NULL;

ALTER TABLE reservation_change ADD COLUMN hotel_id bigint;
UPDATE reservation_change c SET hotel_id = r.hotel_id FROM reservation r WHERE r.reservation_id = c.reservation_id;
ALTER TABLE reservation_change ALTER COLUMN hotel_id SET NOT NULL;

ALTER TABLE room_assignment ADD COLUMN from_night date, ADD COLUMN to_night date;
UPDATE room_assignment SET from_night = lower(nights), to_night = upper(nights);
ALTER TABLE room_assignment DROP CONSTRAINT room_assignment_one_stay_per_night,
    DROP CONSTRAINT room_assignment_nights, DROP COLUMN nights;
ALTER TABLE room_assignment ALTER COLUMN from_night SET NOT NULL, ALTER COLUMN to_night SET NOT NULL,
    ADD CONSTRAINT room_assignment_nights CHECK (to_night > from_night),
    ADD COLUMN nights daterange GENERATED ALWAYS AS (daterange(from_night, to_night)) STORED,
    ADD CONSTRAINT room_assignment_one_stay_per_night EXCLUDE USING gist (
        int8range(hotel_id, hotel_id, '[]') WITH =, int8range(room_id, room_id, '[]') WITH =, nights WITH &&);

-- A reservation's history is written by the database, on the row's own shard, in the statement that changes the
-- status: the statement names who made the change in status_by (read once and cleared, so the next change names its
-- own maker; one made by hand in SQL is recorded as sql:<role>), and no statement has to insert history beside its
-- update (ShardingSphere cannot route an UPDATE and an INSERT joined in one WITH statement).
ALTER TABLE reservation ADD COLUMN status_by varchar(128);

-- The state machine, enforced here too (StatusMachine is the code's copy):
--   pending -> paid | rejected | canceled; paid -> refunded | checked_in | no_show; checked_in -> checked_out.
CREATE OR REPLACE FUNCTION reservation_status_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'pending' THEN
            RAISE EXCEPTION 'a reservation starts as pending, not %', NEW.status
                USING ERRCODE = 'check_violation', CONSTRAINT = 'reservation_status_transition';
        END IF;
        NEW.status_by := NULL;
        RETURN NEW;
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        IF NOT ((OLD.status = 'pending' AND NEW.status IN ('paid', 'rejected', 'canceled'))
                OR (OLD.status = 'paid' AND NEW.status IN ('refunded', 'checked_in', 'no_show'))
                OR (OLD.status = 'checked_in' AND NEW.status = 'checked_out')) THEN
            RAISE EXCEPTION 'reservation % cannot go from % to %', OLD.reservation_id, OLD.status, NEW.status
                USING ERRCODE = 'check_violation', CONSTRAINT = 'reservation_status_transition';
        END IF;
        INSERT INTO reservation_status_change (reservation_id, hotel_id, status, changed_by)
        VALUES (NEW.reservation_id, NEW.hotel_id, NEW.status,
                coalesce(NEW.status_by, 'sql:' || session_user));
    END IF;
    NEW.status_by := NULL;
    NEW.version := OLD.version + 1;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

-- A new reservation's first history row: pending, by whoever booked it. After the insert, so the row it refers to
-- exists when the foreign key is checked.
CREATE FUNCTION reservation_born() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reservation_status_change (reservation_id, hotel_id, status, changed_by, changed_at)
    VALUES (NEW.reservation_id, NEW.hotel_id, NEW.status, NEW.booked_by, NEW.created_at);
    RETURN NULL;
END
$$;

CREATE TRIGGER reservation_born
    AFTER INSERT ON reservation
    FOR EACH ROW EXECUTE FUNCTION reservation_born();

-- The desk's question "which of these rooms has a stay on these nights", asked with plain comparisons.
CREATE INDEX room_assignment_room_idx ON room_assignment (hotel_id, room_id, to_night);
