-- History leaves the hot tables (docs/architecture.md#archival). Stays that ended long ago and inventory of past
-- nights move, in batches, into the archive schema of the same database: one local transaction moves a batch, so a
-- row is always in exactly one place and a crash mid-batch leaves nothing half-moved; a sharded deployment archives
-- each shard into its own archive schema. The archive tables can be put on cheaper storage
-- (ALTER TABLE archive.reservation SET TABLESPACE cold), while the hot tables and their indexes keep only what
-- bookings, the front desk and the saga still work on.
--
-- Each archive table has exactly the columns of its hot table, in the same order (the mover copies rows with
-- SELECT *; ArchiveTest fails when a migration adds a column to one and not the other), but none of their
-- triggers or CHECKs: archived rows are final, and a rule added later must not reject history.
CREATE SCHEMA archive;

CREATE TABLE archive.reservation (LIKE public.reservation);
ALTER TABLE archive.reservation ADD PRIMARY KEY (reservation_id);
CREATE INDEX archive_reservation_guest_idx ON archive.reservation (guest_id, start_date, reservation_id);
CREATE INDEX archive_reservation_hotel_idx ON archive.reservation (hotel_id, start_date, reservation_id);

CREATE TABLE archive.reservation_status_change (LIKE public.reservation_status_change);
ALTER TABLE archive.reservation_status_change ADD PRIMARY KEY (id);
CREATE INDEX archive_reservation_status_change_idx ON archive.reservation_status_change (reservation_id, id);

CREATE TABLE archive.room_assignment (LIKE public.room_assignment);
ALTER TABLE archive.room_assignment ADD PRIMARY KEY (id);
CREATE INDEX archive_room_assignment_reservation_idx ON archive.room_assignment (reservation_id, id);

CREATE TABLE archive.reservation_change (LIKE public.reservation_change);
ALTER TABLE archive.reservation_change ADD PRIMARY KEY (change_id);
CREATE INDEX archive_reservation_change_reservation_idx ON archive.reservation_change (reservation_id, requested_at);

-- total_inventory is a plain column here: what it was when the night passed.
CREATE TABLE archive.room_type_inventory (LIKE public.room_type_inventory);
ALTER TABLE archive.room_type_inventory ADD PRIMARY KEY (hotel_id, room_type_id, night);

-- The archiver's work lists: ended stays by departure, inventory by night.
CREATE INDEX reservation_ended_idx ON reservation (end_date)
    WHERE status IN ('rejected', 'canceled', 'refunded', 'checked_out', 'no_show');
CREATE INDEX room_type_inventory_night_idx ON room_type_inventory (night);

-- Reads that must see a reservation wherever it is (by id, a guest's or a hotel's list, its history): hot and
-- archived rows together. A reservation is in one of the two, never both (the mover deletes what it copies, in one
-- transaction). Writes and locks go to the hot tables only; an archived reservation is final.
CREATE VIEW reservation_all AS
    SELECT * FROM public.reservation UNION ALL SELECT * FROM archive.reservation;
CREATE VIEW reservation_status_change_all AS
    SELECT * FROM public.reservation_status_change UNION ALL SELECT * FROM archive.reservation_status_change;
CREATE VIEW room_assignment_all AS
    SELECT * FROM public.room_assignment UNION ALL SELECT * FROM archive.room_assignment;
CREATE VIEW reservation_change_all AS
    SELECT * FROM public.reservation_change UNION ALL SELECT * FROM archive.reservation_change;
