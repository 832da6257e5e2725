// Unread messages as the user should see them: SkyLight's count less what was seen here
// (the API cannot mark a conversation read; see seen_unread in schema/messages.ts).
import { sql } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { conversations } from '../schema/messages'

/** A conversation's unread messages not yet seen in the app. */
export const unseenUnread = sql<number>`max(0, ${conversations.unreadCount} - ${conversations.seenUnread})`

/** Unread messages over all conversations (the sidebar and the dock/taskbar badge). */
export function unreadTotal(db: StoreDb): number {
  return db.get<{ n: number | null }>(sql`SELECT sum(max(0, unread_count - seen_unread)) AS n FROM conversations`)?.n ?? 0
}

export interface UnreadCounts {
  total: number
  /** Per channel, only channels with unread messages. */
  channels: Record<string, number>
}

/** Every conversation in the store counted, whatever part of the list a view has loaded. */
export function unreadCounts(db: StoreDb): UnreadCounts {
  const rows = db.all<{ channel: string | null; n: number }>(
    sql`SELECT channel, sum(max(0, unread_count - seen_unread)) AS n FROM conversations WHERE unread_count > seen_unread GROUP BY channel`,
  )
  const channels: Record<string, number> = {}
  let total = 0
  for (const row of rows) {
    total += row.n
    if (row.channel !== null) channels[row.channel] = (channels[row.channel] ?? 0) + row.n
  }
  return { total, channels }
}
