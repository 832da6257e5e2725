// The server's rows of a list that is read whole, as stored here: what an answer saying the
// list is empty would remove. Rows made here and not yet sent (negative ids) or held by a
// local change are not the server's to take away, so they are not counted.
import { sql } from 'drizzle-orm'
import type { StoreDb } from '../db'

const numbered = {
  tags: 'tags',
  lists: 'lists',
  segments: 'segments',
  campaigns: 'campaigns',
  tickets: 'tickets',
  'ticket-departments': 'ticket_departments',
  'kb-entries': 'kb_entries',
  team: 'team_members',
  webhooks: 'webhooks',
  'ai-agents': 'ai_agents',
  bookings: 'bookings',
  'booking-types': 'booking_types',
  'booking-resources': 'booking_resources',
} as const

export type NumberedList = keyof typeof numbered

/** Ids of the list's server rows stored here. */
export function storedServerIds(db: StoreDb, list: NumberedList): number[] {
  return db.all<{ id: number }>(sql`SELECT id FROM ${sql.identifier(numbered[list])} WHERE id > 0 AND local_revision = 0`).map((r) => r.id)
}

/** Ids of the web chat sessions stored here (every one came from the server). */
export function storedSessionIds(db: StoreDb): string[] {
  return db.all<{ id: string }>(sql`SELECT session_id AS id FROM web_chat_sessions WHERE local_revision = 0`).map((r) => r.id)
}

/** How many voice dialects are stored (a list only the server makes). */
export function countVoiceDialects(db: StoreDb): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM voice_dialects`)?.n ?? 0
}
