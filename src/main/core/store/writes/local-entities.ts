// Rows the outbox creates, changes or removes before the server has done so (the local
// phase of an action), and what it does once the server answers: re-key a row created
// offline to the server's id, or put back what a failed action changed. Callers run these
// inside the transaction that also writes the queued action.
import { and, eq, getTableColumns, sql } from 'drizzle-orm'
import type { Campaign } from '../../skylight/resources/campaigns'
import type { Contact } from '../../skylight/resources/contacts'
import type { MediaFile } from '../../skylight/resources/media'
import type { StoreDb } from '../db'
import { notFound } from '../errors'
import { aiAgents } from '../schema/ai-agents'
import { campaigns } from '../schema/campaigns'
import { kbEntries } from '../schema/knowledge-base'
import { lists, segments, tags } from '../schema/groups'
import { contacts } from '../schema/contacts'
import { media } from '../schema/media'
import { messages } from '../schema/messages'
import { outboxLocalIds } from '../schema/outbox'
import { teamMembers } from '../schema/team'
import { webhooks } from '../schema/webhooks'
import { indexContact, unindexContact } from '../search/contact-index'
import { unindexMessage } from '../search/message-index'
import { foldForComparison } from '../search/normalize'
import { campaignRow } from './campaigns'
import { contactRow } from './contacts'
import { mediaRow } from './media'
import { readChildren, restoreChildren, type ChildRows } from './row-children'

export type LocalTable = 'contact' | 'media' | 'campaign' | 'note' | 'teamMember' | 'webhook' | 'ai-agent' | 'kb-entry' | 'tag' | 'list' | 'segment'

/** A fresh negative id for a row created offline; never reused, even after a discard. */
export function nextLocalId(db: StoreDb, entity: LocalTable | 'ticket' | 'booking'): number {
  const row = db
    .insert(outboxLocalIds)
    .values({ entity, last: -1 })
    .onConflictDoUpdate({ target: outboxLocalIds.entity, set: { last: sql`${outboxLocalIds.last} - 1` } })
    .returning({ last: outboxLocalIds.last })
    .get()
  return row.last
}

const tables = {
  contact: contacts,
  media,
  campaign: campaigns,
  teamMember: teamMembers,
  webhook: webhooks,
  'ai-agent': aiAgents,
  'kb-entry': kbEntries,
  tag: tags,
  list: lists,
  segment: segments,
} as const
type Patchable = keyof typeof tables
type RowOf<K extends Patchable> = (typeof tables)[K]['$inferSelect']
const LABELS: Record<Patchable, string> = {
  contact: 'Contact',
  media: 'Media file',
  campaign: 'Campaign',
  teamMember: 'Team member',
  webhook: 'Webhook',
  'ai-agent': 'AI agent',
  'kb-entry': 'Knowledge base entry',
  tag: 'Tag',
  list: 'List',
  segment: 'Segment',
}

/**
 * Sets some columns of a row and returns their previous values, so a failed or discarded
 * action can put them back with the same call.
 */
export function patchRow<K extends Patchable>(db: StoreDb, kind: K, id: number, fields: Partial<RowOf<K>>): Partial<RowOf<K>> {
  const table = tables[kind]
  const current = db.select().from(table).where(eq(table.id, id)).get() as RowOf<K> | undefined
  if (!current) throw notFound(`${LABELS[kind]} ${id}`)
  const columns = getTableColumns(table) as Record<string, unknown>
  const previous: Record<string, unknown> = {}
  const set: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) {
    if (!(key in columns) || key === 'id' || key === 'localRevision' || value === undefined) continue
    previous[key] = (current as Record<string, unknown>)[key]
    set[key] = value
  }
  if (kind === 'contact' && typeof set.name === 'string') set.sortName = foldForComparison(set.name)
  if (kind === 'media' && typeof set.name === 'string') {
    set.searchText = foldForComparison(`${set.name} ${(current as RowOf<'media'>).originalName ?? ''}`)
  }
  if (Object.keys(set).length === 0) return {}
  db.update(table).set(set as never).where(eq(table.id, id)).run()
  if (kind === 'contact') reindexContact(db, id)
  return previous as Partial<RowOf<K>>
}

function reindexContact(db: StoreDb, id: number): void {
  const row = db.select().from(contacts).where(eq(contacts.id, id)).get()
  if (row) indexContact(db, { id, name: row.name, email: row.email, phone: row.phone })
}

/** A row removed by a queued delete, kept whole so a failed delete can restore it. */
export type RowSnapshot<K extends Patchable> = RowOf<K>

export function removeRow<K extends Patchable>(db: StoreDb, kind: K, id: number): RowSnapshot<K> | null {
  const table = tables[kind]
  const row = db.select().from(table).where(eq(table.id, id)).get() as RowOf<K> | undefined
  if (!row) return null
  if (kind === 'contact') {
    // The cascade removes the contact's messages but cannot tell the search index.
    for (const m of db.select({ rowId: messages.rowId, content: messages.content }).from(messages).where(eq(messages.contactId, id)).all()) {
      unindexMessage(db, m)
    }
    unindexContact(db, id)
  }
  db.delete(table).where(eq(table.id, id)).run()
  return row
}

