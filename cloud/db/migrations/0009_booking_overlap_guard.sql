-- A holder's seat-holding bookings never overlap, even when two requests race: bookings.create checks in one
-- statement without locking the holder (issue 13), so the database is the backstop, as slots_not_overbooked is for
-- seats. btree_gist lets a GiST index compare user_id with =; it is a trusted extension (PostgreSQL 13+).
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap"
  EXCLUDE USING gist ("user_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" <> 'cancelled');
