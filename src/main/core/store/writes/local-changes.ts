// The marker the outbox sets on a row while a change to it is queued, so sync leaves the
// row as the user left it. Each queued change raises the revision by one and each change
// carried out (or discarded) lowers it, so overlapping changes to one row hold it until
// the last is done.
import { eq, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { StoreDb } from '../db'
import { notFound } from '../errors'
import { account } from '../schema/account'
import { aiAgents } from '../schema/ai-agents'
import { campaigns } from '../schema/campaigns'
import { kbEntries } from '../schema/knowledge-base'
import { contactNotes, contacts } from '../schema/contacts'
import { lists, segments, tags } from '../schema/groups'
import { media } from '../schema/media'
import { conversations, messages } from '../schema/messages'
import { teamMembers } from '../schema/team'
import { webhooks } from '../schema/webhooks'

export type LocalEntity =
  | { kind: 'account'; id: number }
  | { kind: 'contact'; id: number }
  | { kind: 'note'; id: number }
  | { kind: 'tag'; id: number }
  | { kind: 'list'; id: number }
  | { kind: 'segment'; id: number }
  | { kind: 'conversation'; contactId: number }
  | { kind: 'message'; rowId: number }
  | { kind: 'media'; id: number }
  | { kind: 'campaign'; id: number }
  | { kind: 'teamMember'; id: number }
  | { kind: 'webhook'; id: number }
  | { kind: 'ai-agent'; id: number }
  | { kind: 'kb-entry'; id: number }

interface Target {
  table: SQLiteTable
  key: SQLiteColumn
  revision: SQLiteColumn
  value: number
  label: string
}

function target(entity: LocalEntity): Target {
  switch (entity.kind) {
    case 'account':
      return { table: account, key: account.id, revision: account.localRevision, value: entity.id, label: 'The account' }
    case 'contact':
      return { table: contacts, key: contacts.id, revision: contacts.localRevision, value: entity.id, label: `Contact ${entity.id}` }
    case 'note':
      return { table: contactNotes, key: contactNotes.id, revision: contactNotes.localRevision, value: entity.id, label: `Note ${entity.id}` }
    case 'tag':
      return { table: tags, key: tags.id, revision: tags.localRevision, value: entity.id, label: `Tag ${entity.id}` }
    case 'list':
      return { table: lists, key: lists.id, revision: lists.localRevision, value: entity.id, label: `List ${entity.id}` }
    case 'segment':
      return { table: segments, key: segments.id, revision: segments.localRevision, value: entity.id, label: `Segment ${entity.id}` }
    case 'conversation':
      return {
        table: conversations,
        key: conversations.contactId,
        revision: conversations.localRevision,
        value: entity.contactId,
        label: `The conversation with contact ${entity.contactId}`,
      }
    case 'message':
      return { table: messages, key: messages.rowId, revision: messages.localRevision, value: entity.rowId, label: 'That message' }
    case 'media':
      return { table: media, key: media.id, revision: media.localRevision, value: entity.id, label: `Media file ${entity.id}` }
    case 'campaign':
      return { table: campaigns, key: campaigns.id, revision: campaigns.localRevision, value: entity.id, label: `Campaign ${entity.id}` }
    case 'teamMember':
      return { table: teamMembers, key: teamMembers.id, revision: teamMembers.localRevision, value: entity.id, label: `Team member ${entity.id}` }
    case 'webhook':
      return { table: webhooks, key: webhooks.id, revision: webhooks.localRevision, value: entity.id, label: `Webhook ${entity.id}` }
    case 'ai-agent':
      return { table: aiAgents, key: aiAgents.id, revision: aiAgents.localRevision, value: entity.id, label: `AI agent ${entity.id}` }
    case 'kb-entry':
      return { table: kbEntries, key: kbEntries.id, revision: kbEntries.localRevision, value: entity.id, label: `Knowledge base entry ${entity.id}` }
  }
}

function shift(db: StoreDb, entity: LocalEntity, next: (revision: SQLiteColumn) => SQL): number {
  const t = target(entity)
  const row = db.get<{ revision: number } | undefined>(
    sql`UPDATE ${t.table} SET ${sql.identifier(t.revision.name)} = ${next(t.revision)} WHERE ${eq(t.key, t.value)} RETURNING ${t.revision} AS revision`,
  )
  if (!row) throw notFound(t.label)
  return row.revision
}

/** Throws `not-found` (with the row's name) unless the local copy has this row. */
export function requireLocal(db: StoreDb, entity: LocalEntity): void {
  const t = target(entity)
  if (!db.get(sql`SELECT 1 AS found FROM ${t.table} WHERE ${eq(t.key, t.value)}`)) throw notFound(t.label)
}

/** A change to this row was queued; returns the row's new revision. */
export function holdForLocalChange(db: StoreDb, entity: LocalEntity): number {
  return shift(db, entity, (column) => sql`${column} + 1`)
}

/** A queued change was carried out or discarded; at 0 sync may overwrite the row again. */
export function releaseLocalChange(db: StoreDb, entity: LocalEntity): number {
  return shift(db, entity, (column) => sql`max(${column} - 1, 0)`)
}
