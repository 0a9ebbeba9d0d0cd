-- The booking saga's progress, kept on the reservation so that a crash at any step can be finished from here:
--   payment_state: none (booked before payments) | charging (charge asked, outcome unknown here) | captured |
--                  declined | failed
--   refund_state:  none | requested (owed and being asked of payment-svc) | refunded | failed
-- payment_token is the processor's token (never card data): a charge that never reached payment-svc is resumed
-- with it. hold_expires_at: a reservation still pending after it is canceled and its rooms released.
ALTER TABLE reservation
    ADD COLUMN payment_token   varchar(255),
    ADD COLUMN payment_state   varchar(16) NOT NULL DEFAULT 'none'
        CONSTRAINT reservation_payment_state
            CHECK (payment_state IN ('none', 'charging', 'captured', 'declined', 'failed')),
    ADD COLUMN payment_id      varchar(64),
    ADD COLUMN decline_code    varchar(64),
    ADD COLUMN hold_expires_at timestamptz,
    ADD COLUMN refund_state    varchar(16) NOT NULL DEFAULT 'none'
        CONSTRAINT reservation_refund_state CHECK (refund_state IN ('none', 'requested', 'refunded', 'failed')),
    ADD COLUMN refund_minor    bigint CONSTRAINT reservation_refund_amount CHECK (refund_minor > 0),
    ADD COLUMN fee_minor       bigint CONSTRAINT reservation_fee_amount CHECK (fee_minor >= 0),
    -- the cancellation policy the reservation was booked under (null for reservations made before policies)
    ADD COLUMN cancel_free_until_days smallint,
    ADD COLUMN cancel_fee_kind        varchar(16),
    ADD COLUMN cancel_fee_percent     smallint;

-- paid means captured; a refund is owed only after a capture, and never more than was paid.
ALTER TABLE reservation ADD CONSTRAINT reservation_paid_captured
    CHECK (status NOT IN ('paid', 'refunded') OR payment_state = 'captured');
ALTER TABLE reservation ADD CONSTRAINT reservation_refund_after_capture
    CHECK (refund_state = 'none' OR payment_state = 'captured');
ALTER TABLE reservation ADD CONSTRAINT reservation_refund_at_most_paid
    CHECK (refund_minor IS NULL OR refund_minor <= total_amount_minor);
ALTER TABLE reservation ADD CONSTRAINT reservation_refund_owed
    CHECK ((refund_state = 'none') = (refund_minor IS NULL));

-- The recovery job's work list: outcomes not known yet and refunds owed. Small by construction (settled rows leave).
CREATE INDEX reservation_saga_open_idx ON reservation (updated_at)
    WHERE payment_state = 'charging' OR refund_state = 'requested';
-- The expiry job's work list.
CREATE INDEX reservation_hold_expiry_idx ON reservation (hold_expires_at) WHERE status = 'pending';

CREATE TABLE cancellation_policy (
    hotel_id        bigint      PRIMARY KEY,
    free_until_days smallint    NOT NULL CONSTRAINT cancellation_free_days CHECK (free_until_days BETWEEN 0 AND 365),
    fee_kind        varchar(16) NOT NULL CONSTRAINT cancellation_fee_kind CHECK (fee_kind IN ('first_night', 'percentage')),
    fee_percent     smallint    CONSTRAINT cancellation_fee_percent CHECK (fee_percent BETWEEN 1 AND 100),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cancellation_percent_given CHECK ((fee_kind = 'percentage') = (fee_percent IS NOT NULL))
);
