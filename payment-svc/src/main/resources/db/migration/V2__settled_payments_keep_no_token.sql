-- A payment token is kept only while the charge is PROCESSING (the resume job needs it to ask the processor again);
-- once settled it is dropped. A retried Charge is still recognised by the token's SHA-256 fingerprint.
ALTER TABLE payment ADD COLUMN token_fingerprint text;
UPDATE payment SET token_fingerprint = encode(sha256(convert_to(payment_token, 'UTF8')), 'hex');
ALTER TABLE payment ALTER COLUMN token_fingerprint SET NOT NULL;
ALTER TABLE payment ALTER COLUMN payment_token DROP NOT NULL;
UPDATE payment SET payment_token = NULL WHERE status <> 'processing';
ALTER TABLE payment ADD CONSTRAINT payment_token_only_while_processing
    CHECK (status = 'processing' OR payment_token IS NULL);
ALTER TABLE payment ADD CONSTRAINT payment_token_while_processing
    CHECK (status <> 'processing' OR payment_token IS NOT NULL);
