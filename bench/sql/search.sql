-- Raw equivalent of one stay search (scenario (s)): the reads the search makes for a random city and stay, in one
-- database that holds copies of the tables (search_raw_bench, made by the services' own migrations and loaded with the
-- same rows), everything read afresh every time. Variables: cities, days (arrivals 1..days days after today), today.
-- The two statements of hotel-svc's FindHotels (the city's hotels, at most hotelmesh.search.max-hotels + 1, then
-- their room types), reservation-svc's GetStock, rate-svc's base prices and rules, each as
-- the service writes it; pgbench keeps no rows, so one more statement hands the hotels' ids to the next ones (\gset).
-- The stay's rooms, guests and the sort do not change what is read: ours filters and prices in memory.
\set c random(1, :cities)
\set d random(1, :days)
\set n random(1, 3)
SELECT id, address_line1, address_line2, city, contact_email, contact_phone, country, created_at, description, name,
       off_sale, postal_code, star_rating, time_zone, updated_at, version
  FROM hotel WHERE lower(city) = lower('Bench City :c') ORDER BY id LIMIT 2001;
SELECT array_agg(id ORDER BY id) AS ids
  FROM (SELECT id FROM hotel WHERE lower(city) = lower('Bench City :c') ORDER BY id LIMIT 2001) h \gset
SELECT id, amenities, bed_configuration, created_at, description, hotel_id, max_occupancy, name, updated_at
  FROM room_type WHERE hotel_id = ANY (':ids') ORDER BY hotel_id, id;
SELECT hotel_id, room_type_id, night, total_inventory, total_reserved,
       greatest(floor(total_inventory * overbooking_ratio)::int - total_reserved, 0) AS remaining
  FROM room_type_inventory
 WHERE hotel_id = ANY (':ids') AND night >= DATE ':today' + :d AND night < DATE ':today' + :d + :n;
SELECT hotel_id, room_type_id, date, base_price_minor, currency FROM room_type_rate
 WHERE hotel_id = ANY (':ids') AND date >= DATE ':today' + :d AND date < DATE ':today' + :d + :n;
SELECT r.hotel_id, r.room_type_id, r.floor_minor, r.ceiling_minor, t.min_occupancy, t.multiplier, t.surcharge_minor
  FROM pricing_rule r LEFT JOIN pricing_threshold t ON t.hotel_id = r.hotel_id AND t.room_type_id = r.room_type_id
 WHERE r.hotel_id = ANY (':ids')
 ORDER BY r.hotel_id, r.room_type_id, t.min_occupancy;
