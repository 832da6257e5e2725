// Web chat sessions are read whole (or, on a poll, the active ones); a session's messages
// are replaced from GET /web-chat/sessions/{id} when its last activity moved. Commands and
// replies made here are held or shown pending until the outbox confirms them.
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import type { WebChatDetail, WebChatMessage, WebChatSession } from '../../skylight/resources/web-chat'
import { inTransaction, type StoreDb } from '../db'
import { notFound } from '../errors'
import { unsettledKeys } from '../queries/unsettled-lanes'
import { webChatMessages, webChatSessions } from '../schema/web-chat'
import { epochMs } from '../time'
import { partition } from './partition'
import { upsertRows } from './upsert-rows'

type SessionRow = typeof webChatSessions.$inferSelect

export function sessionRow(s: WebChatSession) {
  return {
    sessionId: s.session_id,
    status: s.status,
    handledBy: s.handled_by,
    visitorName: s.visitor_name,
    visitorEmail: s.visitor_email,
    visitorPhone: s.visitor_phone,
    pageUrl: s.visitor_page_url,
    referrer: s.visitor_referrer,
    humanRequestedAt: s.human_requested_at,
    humanTookOverAt: s.human_took_over_at,
    lastActivityAt: s.last_activity_at,
    lastActivityMs: epochMs(s.last_activity_at, s.created_at),
    createdAt: s.created_at,
  } satisfies typeof webChatSessions.$inferInsert
}

export interface SessionsWrite {
  /** Sessions that began waiting for a human since the last read (not on the first). */
  nowWaiting: WebChatSession[]
  changed: number
  /** Sessions not sent, kept because the read may have missed them (`sweep: false`). */
  kept: number
}

/**
 * Writes the sessions the server sent. `whole`: they are every session, so the others are
 * gone — unless `sweep` is false (the read may have missed some); otherwise (a poll of the
 * active ones) nothing is removed. Held rows, and sessions the outbox still has a command or
 * reply for, are left alone.
 */
export function saveWebChatSessions(db: StoreDb, sessions: readonly WebChatSession[], whole: boolean, sweep = true): SessionsWrite {
  return inTransaction(db, (tx) => {
    const stored = new Map(tx.select().from(webChatSessions).all().map((r) => [r.sessionId, r]))
    const firstRead = stored.size === 0
    const rows = sessions.map(sessionRow)
    const { insert, update, result } = partition(rows, (r) => r.sessionId, stored)
    upsertRows(tx, webChatSessions, [...insert, ...update], webChatSessions.sessionId)
    let removed = 0
    let kept = 0
    if (whole) {
      const sent = new Set(rows.map((r) => r.sessionId))
      const busy = unsettledKeys(tx, 'web-chat')
      const gone = [...stored.values()].filter((r) => !sent.has(r.sessionId) && r.localRevision === 0 && !busy.has(r.sessionId)).map((r) => r.sessionId)
      if (!sweep) kept = gone.length
      else if (gone.length > 0) removed = tx.delete(webChatSessions).where(inArray(webChatSessions.sessionId, gone)).run().changes
    }
    const nowWaiting = firstRead
      ? []
      : sessions.filter((s) => s.handled_by === 'pending' && s.status === 'active' && stored.get(s.session_id)?.handledBy !== 'pending')
    return { nowWaiting, changed: result.inserted.length + result.updated.length + removed, kept }
  })
}

/** Sessions whose messages have not been read since their last activity. */
export function webChatSessionsDue(db: StoreDb, onlyActive: boolean): string[] {
  return db
    .select({ id: webChatSessions.sessionId })
    .from(webChatSessions)
    .where(
      and(
        sql`${webChatSessions.messagesMarker} IS NOT coalesce(${webChatSessions.lastActivityAt}, '')`,
        onlyActive ? eq(webChatSessions.status, 'active') : undefined,
      ),
    )
    .all()
    .map((r) => r.id)
}

/**
 * A live session's last activity has a second's resolution, so a message written later in
 * the same second as the read leaves it unmoved: a read of a live session that brought news
 * is made once more (the next poll); one that found nothing new settles on the activity.
 */
const RECHECK = 'recheck'

