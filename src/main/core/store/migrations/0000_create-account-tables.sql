CREATE TABLE `account` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text,
	`company_name` text,
	`display_name` text NOT NULL,
	`email` text,
	`contact_email` text,
	`timezone` text,
	`locale` text,
	`status` text,
	`primary_user` text,
	`created_at` text,
	`subscription` text,
	`local_revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `channels` (
	`row_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`server_id` integer,
	`type` text NOT NULL,
	`username` text,
	`is_connected` integer NOT NULL,
	`sync_status` text,
	`last_synced_at` text
);
--> statement-breakpoint
CREATE TABLE `contact_notes` (
	`id` integer PRIMARY KEY NOT NULL,
	`contact_id` integer NOT NULL,
	`content` text NOT NULL,
	`created_at` text,
	`created_at_ms` integer DEFAULT 0 NOT NULL,
	`local_revision` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_notes_contact_idx` ON `contact_notes` (`contact_id`,`created_at_ms`);--> statement-breakpoint
CREATE TABLE `contact_tags` (
	`contact_id` integer NOT NULL,
	`title` text NOT NULL,
	PRIMARY KEY(`contact_id`, `title`),
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_tags_title_idx` ON `contact_tags` (`title`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`sort_name` text DEFAULT '' NOT NULL,
	`email` text,
	`phone` text,
	`type` text,
	`status` text,
	`blacklisted` integer NOT NULL,
	`last_message_at` text,
	`created_at` text,
	`updated_at` text,
	`local_revision` integer DEFAULT 0 NOT NULL,
	`unseen` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contacts_sort_name_idx` ON `contacts` (`sort_name`,`id`);--> statement-breakpoint
CREATE INDEX `contacts_type_idx` ON `contacts` (`type`);--> statement-breakpoint
CREATE INDEX `contacts_blacklisted_idx` ON `contacts` (`blacklisted`);--> statement-breakpoint
CREATE TABLE `list_members` (
	`list_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`unseen` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`list_id`, `contact_id`),
	FOREIGN KEY (`list_id`) REFERENCES `lists`(`id`) ON UPDATE cascade ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `list_members_contact_idx` ON `list_members` (`contact_id`);--> statement-breakpoint
CREATE TABLE `lists` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`status` integer,
	`contacts_count` integer,
	`created_at` text,
	`local_revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `segment_members` (
	`segment_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`unseen` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`segment_id`, `contact_id`),
	FOREIGN KEY (`segment_id`) REFERENCES `segments`(`id`) ON UPDATE cascade ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `segment_members_contact_idx` ON `segment_members` (`contact_id`);--> statement-breakpoint
CREATE TABLE `segments` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`status` integer,
	`contacts_count` integer,
	`created_at` text,
	`local_revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tags` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`contacts_count` integer,
	`created_at` text,
	`local_revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `conversations` (
	`contact_id` integer PRIMARY KEY NOT NULL,
	`contact_name` text NOT NULL,
	`channel` text,
	`last_message` text,
	`last_message_at` text,
	`last_message_at_ms` integer DEFAULT 0 NOT NULL,
	`unread_count` integer DEFAULT 0 NOT NULL,
	`local_revision` integer DEFAULT 0 NOT NULL,
	`unseen` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `conversations_recent_idx` ON `conversations` (`last_message_at_ms`,`contact_id`);--> statement-breakpoint
CREATE INDEX `conversations_channel_recent_idx` ON `conversations` (`channel`,`last_message_at_ms`,`contact_id`);--> statement-breakpoint
CREATE TABLE `messages` (
	`row_id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`server_id` integer,
	`local_id` text,
	`contact_id` integer NOT NULL,
	`direction` text,
	`channel` text,
	`content` text,
	`status` text,
	`error` text,
	`sent_at` text,
	`created_at` text,
	`sort_at_ms` integer DEFAULT 0 NOT NULL,
	`local_revision` integer DEFAULT 0 NOT NULL,
	`unseen` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_server_id_unique` ON `messages` (`server_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `messages_local_id_unique` ON `messages` (`local_id`);--> statement-breakpoint
CREATE INDEX `messages_thread_idx` ON `messages` (`contact_id`,`sort_at_ms`,`row_id`);--> statement-breakpoint
CREATE TABLE `media` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`original_name` text,
	`url` text NOT NULL,
	`file_type` text,
	`mime_type` text,
	`extension` text,
	`file_size` integer,
	`formatted_size` text,
	`width` integer,
	`height` integer,
	`uploaded_by` text,
	`is_active` integer NOT NULL,
	`created_at` text,
	`created_at_ms` integer DEFAULT 0 NOT NULL,
	`updated_at` text,
	`search_text` text DEFAULT '' NOT NULL,
	`local_path` text,
	`cached_at` text,
	`local_revision` integer DEFAULT 0 NOT NULL,
	`unseen` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `media_recent_idx` ON `media` (`created_at_ms`,`id`);--> statement-breakpoint
CREATE INDEX `media_type_recent_idx` ON `media` (`file_type`,`created_at_ms`,`id`);--> statement-breakpoint
CREATE TABLE `campaign_contacts` (
	`campaign_id` integer NOT NULL,
	`contact_id` integer NOT NULL,
	`server_id` integer,
	`contact_name` text,
	`phone` text,
	`status` text NOT NULL,
	`sent_at` text,
	`error` text,
	`unseen` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`campaign_id`, `contact_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_contacts_status_idx` ON `campaign_contacts` (`campaign_id`,`status`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`message` text,
	`contact_ids` text NOT NULL,
	`list_ids` text NOT NULL,
	`segment_ids` text NOT NULL,
	`total_contacts` integer NOT NULL,
	`success_count` integer NOT NULL,
	`failed_count` integer NOT NULL,
	`progress_percentage` integer NOT NULL,
	`campaign_day` integer,
	`messages_sent_today` integer,
	`daily_limit` integer,
	`remaining_today` integer,
	`is_new_number` integer NOT NULL,
	`channel_id` integer,
	`channel_name` text,
	`channel_type` text,
	`campaign_contacts_count` integer NOT NULL,
	`sent_contacts_count` integer NOT NULL,
	`failed_contacts_count` integer NOT NULL,
	`pending_contacts_count` integer NOT NULL,
	`started_at` text,
	`completed_at` text,
	`created_at` text,
	`created_at_ms` integer DEFAULT 0 NOT NULL,
	`updated_at` text,
	`local_revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `campaigns_recent_idx` ON `campaigns` (`created_at_ms`,`id`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`resource` text PRIMARY KEY NOT NULL,
	`cursor` text,
	`progress` text,
	`last_full_pass_at` text,
	`last_synced_at` text
);
