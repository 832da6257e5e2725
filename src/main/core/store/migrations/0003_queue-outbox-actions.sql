CREATE TABLE `outbox_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`payload` text NOT NULL,
	`lane` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer DEFAULT 0 NOT NULL,
	`first_attempt_at` integer,
	`needs_reconcile` integer DEFAULT false NOT NULL,
	`last_error` text,
	`result` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `outbox_actions_state_idx` ON `outbox_actions` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_actions_lane_idx` ON `outbox_actions` (`lane`,`id`);--> statement-breakpoint
CREATE TABLE `outbox_local_ids` (
	`entity` text PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
