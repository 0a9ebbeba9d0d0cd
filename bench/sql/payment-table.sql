-- payment-svc's payment table (its V1 migration: keys, checks and the processing index), re-created in the bench's
-- reservation database so that paid.sql and paid-hot.sql can commit payment-svc's two writes beside the booking's.
DROP TABLE IF EXISTS bench_payment;
CREATE TABLE bench_payment (
    payment_id        text        PRIMARY KEY,
    reservation_id    text        NOT NULL UNIQUE,
    amount_minor      bigint      NOT NULL CHECK (amount_minor > 0),
    currency          char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    payment_token     text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('processing', 'captured', 'declined', 'failed',
                                                             'refunded', 'partially_refunded')),
    decline_code      text,
    payment_method    text,
    gateway_reference text,
    refunded_minor    bigint      NOT NULL DEFAULT 0,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (refunded_minor >= 0 AND refunded_minor <= amount_minor),
    CHECK (refunded_minor = 0 OR status IN ('refunded', 'partially_refunded')),
    CHECK ((status = 'declined') = (decline_code IS NOT NULL))
);
CREATE INDEX bench_payment_processing ON bench_payment (updated_at) WHERE status = 'processing';
