-- A hotel its staff took off sale takes no new bookings or quotes; the stays already booked are kept. Deleting a
-- hotel is an administrator's; taking it off sale is what its staff do instead.
ALTER TABLE hotel ADD COLUMN off_sale boolean NOT NULL DEFAULT false;
