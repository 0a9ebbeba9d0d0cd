-- Transactional outbox of capacity reports to reservation-svc (InventoryService.SetRoomTypeCapacity).
-- One row per room type whose latest in-service count has not been delivered yet; the newest count replaces an
-- undelivered older one (a report is a state, not a delta). No foreign keys on purpose: the row of a deleted room
-- type or hotel must survive the cascade to tell reservation-svc that its capacity is now 0.

create table capacity_outbox (
    room_type_id     bigint      primary key,
    hotel_id         bigint      not null,
    rooms_in_service int         not null check (rooms_in_service >= 0),
    catalog_version  bigint      not null,
    -- when the room type first went out of sync (kept when a newer count replaces an undelivered one)
    enqueued_at      timestamptz not null default now(),
    attempts         int         not null default 0,
    last_error       text
);

create index capacity_outbox_hotel_idx on capacity_outbox (hotel_id);
create index capacity_outbox_enqueued_idx on capacity_outbox (enqueued_at, room_type_id);
