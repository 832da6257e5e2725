CREATE TABLE `ticket_departments` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`position` integer NOT NULL,
	`local_revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ticket_replies` (
	`row_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`server_id` integer,
	`local_id` text,
	`message` text NOT NULL,
	`from_support` integer NOT NULL,
	`author` text,
	`created_at` text,
	`created_at_ms` integer DEFAULT 0 NOT NULL,
	`state` text DEFAULT 'sent' NOT NULL,
	`error` text,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_replies_server_idx` ON `ticket_replies` (`server_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_replies_local_idx` ON `ticket_replies` (`local_id`);--> statement-breakpoint
CREATE INDEX `ticket_replies_thread_idx` ON `ticket_replies` (`ticket_id`,`created_at_ms`,`row_id`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` integer PRIMARY KEY NOT NULL,
	`reference` text,
	`subject` text NOT NULL,
	`priority` text NOT NULL,
	`status` text NOT NULL,
	`department_id` integer,
	`department_title` text,
	`last_reply_at` text,
	`created_at` text,
	`created_at_ms` integer DEFAULT 0 NOT NULL,
	`updated_at` text,
	`replies_marker` text,
	`local_revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tickets_recent_idx` ON `tickets` (`created_at_ms`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_status_idx` ON `tickets` (`status`);--> statement-breakpoint
CREATE TABLE `booking_resources` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`type` text,
	`local_revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `booking_types` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`duration_minutes` integer,
	`local_revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `bookings` (
	`id` integer PRIMARY KEY NOT NULL,
	`contact_id` integer NOT NULL,
	`type_id` integer,
	`resource_id` integer,
	`title` text NOT NULL,
	`starts_at` text NOT NULL,
	`starts_at_ms` integer NOT NULL,
	`ends_at` text,
	`status` text NOT NULL,
	`notes` text,
	`created_at` text,
	`updated_at` text,
	`local_revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `bookings_time_idx` ON `bookings` (`starts_at_ms`,`id`);--> statement-breakpoint
CREATE INDEX `bookings_contact_idx` ON `bookings` (`contact_id`);--> statement-breakpoint
CREATE TABLE `web_chat_messages` (
	`row_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`server_id` integer,
	`local_id` text,
	`sender` text NOT NULL,
	`text` text NOT NULL,
	`created_at` text,
	`created_at_ms` integer DEFAULT 0 NOT NULL,
	`state` text DEFAULT 'sent' NOT NULL,
	`error` text,
	FOREIGN KEY (`session_id`) REFERENCES `web_chat_sessions`(`session_id`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `web_chat_messages_server_idx` ON `web_chat_messages` (`server_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `web_chat_messages_local_idx` ON `web_chat_messages` (`local_id`);--> statement-breakpoint
CREATE INDEX `web_chat_messages_thread_idx` ON `web_chat_messages` (`session_id`,`created_at_ms`,`row_id`);--> statement-breakpoint
CREATE TABLE `web_chat_sessions` (
	`session_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`handled_by` text NOT NULL,
	`visitor_name` text,
	`visitor_email` text,
	`visitor_phone` text,
	`page_url` text,
	`referrer` text,
	`human_requested_at` text,
	`human_took_over_at` text,
	`last_activity_at` text,
	`last_activity_ms` integer DEFAULT 0 NOT NULL,
	`created_at` text,
	`messages_marker` text,
	`local_revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `web_chat_sessions_recent_idx` ON `web_chat_sessions` (`last_activity_ms`);