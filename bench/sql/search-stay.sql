-- The stay's own reads of one search (scenario (s), its "floor" line): search.sql without the catalog, as if the
-- city's hotels and room types were known: the city's hotel ids (one index read, handed on with \gset), then
-- reservation-svc's GetStock and rate-svc's base prices and rules for them, each as the service writes it.
-- Variables: cities, days, today.
\set c random(1, :cities)
\set d random(1, :days)
\set n random(1, 3)
SELECT array_agg(id ORDER BY id) AS ids
  FROM (SELECT id FROM hotel WHERE lower(city) = lower('Bench City :c') ORDER BY id LIMIT 2001) h \gset
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
