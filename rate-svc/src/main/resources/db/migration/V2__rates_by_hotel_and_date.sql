-- The stay search reads the base prices of every room type of many hotels for a few nights at once
-- (hotel_id = ANY(...) AND date in a few days). The primary key (hotel_id, room_type_id, date) would walk every date
-- priced of every room type of each hotel to find those few; this index goes to them.
CREATE INDEX room_type_rate_hotel_date_idx ON room_type_rate (hotel_id, date);
