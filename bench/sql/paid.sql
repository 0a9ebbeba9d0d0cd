-- Raw floor of one paid booking as the saga makes it, without the network: the booking transaction, payment-svc's
-- PROCESSING row, the processor's outcome, and `paid` (history rows by the database's trigger, as for the service):
-- four commits, as a paid booking commits.
-- payment-svc's rows go to bench_payment (its table, created in this database by the bench). Variables: hotel_min,
-- rt_min, hotels (hotel i has room type rt_min + i), day_min, days; the hot-night floor of (b) is the same script on
-- one hotel and one day.
\set i random(0, :hotels - 1)
\set d random(:day_min, :day_min + :days - 1)
\set n random(1, 9000000000000000)
BEGIN;
UPDATE room_type_inventory SET total_reserved = total_reserved + 1
 WHERE hotel_id = :hotel_min + :i AND room_type_id = :rt_min + :i AND night = CURRENT_DATE + :d
   AND total_reserved + 1 <= floor(total_inventory * overbooking_ratio);
INSERT INTO reservation (reservation_id, hotel_id, room_type_id, start_date, end_date, rooms, guest_id, status,
                         request_hash, payment_token, payment_state, booked_by)
VALUES ('raw-' || :n, :hotel_min + :i, :rt_min + :i, CURRENT_DATE + :d, CURRENT_DATE + :d + 1, 1, 'bench-raw',
        'pending', md5(random()::text) || md5(random()::text), 'tok_visa', 'charging', 'bench-raw');
COMMIT;
INSERT INTO bench_payment (payment_id, reservation_id, amount_minor, currency, payment_token, status)
VALUES ('pay-' || :n, 'raw-' || :n, 10000, 'EUR', 'tok_visa', 'processing') ON CONFLICT (reservation_id) DO NOTHING;
UPDATE bench_payment SET status = 'captured', payment_method = 'card', gateway_reference = 'sim', updated_at = now()
 WHERE payment_id = 'pay-' || :n AND status = 'processing';
UPDATE reservation SET status = 'paid', payment_state = 'captured', payment_id = 'pay-' || :n, decline_code = NULL,
       status_by = 'system:payment'
 WHERE reservation_id = 'raw-' || :n AND status = 'pending';