/** Puts a removed row back (its children, e.g. a contact's messages, come back with sync). */
export function restoreRow<K extends Patchable>(db: StoreDb, kind: K, row: RowSnapshot<K>): void {
  const table = tables[kind]
  db.insert(table).values(row as never).onConflictDoNothing().run()
  if (kind === 'contact') reindexContact(db, (row as RowOf<'contact'>).id)
}

/** Removes a row and every row that hangs on it (row-children.ts), returning both to put back. */
export function takeRow<K extends Patchable>(db: StoreDb, kind: K, id: number): { row: RowSnapshot<K>; children: ChildRows } | null {
  const children = readChildren(db, tables[kind], id)
  const row = removeRow(db, kind, id)
  return row ? { row, children } : null
}

/** Undoes takeRow: the row, then its children (older payloads may have none). */
export function putBackRow<K extends Patchable>(db: StoreDb, kind: K, row: RowSnapshot<K>, children: ChildRows = {}): void {
  restoreRow(db, kind, row)
  restoreChildren(db, tables[kind], children)
}

export interface LocalContactInput {
  id: number
  name: string
  phone?: string | null
  email?: string | null
  type?: string | null
}

/** A contact created offline (negative id), held for the outbox. */
export function insertLocalContact(db: StoreDb, input: LocalContactInput): void {
  db.insert(contacts)
    .values({
      id: input.id,
      name: input.name,
      sortName: foldForComparison(input.name),
      phone: input.phone ?? null,
      email: input.email ?? null,
      type: input.type ?? null,
      blacklisted: false,
      localRevision: 1,
    })
    .run()
  reindexContact(db, input.id)
}

/**
 * The server created the contact: its row and everything pointing at it (messages, notes,
 * tags, memberships — foreign keys cascade on update) take the server's id. A copy sync
 * stored meanwhile (after a crash, say) gives way to the row the outbox has been holding.
 * Unless later queued edits still hold it, the row takes the server's fields too: the phone
 * as the server normalised it, its status and dates (they showed as typed, or empty).
 */
export function rekeyContact(db: StoreDb, localId: number, server: Contact): void {
  const local = db.select({ rev: contacts.localRevision }).from(contacts).where(eq(contacts.id, localId)).get()
  if (!local) return
  if (localId !== server.id) removeRow(db, 'contact', server.id)
  unindexContact(db, localId)
  const { tags: _tags, ...fields } = contactRow(server)
  db.update(contacts).set(local.rev <= 1 ? fields : { id: server.id }).where(eq(contacts.id, localId)).run()
  reindexContact(db, server.id)
}

export interface LocalMediaInput {
  id: number
  name: string
  originalName: string
  url: string
  fileType: string
  mimeType: string
  extension: string
  fileSize: number
  createdAt: string
}

export function insertLocalMedia(db: StoreDb, input: LocalMediaInput): void {
  db.insert(media)
    .values({
      ...input,
      isActive: true,
      createdAtMs: Date.parse(input.createdAt) || 0,
      searchText: foldForComparison(`${input.name} ${input.originalName}`),
      localRevision: 1,
    })
    .run()
}

/**
 * The upload finished: the local row becomes the server's record, keeping its holds. Its
 * fields are the server's unless later queued edits (a rename) still hold it.
 */
export function rekeyMedia(db: StoreDb, localId: number, file: MediaFile): void {
  const local = db.select().from(media).where(eq(media.id, localId)).get()
  if (!local) return
  if (localId !== file.id) db.delete(media).where(eq(media.id, file.id)).run()
  const fields = local.localRevision <= 1 ? mediaRow(file) : { id: file.id }
  db.update(media).set(fields).where(eq(media.id, localId)).run()
}

export interface LocalCampaignInput {
  id: number
  name: string
  message: string
  channelId: number
  contactIds: number[]
  listIds: number[]
  segmentIds: number[]
  isNewNumber: boolean
  createdAt: string
}

export function insertLocalCampaign(db: StoreDb, input: LocalCampaignInput): void {
  db.insert(campaigns)
    .values({
      ...input,
      status: 'draft',
      totalContacts: 0,
      successCount: 0,
      failedCount: 0,
      progressPercentage: 0,
      campaignContactsCount: 0,
      sentContactsCount: 0,
      failedContactsCount: 0,
      pendingContactsCount: 0,
      createdAtMs: Date.parse(input.createdAt) || 0,
      localRevision: 1,
    })
    .run()
}

/** Like rekeyMedia: the created draft takes the server's id (delivery rows cascade). */
export function rekeyCampaign(db: StoreDb, localId: number, server: Campaign): void {
  const local = db.select().from(campaigns).where(eq(campaigns.id, localId)).get()
  if (!local) return
  if (localId !== server.id) db.delete(campaigns).where(eq(campaigns.id, server.id)).run()
  const fields = local.localRevision <= 1 ? campaignRow(server) : { id: server.id }
  db.update(campaigns).set(fields).where(eq(campaigns.id, localId)).run()
}

/** Writes the server's copy of a campaign over the local one if nothing else holds it. */
export function saveCampaignIfUnheld(db: StoreDb, server: Campaign): void {
  const local = db.select({ rev: campaigns.localRevision }).from(campaigns).where(eq(campaigns.id, server.id)).get()
  if (!local || local.rev > 0) return
  const row = campaignRow(server)
  db.update(campaigns).set(row).where(and(eq(campaigns.id, server.id), eq(campaigns.localRevision, 0))).run()
}
