-- The four-commit floor of paid.sql on one hot night: every client books the same (hotel, room type, date), so the
-- guarded UPDATE serialises them as the hot-night scenario (b) does. Variables: hot_hotel, hot_rt, hot_day.
\set n random(1, 9000000000000000)
BEGIN;
UPDATE room_type_inventory SET total_reserved = total_reserved + 1
 WHERE hotel_id = :hot_hotel AND room_type_id = :hot_rt AND date = CURRENT_DATE + :hot_day
   AND total_reserved + 1 <= floor(total_inventory * overbooking_ratio);
WITH r AS (
  INSERT INTO reservation (reservation_id, hotel_id, room_type_id, start_date, end_date, rooms, guest_id, status,
                           request_hash, payment_token, payment_state)
  VALUES ('raw-' || :n, :hot_hotel, :hot_rt, CURRENT_DATE + :hot_day, CURRENT_DATE + :hot_day + 1, 1, 'bench-raw',
          'pending', md5(random()::text) || md5(random()::text), 'tok_visa', 'charging')
  RETURNING reservation_id)
INSERT INTO reservation_status_change (reservation_id, status, changed_by) SELECT reservation_id, 'pending', 'bench-raw' FROM r;
COMMIT;
INSERT INTO bench_payment (payment_id, reservation_id, amount_minor, currency, payment_token, status)
VALUES ('pay-' || :n, 'raw-' || :n, 10000, 'EUR', 'tok_visa', 'processing') ON CONFLICT (reservation_id) DO NOTHING;
UPDATE bench_payment SET status = 'captured', payment_method = 'card', gateway_reference = 'sim', updated_at = now()
 WHERE payment_id = 'pay-' || :n AND status = 'processing';
WITH paid AS (
  UPDATE reservation SET status = 'paid', payment_state = 'captured', payment_id = 'pay-' || :n, decline_code = NULL
   WHERE reservation_id = 'raw-' || :n AND status = 'pending'
  RETURNING reservation_id)
INSERT INTO reservation_status_change (reservation_id, status, changed_by) SELECT reservation_id, 'paid', 'system:payment' FROM paid;
