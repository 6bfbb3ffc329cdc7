CREATE TABLE "card_devices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"card_id" uuid NOT NULL,
	"public_key" text NOT NULL,
	"bound_by" uuid NOT NULL,
	"bound_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sync_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"pushed_by" uuid NOT NULL,
	"department_id" uuid,
	"device_id" text NOT NULL,
	"client_id" text NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"payload" jsonb NOT NULL,
	"ok" boolean NOT NULL,
	"code" text,
	"message" text,
	"server_id" uuid,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "card_devices" ADD CONSTRAINT "card_devices_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_devices" ADD CONSTRAINT "card_devices_bound_by_users_id_fk" FOREIGN KEY ("bound_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_actions" ADD CONSTRAINT "sync_actions_pushed_by_users_id_fk" FOREIGN KEY ("pushed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_actions" ADD CONSTRAINT "sync_actions_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "card_devices_one_live" ON "card_devices" USING btree ("card_id") WHERE "card_devices"."ended_at" IS NULL;--> statement-breakpoint
CREATE INDEX "card_devices_key" ON "card_devices" USING btree ("card_id","public_key");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_actions_once" ON "sync_actions" USING btree ("pushed_by","client_id");--> statement-breakpoint
CREATE INDEX "sync_actions_flagged" ON "sync_actions" USING btree ("received_at") WHERE "sync_actions"."code" IS NOT NULL;