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
CREATE INDEX `ai_agents_recent_idx` ON `ai_agents` (`updated_at_ms`,`id`);