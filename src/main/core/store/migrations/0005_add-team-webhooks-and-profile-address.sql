CREATE TABLE `team_members` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`role` text NOT NULL,
	`status` text,
	`created_at` text,
	`updated_at` text,
	`local_revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `webhook_events` (
	`name` text PRIMARY KEY NOT NULL,
	`group` text NOT NULL,
	`description` text,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`events` text NOT NULL,
	`is_active` integer NOT NULL,
	`delivery_logs_count` integer,
	`created_at` text,
	`updated_at` text,
	`local_revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `account` ADD `address` text;--> statement-breakpoint
ALTER TABLE `account` ADD `country` text;