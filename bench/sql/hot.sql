-- Raw guarded UPDATE on one hot night: the single atomic statement the optimistic path is compared with.
-- Variables: hot_hotel, hot_rt, hot_day.
UPDATE room_type_inventory SET total_reserved = total_reserved + 1
 WHERE hotel_id = :hot_hotel AND room_type_id = :hot_rt AND night = CURRENT_DATE + :hot_day
   AND total_reserved + 1 <= floor(total_inventory * overbooking_ratio);
