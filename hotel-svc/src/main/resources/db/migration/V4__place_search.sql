-- The search's place suggestions match a prefix of the city (lower(city) LIKE 'se%'): a pattern-ops index serves
-- that whatever the database's collation; hotel_city_idx keeps serving the exact matches.
create index hotel_city_prefix_idx on hotel (lower(city) text_pattern_ops);
