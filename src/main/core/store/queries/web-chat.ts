// Web chat in the inbox: sessions with those waiting for a human first, one session with its
// messages, and what may be done to a session in its state — decided here; the interface
// asks, and the handlers check again before anything is queued.
import { and, asc, count, desc, eq, like, or, sql, type SQL } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { notFound } from '../errors'
import { webChatMessages, webChatSessions } from '../schema/web-chat'
import { clampLimit } from './page'

export type WebChatAction = 'takeOver' | 'reply' | 'release' | 'end'
export type WebChatAllowed = Record<WebChatAction, boolean>

/**
 * The hand-over: the AI answers, a visitor may ask for a human (pending), an agent takes
 * over from the AI or from pending, replies and releases only while handling it, and any
 * active session can be ended. An ended session takes nothing more.
 */
export function webChatAllowed(status: string, handledBy: string): WebChatAllowed {
  const active = status === 'active'
  const human = handledBy === 'human'
  return { takeOver: active && !human, reply: active && human, release: active && human, end: active }
}

type Row = typeof webChatSessions.$inferSelect

export interface WebChatSessionItem {
  sessionId: string
  status: string
  handledBy: string
  visitorName: string | null
  visitorEmail: string | null
  visitorPhone: string | null
  pageUrl: string | null
  referrer: string | null
  humanRequestedAt: string | null
  lastActivityAt: string | null
  waiting: boolean
  pending: boolean
  allowed: WebChatAllowed
}

function toItem(row: Row): WebChatSessionItem {
  return {
    sessionId: row.sessionId,
    status: row.status,
    handledBy: row.handledBy,
    visitorName: row.visitorName,
    visitorEmail: row.visitorEmail,
    visitorPhone: row.visitorPhone,
    pageUrl: row.pageUrl,
    referrer: row.referrer,
    humanRequestedAt: row.humanRequestedAt,
    lastActivityAt: row.lastActivityAt,
    waiting: row.status === 'active' && row.handledBy === 'pending',
    pending: row.localRevision > 0,
    allowed: webChatAllowed(row.status, row.handledBy),
  }
}

export interface WebChatFilter {
  status?: string
  handledBy?: string
  search?: string
}

function sessionWhere(filter: WebChatFilter): SQL | undefined {
  const where: SQL[] = []
  if (filter.status !== undefined) where.push(eq(webChatSessions.status, filter.status))
  if (filter.handledBy !== undefined) where.push(eq(webChatSessions.handledBy, filter.handledBy))
  const search = filter.search?.trim()
  if (search) {
    const pattern = `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    where.push(or(like(webChatSessions.visitorName, pattern), like(webChatSessions.visitorEmail, pattern), like(webChatSessions.visitorPhone, pattern))!)
  }
  return and(...where)
}

/** How many sessions match the filter. */
export function webChatSessionCount(db: StoreDb, filter: WebChatFilter = {}): number {
  return db.select({ n: count() }).from(webChatSessions).where(sessionWhere(filter)).get()?.n ?? 0
}

/** Waiting for a human first, then by last activity. */
export function webChatSessionList(db: StoreDb, options: WebChatFilter & { limit?: number; offset?: number } = {}): WebChatSessionItem[] {
  return db
    .select()
    .from(webChatSessions)
    .where(sessionWhere(options))
    .orderBy(
      sql`(${webChatSessions.status} = 'active' AND ${webChatSessions.handledBy} = 'pending') DESC`,
      desc(webChatSessions.lastActivityMs),
      // A stable order, so pages read by offset neither skip nor repeat a session.
      asc(webChatSessions.sessionId),
    )
    .limit(clampLimit(options.limit))
    .offset(Math.max(0, options.offset ?? 0))
    .all()
    .map(toItem)
}

/** Is any session active (what a poll keeps moving)? */
export function webChatSessionsLive(db: StoreDb): boolean {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${webChatSessions} WHERE status = 'active'`).n > 0
}

export function webChatWaitingCount(db: StoreDb): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${webChatSessions} WHERE status = 'active' AND handled_by = 'pending'`).n
}

export interface WebChatMessageItem {
  key: string
  sender: string
  text: string
  createdAt: string | null
  state: string
  error: string | null
}

export function getWebChatSession(db: StoreDb, sessionId: string): WebChatSessionItem & { messages: WebChatMessageItem[] } {
  const row = db.select().from(webChatSessions).where(eq(webChatSessions.sessionId, sessionId)).get()
  if (!row) throw notFound(`Web chat session ${sessionId}`)
  const messages = db
    .select()
    .from(webChatMessages)
    .where(eq(webChatMessages.sessionId, sessionId))
    .orderBy(asc(webChatMessages.createdAtMs), sql`${webChatMessages.serverId} IS NULL`, asc(webChatMessages.serverId), asc(webChatMessages.rowId))
    .all()
    .map((m) => ({ key: m.localId ?? `s${m.serverId}`, sender: m.sender, text: m.text, createdAt: m.createdAt, state: m.state, error: m.error }))
  return { ...toItem(row), messages }
}
