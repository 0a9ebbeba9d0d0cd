-- A reservation may have several charges and several refunds, each idempotent by its own key:
--   a charge by (reservation_id, charge_id): '' is the booking's charge, any other id a further charge (a change of
--   stay that cost more);
--   a refund by (reservation_id, refund_id): '' is the refund that ends the reservation, any other id a further one.
-- A refund is taken from the reservation's captured charges, newest first, as one refund at the processor per charge
-- it touches: a part (refund_part), whose part_id is the processor's idempotency key. The refund table keeps the
-- refund as asked. Existing rows become charge '' and refund '', each old refund one part keeping its id, so a refund
-- still processing is asked about again with the key it was first asked with.

ALTER TABLE refund DROP CONSTRAINT refund_reservation_id_fkey;

ALTER TABLE payment ADD COLUMN charge_id text NOT NULL DEFAULT ''
    CONSTRAINT payment_charge_id_format CHECK (charge_id = '' OR charge_id ~ '^[A-Za-z0-9_-]{1,64}$');
ALTER TABLE payment DROP CONSTRAINT payment_reservation_id_key;
ALTER TABLE payment ADD CONSTRAINT payment_reservation_charge_key UNIQUE (reservation_id, charge_id);

CREATE TABLE refund_part (
    part_id           text        PRIMARY KEY,
    reservation_id    text        NOT NULL,
    refund_id         text        NOT NULL,
    payment_id        text        NOT NULL REFERENCES payment (payment_id),
    amount_minor      bigint      NOT NULL CHECK (amount_minor > 0),
    status            text        NOT NULL CHECK (status IN ('processing', 'succeeded')),
    gateway_reference text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT refund_part_once_per_charge UNIQUE (reservation_id, refund_id, payment_id)
);

INSERT INTO refund_part (part_id, reservation_id, refund_id, payment_id, amount_minor, status, gateway_reference,
                         created_at, updated_at)
SELECT r.refund_id, r.reservation_id, '', p.payment_id, r.amount_minor, r.status, r.gateway_reference, r.created_at,
       r.updated_at
FROM refund r JOIN payment p ON p.reservation_id = r.reservation_id AND p.charge_id = '';

-- The refund as asked: its amount is the sum of its parts, its state theirs.
DROP INDEX refund_processing;
ALTER TABLE refund DROP CONSTRAINT refund_pkey;
ALTER TABLE refund DROP CONSTRAINT refund_reservation_id_key;
ALTER TABLE refund DROP COLUMN status, DROP COLUMN gateway_reference, DROP COLUMN updated_at;
ALTER TABLE refund ADD COLUMN currency char(3);
UPDATE refund r SET refund_id = '', currency = p.currency
FROM payment p WHERE p.reservation_id = r.reservation_id AND p.charge_id = '';
ALTER TABLE refund ALTER COLUMN currency SET NOT NULL;
ALTER TABLE refund ADD CONSTRAINT refund_currency_format CHECK (currency ~ '^[A-Z]{3}$');
ALTER TABLE refund ADD CONSTRAINT refund_id_format CHECK (refund_id = '' OR refund_id ~ '^[A-Za-z0-9_-]{1,64}$');
ALTER TABLE refund ADD PRIMARY KEY (reservation_id, refund_id);

ALTER TABLE refund_part ADD CONSTRAINT refund_part_of_refund FOREIGN KEY (reservation_id, refund_id)
    REFERENCES refund (reservation_id, refund_id);
CREATE INDEX refund_part_processing ON refund_part (updated_at) WHERE status = 'processing';

-- The last line of defence behind the service's lock on a reservation's charges: the parts taken from a charge are
-- of its reservation, it was captured, and they never add up to more than it. The charge's row is locked first, so
-- concurrent inserts for one charge are judged one after the other, each seeing those committed before it.
CREATE FUNCTION refund_part_within_charge() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    charge payment%ROWTYPE;
    taken  bigint;
BEGIN
    SELECT * INTO charge FROM payment WHERE payment_id = NEW.payment_id FOR UPDATE;
    IF charge.reservation_id IS DISTINCT FROM NEW.reservation_id THEN
        RAISE EXCEPTION 'refund part % takes from payment %, which is not of reservation %', NEW.part_id,
            NEW.payment_id, NEW.reservation_id USING ERRCODE = 'check_violation';
    END IF;
    IF charge.status NOT IN ('captured', 'partially_refunded', 'refunded') THEN
        RAISE EXCEPTION 'refund part % takes from payment %, which is %, not captured', NEW.part_id, NEW.payment_id,
            charge.status USING ERRCODE = 'check_violation';
    END IF;
    SELECT coalesce(sum(amount_minor), 0) INTO taken FROM refund_part
    WHERE reservation_id = NEW.reservation_id AND payment_id = NEW.payment_id;
    IF taken + NEW.amount_minor > charge.amount_minor THEN
        RAISE EXCEPTION 'refund part % would take % from payment % of %, of which % is refunded or being refunded',
            NEW.part_id, NEW.amount_minor, NEW.payment_id, charge.amount_minor, taken
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER refund_part_within_charge BEFORE INSERT ON refund_part
    FOR EACH ROW EXECUTE FUNCTION refund_part_within_charge();
