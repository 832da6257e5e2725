// Full-text search over messages (with highlighted snippets) and over contacts.
import { sql, type SQL } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { toMatchQuery } from '../search/normalize'
import { matchEnd, matchStart, snippetParts, type SnippetPart } from '../search/snippet'
import { clampLimit } from './page'

export interface MessageHit {
  rowId: number
  serverId: number | null
  contactId: number
  contactName: string
  channel: string | null
  direction: string | null
  sentAt: string | null
  /** The matching part of the message as written, matches marked. */
  snippet: SnippetPart[]
}

/** What narrows a message search besides its words. */
export interface MessageSearchFilters {
  /** Only this conversation. */
  contactId?: number
  /** Only messages on this channel (the message's own, else its conversation's). */
  channel?: string
  /** Sent at or after this instant (epoch ms). */
  fromMs?: number
  /** Sent before this instant (epoch ms). */
  toMs?: number
}

export interface MessageSearchOptions extends MessageSearchFilters {
  query: string
  /** Best matches first (default), or newest first. */
  order?: 'relevance' | 'newest'
  limit?: number
  offset?: number
}

/**
 * How many matches bm25 ranks at once. It costs about a microsecond a match (it reads each
 * one's length), and FTS5 ranks every match before handing over the best: a one-letter
 * prefix matches a third of a 110k-message account, 40–80 ms a keystroke. So "best first"
 * ranks the matches in windows of this many, most recently stored first, each window best
 * first. A search with fewer matches (most whole words) is ranked over all of them, as a
 * whole; with more, every match is still found, counted and reached by paging.
 */
export const RANK_WINDOW = 2_000

/** Matches whose rowid lies in [lo, hi]; lo null: every match from hi down. */
export interface RankWindow {
  hi: number
  lo: number | null
}

export function searchMessages(db: StoreDb, options: MessageSearchOptions): MessageHit[] {
  const match = toMatchQuery(options.query)
  if (match === null) return []
  const limit = clampLimit(options.limit, 20)
  const offset = Math.max(0, options.offset ?? 0)
  if (options.order === 'newest') return hits(db, messageSearchQuery({ ...options, limit, offset }))
  const filters = filterSql(options)
  const found: MessageHit[] = []
  // Without filters every window but the last holds RANK_WINDOW hits, so the page's first
  // window is known; with them, the windows before the page's offset are counted.
  let window = filters.needsJoin ? 0 : Math.floor(offset / RANK_WINDOW)
  let before = window * RANK_WINDOW
  for (; ; window++) {
    const bounds = rankWindow(db, match, window)
    if (bounds === null) break
    if (before < offset) {
      const inWindow = filters.needsJoin ? countIn(db, match, bounds, filters) : bounds.lo === null ? Infinity : RANK_WINDOW
      if (before + inWindow <= offset) {
        before += inWindow
        if (bounds.lo === null) break
        continue
      }
    }
    found.push(...hits(db, messageSearchQuery({ ...options, limit: limit - found.length, offset: offset - before }, bounds)))
    // The page's start is behind it: the next window is read from its first hit.
    before = offset
    if (found.length >= limit || bounds.lo === null) break
  }
  return found
}

function hits(db: StoreDb, query: SQL | null): MessageHit[] {
  if (query === null) return []
  const rows = db.all<Omit<MessageHit, 'snippet'> & { snippet: string }>(query)
  return rows.map((row) => ({ ...row, snippet: snippetParts(oneLine(row.snippet)) }))
}

/** The `index`th window of the matches (newest stored first); null past the last. */
export function rankWindow(db: StoreDb, match: string, index: number): RankWindow | null {
  // One pass over the window's matches (each FTS5 query of a longer prefix merges the lists
  // of every word it begins anew): its highest and lowest rowid, and whether it is full.
  const row = db.get<{ hi: number | null; lo: number | null; n: number }>(sql`
    SELECT max(rowid) AS hi, min(rowid) AS lo, count(*) AS n FROM (
      SELECT rowid FROM messages_fts WHERE messages_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${RANK_WINDOW} OFFSET ${index * RANK_WINDOW})`)
  if (!row || row.hi === null) return null
  // A window that is not full is the last: it reaches down to the first match.
  return { hi: row.hi, lo: row.n < RANK_WINDOW ? null : row.lo }
}

