// Rows the outbox creates, changes or removes before the server has done so (the local
// phase of an action), and what it does once the server answers: re-key a row created
// offline to the server's id, or put back what a failed action changed. Callers run these
// inside the transaction that also writes the queued action.
import { and, eq, getTableColumns, sql } from 'drizzle-orm'
import type { Campaign } from '../../skylight/resources/campaigns'
import type { Contact } from '../../skylight/resources/contacts'
import type { MediaFile } from '../../skylight/resources/media'
import type { StoreDb } from '../db'
import { entity, fieldOf, type EntityName, type EntityRow } from '../entities'
import { notFound } from '../errors'
import { campaigns } from '../schema/campaigns'
import { contacts } from '../schema/contacts'
import { media } from '../schema/media'
import { messages } from '../schema/messages'
import { outboxLocalIds } from '../schema/outbox'
import { indexContact, unindexContact } from '../search/contact-index'
import { unindexMessage } from '../search/message-index'
import { foldForComparison } from '../search/normalize'
import { campaignRow } from './campaigns'
import { contactRow } from './contacts'
import { mediaRow } from './media'
import { readChildren, restoreChildren, type ChildRows } from './row-children'

/** A fresh negative id for a row created offline; never reused, even after a discard. */
// 'tag': a provisional tag (local-contact-links.ts) takes its id from the same sequence.
export function nextLocalId(db: StoreDb, name: EntityName | 'tag'): number {
  const row = db
    .insert(outboxLocalIds)
    .values({ entity: name, last: -1 })
    .onConflictDoUpdate({ target: outboxLocalIds.entity, set: { last: sql`${outboxLocalIds.last} - 1` } })
    .returning({ last: outboxLocalIds.last })
    .get()
  return row.last
}

type RowOf<K extends EntityName> = EntityRow<K>

const capital = (noun: string) => `${noun[0]!.toUpperCase()}${noun.slice(1)}`

/**
 * Where a row's search index must follow it (search/): the two tables with text the user
 * searches. Every other table needs nothing beyond its own row.
 */
const searchHooks: Partial<Record<EntityName, { derive?(set: Record<string, unknown>, current: Record<string, unknown>): void; reindex?(db: StoreDb, id: number): void; unindex?(db: StoreDb, id: number): void }>> = {
  contact: {
    derive(set) {
      if (typeof set.name === 'string') set.sortName = foldForComparison(set.name)
    },
    reindex: (db, id) => reindexContact(db, id),
    unindex(db, id) {
      // The cascade removes the contact's messages but cannot tell the search index.
      for (const m of db.select({ rowId: messages.rowId, content: messages.content }).from(messages).where(eq(messages.contactId, id)).all()) {
        unindexMessage(db, m)
      }
      unindexContact(db, id)
    },
  },
  media: {
    derive(set, current) {
      if (typeof set.name === 'string') set.searchText = foldForComparison(`${set.name} ${current.originalName ?? ''}`)
    },
  },
}

/**
 * Sets some columns of a row and returns their previous values, so a failed or discarded
 * action can put them back with the same call.
 */
export function patchRow<K extends EntityName>(db: StoreDb, kind: K, id: number, fields: Partial<RowOf<K>>): Partial<RowOf<K>> {
  const spec = entity(kind)
  const current = db.select().from(spec.table).where(eq(spec.key, id)).get() as Record<string, unknown> | undefined
  if (!current) throw notFound({ kind, id, noun: spec.noun })
  const columns = getTableColumns(spec.table) as Record<string, unknown>
  const previous: Record<string, unknown> = {}
  const set: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) {
    if (!(key in columns) || key === 'id' || key === 'localRevision' || value === undefined) continue
    previous[key] = current[key]
    set[key] = value
  }
  if (Object.keys(set).length === 0) return {}
  searchHooks[kind]?.derive?.(set, current)
  db.update(spec.table).set(set as never).where(eq(spec.key, id)).run()
  searchHooks[kind]?.reindex?.(db, id)
  return previous as Partial<RowOf<K>>
}

function reindexContact(db: StoreDb, id: number): void {
  const row = db.select().from(contacts).where(eq(contacts.id, id)).get()
  if (row) indexContact(db, { id, name: row.name, email: row.email, phone: row.phone })
}

/** A row removed by a queued delete, kept whole so a failed delete can restore it. */
export type RowSnapshot<K extends EntityName> = RowOf<K>

export function removeRow<K extends EntityName>(db: StoreDb, kind: K, id: number): RowSnapshot<K> | null {
  const spec = entity(kind)
  const row: unknown = db.select().from(spec.table).where(eq(spec.key, id)).get()
  if (!row) return null
  searchHooks[kind]?.unindex?.(db, id)
  db.delete(spec.table).where(eq(spec.key, id)).run()
  return row as RowSnapshot<K>
}

/** Puts a removed row back (its children, e.g. a contact's messages, come back with sync). */
export function restoreRow<K extends EntityName>(db: StoreDb, kind: K, row: RowSnapshot<K>): void {
  const spec = entity(kind)
  db.insert(spec.table).values(row as never).onConflictDoNothing().run()
  const id = (row as Record<string, unknown>)[fieldOf(spec.table, spec.key)] as number
  searchHooks[kind]?.reindex?.(db, id)
}

/** Removes a row and every row that hangs on it (row-children.ts), returning both to put back. */
export function takeRow<K extends EntityName>(db: StoreDb, kind: K, id: number): { row: RowSnapshot<K>; children: ChildRows } | null {
  const children = readChildren(db, entity(kind).table, id)
  const row = removeRow(db, kind, id)
  return row ? { row, children } : null
}

/** Undoes takeRow: the row, then its children (older payloads may have none). */
export function putBackRow<K extends EntityName>(db: StoreDb, kind: K, row: RowSnapshot<K>, children: ChildRows = {}): void {
  restoreRow(db, kind, row)
  restoreChildren(db, entity(kind).table, children)
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
 * fields are the server's; a later queued rename keeps the name it gave (its own request
 * sends it), but the staged file's link gives way to the server's, as that file is gone.
 */
export function rekeyMedia(db: StoreDb, localId: number, file: MediaFile): void {
  const local = db.select().from(media).where(eq(media.id, localId)).get()
  if (!local) return
  if (localId !== file.id) db.delete(media).where(eq(media.id, file.id)).run()
  const server = mediaRow(file)
  const fields =
    local.localRevision <= 1
      ? server
      : { ...server, name: local.name, searchText: foldForComparison(`${local.name} ${file.original_name ?? ''}`) }
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
