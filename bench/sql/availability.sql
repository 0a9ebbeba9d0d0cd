-- Raw equivalent of one availability read: a week of one room type's inventory rows.
-- Variables: hotel_min, rt_min, hotels, days.
\set i random(0, :hotels - 1)
\set d random(1, :days)
SELECT night, total_inventory, total_reserved, overbooking_ratio FROM room_type_inventory
 WHERE hotel_id = :hotel_min + :i AND room_type_id = :rt_min + :i
   AND night >= CURRENT_DATE + :d AND night < CURRENT_DATE + :d + 7;