function countIn(db: StoreDb, match: string, bounds: RankWindow, filters: ReturnType<typeof filterSql>): number {
  const row = db.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM messages_fts
    JOIN messages m ON m.row_id = messages_fts.rowid
    ${filters.needsConversation ? sql`LEFT JOIN conversations v ON v.contact_id = m.contact_id` : sql``}
    WHERE messages_fts MATCH ${match} ${windowSql(bounds)} ${filters.where}`)
  return row?.n ?? 0
}

// FTS5 narrows its scan to a rowid range only when the bounds are INTEGER values, and a
// JavaScript number is bound as REAL: without the casts every match is ranked (10× slower).
function windowSql(bounds: RankWindow | undefined): SQL {
  if (bounds === undefined) return sql``
  const hi = sql`AND messages_fts.rowid <= CAST(${bounds.hi} AS INTEGER)`
  return bounds.lo === null ? hi : sql`${hi} AND messages_fts.rowid >= CAST(${bounds.lo} AS INTEGER)`
}

/** How many messages match in all (every page), with the same filters. */
export function countMessageHits(db: StoreDb, options: Omit<MessageSearchOptions, 'order' | 'limit' | 'offset'>): number {
  const match = toMatchQuery(options.query)
  if (match === null) return 0
  const filters = filterSql(options)
  // Without filters FTS5 counts its own matches; the join is paid only when a filter needs it.
  const row = filters.needsJoin
    ? db.get<{ n: number }>(sql`
        SELECT count(*) AS n FROM messages_fts
        JOIN messages m ON m.row_id = messages_fts.rowid
        ${filters.needsConversation ? sql`LEFT JOIN conversations v ON v.contact_id = m.contact_id` : sql``}
        WHERE messages_fts MATCH ${match} ${filters.where}`)
    : db.get<{ n: number }>(sql`SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH ${match}`)
  return row?.n ?? 0
}

/** The SQL of a message search (within one rank window); null when there is nothing to search for. */
export function messageSearchQuery(options: MessageSearchOptions, bounds?: RankWindow): SQL | null {
  const match = toMatchQuery(options.query)
  if (match === null) return null
  // Ordered by rank alone, FTS5 sorts its matches itself and hands them over best first, so
  // SQLite joins and makes snippets for one page of them. A second sort key would have it
  // do that for every match of a common word first (4× slower at 100k messages). Equal
  // ranks come in FTS5's own order, the same on every page.
  const order = options.order === 'newest' ? sql`m.sort_at_ms DESC, m.row_id DESC` : sql`messages_fts.rank`
  return sql`
    SELECT m.row_id AS rowId, m.server_id AS serverId, m.contact_id AS contactId,
      coalesce(nullif(c.name, ''), v.contact_name, '') AS contactName,
      coalesce(m.channel, v.channel) AS channel, m.direction AS direction, coalesce(m.sent_at, m.created_at) AS sentAt,
      snippet(messages_fts, 0, ${matchStart}, ${matchEnd}, '…', 16) AS snippet
    FROM messages_fts
    JOIN messages m ON m.row_id = messages_fts.rowid
    LEFT JOIN contacts c ON c.id = m.contact_id
    LEFT JOIN conversations v ON v.contact_id = m.contact_id
    WHERE messages_fts MATCH ${match} ${windowSql(bounds)} ${filterSql(options).where}
    ORDER BY ${order}
    LIMIT ${clampLimit(options.limit, 20)} OFFSET ${Math.max(0, options.offset ?? 0)}`
}

/** The filters as SQL over `m` (messages) and `v` (its conversation). */
function filterSql(filters: MessageSearchFilters): { where: SQL; needsJoin: boolean; needsConversation: boolean } {
  const parts: SQL[] = []
  if (filters.contactId !== undefined) parts.push(sql`AND m.contact_id = ${filters.contactId}`)
  if (filters.channel !== undefined) parts.push(sql`AND coalesce(m.channel, v.channel) = ${filters.channel}`)
  // A message whose time is unknown (sort_at_ms 0) falls outside every date range.
  if (filters.fromMs !== undefined) parts.push(sql`AND m.sort_at_ms >= ${filters.fromMs}`)
  if (filters.toMs !== undefined) parts.push(sql`AND m.sort_at_ms < ${filters.toMs} AND m.sort_at_ms > 0`)
  return { where: sql.join(parts, sql` `), needsJoin: parts.length > 0, needsConversation: filters.channel !== undefined }
}

/**
 * A hit is shown on one line, so its snippet must not carry the message's line breaks: each
 * becomes a visible "⏎" between the lines it joins, and runs of blank lines one.
 */
export function oneLine(snippet: string): string {
  return snippet.replace(/\s*(?:\r\n|\r|\n|\u2028|\u2029)[\s]*/g, ' ⏎ ')
}

export interface ContactHit {
  id: number
  name: string
  phone: string | null
  email: string | null
  type: string | null
  blacklisted: boolean
}

/** Contacts whose name, phone or email start with what was typed, best matches first. */
export function searchContacts(db: StoreDb, options: { query: string; limit?: number }): ContactHit[] {
  const match = toMatchQuery(options.query)
  if (match === null) return []
  const rows = db.all<Omit<ContactHit, 'blacklisted'> & { blacklisted: number }>(sql`
    SELECT c.id, c.name, c.phone, c.email, c.type, c.blacklisted
    FROM contacts_fts
    JOIN contacts c ON c.id = contacts_fts.rowid
    WHERE contacts_fts MATCH ${match}
    -- A hit in the name counts most.
    ORDER BY bm25(contacts_fts, 10.0, 2.0, 2.0), c.sort_name
    LIMIT ${clampLimit(options.limit, 20)}`)
  return rows.map((row) => ({ ...row, blacklisted: row.blacklisted === 1 }))
}
