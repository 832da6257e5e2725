CREATE TABLE `ai_agent_assignments` (
	`contact_id` integer PRIMARY KEY NOT NULL,
	`agent_id` integer NOT NULL,
	`assigned_at` text NOT NULL,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE cascade ON DELETE cascade,
	FOREIGN KEY (`agent_id`) REFERENCES `ai_agents`(`id`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ai_agent_assignments_agent_idx` ON `ai_agent_assignments` (`agent_id`);--> statement-breakpoint
CREATE TABLE `ai_agents` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`system_prompt` text NOT NULL,
	`instruction_prompt` text,
	`personality_prompt` text,
	`response_guidelines` text NOT NULL,
	`is_active` integer NOT NULL,
	`is_default` integer NOT NULL,
	`created_at` text,
	`updated_at` text,
	`updated_at_ms` integer DEFAULT 0 NOT NULL,
	`local_revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ai_agents_recent_idx` ON `ai_agents` (`updated_at_ms`,`id`);--> statement-breakpoint
CREATE TABLE `kb_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`type` text NOT NULL,
	`description` text,
	`business_description` text,
	`status` text NOT NULL,
	`error` text,
	`crawl_status` text,
	`embedding_updated_at` text,
	`file_name` text,
	`file_size` integer,
	`url` text,
	`products_count` integer,
	`content_length` integer,
	`content` text,
	`created_at` text,
	`created_at_ms` integer DEFAULT 0 NOT NULL,
	`updated_at` text,
	`local_revision` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `kb_entries_recent_idx` ON `kb_entries` (`created_at_ms`,`id`);--> statement-breakpoint
CREATE TABLE `kb_products` (
	`id` integer PRIMARY KEY NOT NULL,
	`entry_id` integer NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`price` real,
	`currency` text,
	`sku` text,
	FOREIGN KEY (`entry_id`) REFERENCES `kb_entries`(`id`) ON UPDATE cascade ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `kb_products_entry_idx` ON `kb_products` (`entry_id`);--> statement-breakpoint
CREATE TABLE `voice_dialects` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`native_name` text,
	`language` text,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `voice_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`enabled` integer NOT NULL,
	`voice_configured` integer NOT NULL,
	`has_cloned_voice` integer NOT NULL,
	`voice_id` text,
	`voice_name` text,
	`language` text,
	`dialect` text,
	`voice_preloaded_at` text,
	`uses_own_key` integer,
	`local_revision` integer DEFAULT 0 NOT NULL
);
