ALTER TABLE "slots" ADD CONSTRAINT "slots_id_session" UNIQUE("id","session_id");--> statement-breakpoint
ALTER TABLE "bookings" DROP CONSTRAINT "bookings_session_id_sessions_id_fk";--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_slot_session_fk" FOREIGN KEY ("slot_id","session_id") REFERENCES "public"."slots"("id","session_id") ON DELETE no action ON UPDATE no action;
