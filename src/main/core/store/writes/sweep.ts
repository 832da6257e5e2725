// Deletion passes. The API has no "deleted since", so a full pass marks every row in scope
// (markAll), re-reads everything — each upsert clears the mark of what it sees — and then
// deletes what is still marked (sweepUnseen). Rows with local changes are never swept.
import { and, eq, sql, type SQL } from 'drizzle-orm'
import { inTransaction, type StoreDb } from '../db'
import { campaignContacts } from '../schema/campaigns'
import { contacts } from '../schema/contacts'
import { listMembers, segmentMembers } from '../schema/groups'
import { media } from '../schema/media'
import { conversations, messages } from '../schema/messages'
import { unindexMessage } from '../search/message-index'
import { deleteContacts } from './contacts'

export type SweepTarget =
  | { resource: 'contacts' }
  | { resource: 'conversations' }
  | { resource: 'media' }
  | { resource: 'messages'; contactId: number }
  | { resource: 'list-members'; listId: number }
  | { resource: 'segment-members'; segmentId: number }
  | { resource: 'campaign-contacts'; campaignId: number }

/** Marks every row in scope as not yet seen in this pass; returns how many. */
export function markAll(db: StoreDb, target: SweepTarget): number {
  switch (target.resource) {
    case 'contacts':
      return db.update(contacts).set({ unseen: true }).run().changes
    case 'conversations':
      return db.update(conversations).set({ unseen: true }).run().changes
    case 'media':
      return db.update(media).set({ unseen: true }).run().changes
    case 'messages':
      return db.update(messages).set({ unseen: true }).where(messagesInScope(target.contactId)).run().changes
    case 'list-members':
      return db.update(listMembers).set({ unseen: true }).where(eq(listMembers.listId, target.listId)).run().changes
    case 'segment-members':
      return db.update(segmentMembers).set({ unseen: true }).where(eq(segmentMembers.segmentId, target.segmentId)).run()
        .changes
    case 'campaign-contacts':
      return db.update(campaignContacts).set({ unseen: true }).where(eq(campaignContacts.campaignId, target.campaignId)).run()
        .changes
    default:
      return unknownTarget(target)
  }
}

const wholeTables = {
  contacts: { table: 'contacts', key: 'id' },
  conversations: { table: 'conversations', key: 'contact_id' },
  media: { table: 'media', key: 'id' },
} as const

export type WholeTable = keyof typeof wholeTables

/**
 * markAll for a whole table, a slice at a time: marks up to `limit` rows whose key is above
 * `afterKey` and returns the last key marked (null when none were left). Marking 10k
 * contacts at once held the main process ~15 ms; the sync engine marks in slices between
 * which the app can breathe.
 */
export function markSlice(db: StoreDb, resource: WholeTable, afterKey: number, limit = 1000): number | null {
  const { table, key } = wholeTables[resource]
  const last = db.get<{ last: number | null }>(
    sql`SELECT max(k) AS last FROM (SELECT ${sql.raw(key)} AS k FROM ${sql.raw(table)} WHERE ${sql.raw(key)} > ${afterKey} ORDER BY 1 LIMIT ${limit})`,
  ).last
  if (last === null) return null
  db.run(sql`UPDATE ${sql.raw(table)} SET unseen = 1 WHERE ${sql.raw(key)} > ${afterKey} AND ${sql.raw(key)} <= ${last}`)
  return last
}

/** Rows a pass could not read but must keep: no longer candidates for its sweep. */
export function markSeen(db: StoreDb, resource: WholeTable, keys: readonly number[]): void {
  if (keys.length === 0) return
  const { table, key } = wholeTables[resource]
  db.run(sql`UPDATE ${sql.raw(table)} SET unseen = 0 WHERE ${sql.raw(key)} IN (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`)
}

/** Deletes what the pass did not see, in one transaction; returns how many rows went. */
export function sweepUnseen(db: StoreDb, target: SweepTarget): number {
  return inTransaction(db, (tx) => {
    switch (target.resource) {
      case 'contacts': {
        // A contact with a message still waiting to be sent stays until the outbox is done.
        const doomed = tx.all<{ id: number }>(sql`
          SELECT id FROM contacts c WHERE c.unseen = 1 AND c.local_revision = 0
            AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.contact_id = c.id AND m.local_revision > 0)`)
        return deleteContacts(tx, doomed.map((r) => r.id))
      }
      case 'conversations':
        return tx.delete(conversations).where(sql`${conversations.unseen} = 1 AND ${conversations.localRevision} = 0`).run()
          .changes
      case 'media':
        return tx.delete(media).where(sql`${media.unseen} = 1 AND ${media.localRevision} = 0`).run().changes
      case 'messages': {
        const doomed = and(messagesInScope(target.contactId), sql`${messages.unseen} = 1 AND ${messages.localRevision} = 0`)
        const rows = tx.select({ rowId: messages.rowId, content: messages.content }).from(messages).where(doomed).all()
        for (const row of rows) unindexMessage(tx, row)
        return tx.delete(messages).where(doomed).run().changes
      }
      case 'list-members':
        return tx.delete(listMembers).where(and(eq(listMembers.listId, target.listId), eq(listMembers.unseen, true))).run()
          .changes
      case 'segment-members':
        return tx
          .delete(segmentMembers)
          .where(and(eq(segmentMembers.segmentId, target.segmentId), eq(segmentMembers.unseen, true)))
          .run().changes
      case 'campaign-contacts':
        return tx
          .delete(campaignContacts)
          .where(and(eq(campaignContacts.campaignId, target.campaignId), eq(campaignContacts.unseen, true)))
          .run().changes
      default:
        return unknownTarget(target)
    }
  })
}

/** A group's members or a campaign's delivery rows still marked unseen: what a sweep would remove. */
export function countUnseenChildren(db: StoreDb, target: Extract<SweepTarget, { resource: 'list-members' | 'segment-members' | 'campaign-contacts' }>): number {
  const [table, key, id] =
    target.resource === 'list-members'
      ? [sql`list_members`, sql`list_id`, target.listId]
      : target.resource === 'segment-members'
        ? [sql`segment_members`, sql`segment_id`, target.segmentId]
        : [sql`campaign_contacts`, sql`campaign_id`, target.campaignId]
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${table} WHERE ${key} = ${id} AND unseen = 1`)?.n ?? 0
}

// Only messages the server has: one written offline and not yet sent is not "unseen".
function messagesInScope(contactId: number): SQL | undefined {
  return and(eq(messages.contactId, contactId), sql`${messages.serverId} IS NOT NULL`)
}

function unknownTarget(target: never): never {
  throw new Error(`Unknown sweep target: ${JSON.stringify(target)}`)
}
