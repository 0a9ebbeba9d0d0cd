-- The stay search reads every room type's nights of many hotels at once (GetStock: hotel_id = ANY(...) AND night in a
-- few days). The primary key (hotel_id, room_type_id, night) would walk every night kept (two years ahead) of every
-- room type of each hotel to find those few; this index goes to them. It holds no column a booking changes, so a
-- booking's update of total_reserved stays a heap-only update.
CREATE INDEX room_type_inventory_hotel_night_idx ON room_type_inventory (hotel_id, night);
