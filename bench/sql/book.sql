-- Raw equivalent of one uncontended booking: the guarded inventory update plus the reservation (its history row written
-- by the database's trigger, as for the service), in one transaction. Variables: hotel_min, rt_min, hotels, days (hotel i has room type rt_min + i).
\set i random(0, :hotels - 1)
\set d random(1, :days)
BEGIN;
UPDATE room_type_inventory SET total_reserved = total_reserved + 1
 WHERE hotel_id = :hotel_min + :i AND room_type_id = :rt_min + :i AND night = CURRENT_DATE + :d
   AND total_reserved + 1 <= floor(total_inventory * overbooking_ratio);
INSERT INTO reservation (reservation_id, hotel_id, room_type_id, start_date, end_date, rooms, guest_id, status, request_hash,
                         booked_by)
VALUES ('raw-' || md5(random()::text || clock_timestamp()::text), :hotel_min + :i, :rt_min + :i,
        CURRENT_DATE + :d, CURRENT_DATE + :d + 1, 1, 'bench-raw', 'pending', md5(random()::text) || md5(random()::text),
        'bench-raw');
COMMIT;
