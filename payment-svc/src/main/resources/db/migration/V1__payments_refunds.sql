-- One charge per reservation and one refund per reservation: the unique reservation_id is the idempotency key of
-- each operation, so a retried Charge or Refund finds the row of the first and can never move money twice.
CREATE TABLE payment (
    payment_id        text        PRIMARY KEY,
    reservation_id    text        NOT NULL UNIQUE,
    amount_minor      bigint      NOT NULL CHECK (amount_minor > 0),
    currency          char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- The processor's token (never a card number); kept so a charge left PROCESSING can be resumed.
    payment_token     text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('processing', 'captured', 'declined', 'failed',
                                                             'refunded', 'partially_refunded')),
    decline_code      text,
    payment_method    text,
    gateway_reference text,
    refunded_minor    bigint      NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT payment_refund_within_capture CHECK (refunded_minor >= 0 AND refunded_minor <= amount_minor),
    CONSTRAINT payment_refund_needs_capture CHECK (refunded_minor = 0 OR status IN ('refunded', 'partially_refunded')),
    CONSTRAINT payment_decline_has_code CHECK ((status = 'declined') = (decline_code IS NOT NULL))
);

CREATE INDEX payment_processing ON payment (updated_at) WHERE status = 'processing';

CREATE TABLE refund (
    refund_id         text        PRIMARY KEY,
    reservation_id    text        NOT NULL UNIQUE REFERENCES payment (reservation_id),
    amount_minor      bigint      NOT NULL CHECK (amount_minor > 0),
    reason            text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('processing', 'succeeded')),
    gateway_reference text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX refund_processing ON refund (updated_at) WHERE status = 'processing';