export function replaceWebChatMessages(db: StoreDb, detail: WebChatDetail): void {
  inTransaction(db, (tx) => {
    const row = tx.select().from(webChatSessions).where(eq(webChatSessions.sessionId, detail.session_id)).get()
    if (!row) return
    const ids = detail.messages.map((m) => m.id)
    const stored = tx
      .select({ id: webChatMessages.serverId })
      .from(webChatMessages)
      .where(and(eq(webChatMessages.sessionId, detail.session_id), isNotNull(webChatMessages.serverId)))
      .all()
    const known = new Set(stored.map((r) => r.id))
    // A session's first read (the first sync's history, a new visitor) is not re-made: that
    // would cost every live session a request at the next poll.
    const news = known.size > 0 && (known.size !== ids.length || !ids.every((id) => known.has(id)))
    tx.delete(webChatMessages)
      .where(
        and(
          eq(webChatMessages.sessionId, detail.session_id),
          isNotNull(webChatMessages.serverId),
          sql`${webChatMessages.serverId} NOT IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
        ),
      )
      .run()
    upsertRows(
      tx,
      webChatMessages,
      detail.messages.map((m) => ({
        sessionId: detail.session_id,
        serverId: m.id,
        sender: m.sender,
        text: m.text,
        createdAt: m.created_at,
        createdAtMs: epochMs(m.created_at),
        state: 'sent',
        error: null,
      })),
      webChatMessages.serverId,
    )
    const fields = row.localRevision > 0 ? {} : sessionRow(detail)
    tx.update(webChatSessions)
      .set({ ...fields, messagesMarker: news && detail.status === 'active' ? RECHECK : (detail.last_activity_at ?? '') })
      .where(eq(webChatSessions.sessionId, detail.session_id))
      .run()
  })
}

// ── the outbox's local phase ──

export function requireWebChatSession(db: StoreDb, sessionId: string): SessionRow {
  const row = db.select().from(webChatSessions).where(eq(webChatSessions.sessionId, sessionId)).get()
  if (!row) throw notFound({ kind: 'web-chat-session', id: sessionId })
  return row
}

type Patch = Partial<Pick<SessionRow, 'status' | 'handledBy'>>

export function holdWebChatSession(db: StoreDb, sessionId: string, patch: Patch): Patch {
  const row = requireWebChatSession(db, sessionId)
  const previous: Patch = {}
  if (patch.status !== undefined) previous.status = row.status
  if (patch.handledBy !== undefined) previous.handledBy = row.handledBy
  db.update(webChatSessions).set({ ...patch, localRevision: row.localRevision + 1 }).where(eq(webChatSessions.sessionId, sessionId)).run()
  return previous
}

export function releaseWebChatSession(db: StoreDb, sessionId: string, restore: Patch = {}): void {
  const row = db.select().from(webChatSessions).where(eq(webChatSessions.sessionId, sessionId)).get()
  if (!row) return
  db.update(webChatSessions)
    .set({ ...restore, localRevision: Math.max(row.localRevision - 1, 0) })
    .where(eq(webChatSessions.sessionId, sessionId))
    .run()
}

export function saveWebChatSessionIfUnheld(db: StoreDb, s: WebChatSession): void {
  db.update(webChatSessions)
    .set(sessionRow(s))
    .where(and(eq(webChatSessions.sessionId, s.session_id), eq(webChatSessions.localRevision, 0)))
    .run()
}

export function insertLocalWebChatMessage(db: StoreDb, input: { sessionId: string; localId: string; text: string; createdAt: string }): void {
  db.insert(webChatMessages)
    .values({ sessionId: input.sessionId, serverId: null, localId: input.localId, sender: 'agent', text: input.text, createdAt: input.createdAt, createdAtMs: epochMs(input.createdAt), state: 'pending', error: null })
    .run()
}

export function findLocalWebChatMessage(db: StoreDb, localId: string) {
  return db.select().from(webChatMessages).where(eq(webChatMessages.localId, localId)).get()
}

export function deleteUnsentWebChatMessage(db: StoreDb, localId: string): void {
  db.delete(webChatMessages).where(and(eq(webChatMessages.localId, localId), isNull(webChatMessages.serverId))).run()
}

export function failLocalWebChatMessage(db: StoreDb, localId: string, error: string): void {
  db.update(webChatMessages).set({ state: 'failed', error }).where(eq(webChatMessages.localId, localId)).run()
}

export function confirmLocalWebChatMessage(db: StoreDb, localId: string, m: WebChatMessage): void {
  const copy = db.select({ rowId: webChatMessages.rowId }).from(webChatMessages).where(eq(webChatMessages.serverId, m.id)).get()
  if (copy) {
    db.delete(webChatMessages).where(eq(webChatMessages.localId, localId)).run()
    return
  }
  db.update(webChatMessages)
    .set({ serverId: m.id, state: 'sent', error: null, ...(m.created_at ? { createdAt: m.created_at, createdAtMs: epochMs(m.created_at) } : {}) })
    .where(eq(webChatMessages.localId, localId))
    .run()
}
