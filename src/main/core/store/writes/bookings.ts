// Bookings arrive newest first, page by page; a full pass removes the ones the server no
// longer has. Types and resources are read whole. Bookings made or changed here are held
// until the outbox confirms them.
import { and, eq, gt, inArray, sql } from 'drizzle-orm'
import type { Booking, BookingResource, BookingType } from '../../skylight/resources/bookings'
import { inTransaction, type StoreDb } from '../db'
import { notFound } from '../errors'
import { bookingResources, bookings, bookingTypes } from '../schema/bookings'
import { epochMs } from '../time'
import { unsettledIds } from '../queries/unsettled-lanes'
import { partition, type PageWrite } from './partition'
import { replaceCollection, type ReplaceResult } from './replace'
import { inIds, upsertRows } from './upsert-rows'

type BookingRow = typeof bookings.$inferSelect

export function bookingRow(b: Booking) {
  return {
    id: b.id,
    contactId: b.contact_id,
    typeId: b.booking_type_id,
    resourceId: b.resource_id,
    title: b.title,
    startsAt: b.starts_at,
    startsAtMs: epochMs(b.starts_at),
    endsAt: b.ends_at,
    status: b.status,
    notes: b.notes,
    createdAt: b.created_at,
    updatedAt: b.updated_at,
  } satisfies typeof bookings.$inferInsert
}

/** One page; rows with a queued change are left as the user made them. */
export function upsertBookings(db: StoreDb, page: readonly Booking[]): PageWrite<number> {
  return inTransaction(db, (tx) => {
    const incoming = page.map(bookingRow)
    const stored = new Map(tx.select().from(bookings).where(inIds(bookings.id, incoming.map((r) => r.id))).all().map((r) => [r.id, r]))
    const { insert, update, result } = partition(incoming, (r) => r.id, stored)
    upsertRows(tx, bookings, [...insert, ...update], bookings.id)
    return result
  })
}

/**
 * After a full read: server bookings not seen are gone — not those held by a local change or
 * with an action still in the outbox, and none when `sweep` is false (the read may have
 * missed some: they are counted as kept).
 */
export function sweepBookings(db: StoreDb, seen: readonly number[], sweep = true): { removed: number; kept: number } {
  return inTransaction(db, (tx) => {
    const busy = unsettledIds(tx, 'booking')
    const unseen = tx
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(gt(bookings.id, 0), eq(bookings.localRevision, 0), sql`${bookings.id} NOT IN (SELECT value FROM json_each(${JSON.stringify(seen)}))`))
      .all()
      .map((r) => r.id)
      .filter((id) => !busy.has(id))
    if (!sweep) return { removed: 0, kept: unseen.length }
    if (unseen.length > 0) tx.delete(bookings).where(inArray(bookings.id, unseen)).run()
    return { removed: unseen.length, kept: 0 }
  })
}

export function replaceBookingTypes(db: StoreDb, all: readonly BookingType[], sweep = true): ReplaceResult<number> {
  return inTransaction(db, (tx) =>
    replaceCollection(
      all.map((t) => ({ id: t.id, name: t.name, durationMinutes: t.duration_minutes })),
      {
        keyOf: (row) => row.id,
        stored: () => new Map(tx.select().from(bookingTypes).all().map((r) => [r.id, r])),
        write: (rows) => upsertRows(tx, bookingTypes, rows, bookingTypes.id),
        remove: (ids) => tx.delete(bookingTypes).where(inArray(bookingTypes.id, ids)).run(),
      },
      sweep,
    ),
  )
}

export function replaceBookingResources(db: StoreDb, all: readonly BookingResource[], sweep = true): ReplaceResult<number> {
  return inTransaction(db, (tx) =>
    replaceCollection(
      all.map((r) => ({ id: r.id, name: r.name, type: r.type })),
      {
        keyOf: (row) => row.id,
        stored: () => new Map(tx.select().from(bookingResources).all().map((r) => [r.id, r])),
        write: (rows) => upsertRows(tx, bookingResources, rows, bookingResources.id),
        remove: (ids) => tx.delete(bookingResources).where(inArray(bookingResources.id, ids)).run(),
      },
      sweep,
    ),
  )
}

// ── the outbox's local phase ──

export interface LocalBookingInput {
  id: number
  contactId: number
  typeId: number
  resourceId: number | null
  startsAt: string
  notes: string | null
}

/** A booking made here (negative id), held; its end follows from the type's length when known. */
export function insertLocalBooking(db: StoreDb, input: LocalBookingInput): void {
  const type = db.select().from(bookingTypes).where(eq(bookingTypes.id, input.typeId)).get()
  const startsAtMs = epochMs(input.startsAt)
  db.insert(bookings)
    .values({
      id: input.id,
      contactId: input.contactId,
      typeId: input.typeId,
      resourceId: input.resourceId,
      title: type?.name ?? 'Booking',
      startsAt: input.startsAt,
      startsAtMs,
      endsAt: type?.durationMinutes ? new Date(startsAtMs + type.durationMinutes * 60_000).toISOString() : null,
      status: 'pending',
      notes: input.notes,
      createdAt: new Date().toISOString(),
      updatedAt: null,
      localRevision: 1,
    })
    .run()
}

export function rekeyBooking(db: StoreDb, localId: number, created: Booking): void {
  if (localId !== created.id) {
    db.delete(bookings).where(eq(bookings.id, created.id)).run()
    db.update(bookings).set({ id: created.id }).where(eq(bookings.id, localId)).run()
  }
  db.update(bookings)
    .set({ ...bookingRow(created), localRevision: sql`max(${bookings.localRevision} - 1, 0)` })
    .where(eq(bookings.id, created.id))
    .run()
}

export function removeLocalBooking(db: StoreDb, localId: number): void {
  db.delete(bookings).where(eq(bookings.id, localId)).run()
}

export function requireBooking(db: StoreDb, id: number): BookingRow {
  const row = db.select().from(bookings).where(eq(bookings.id, id)).get()
  if (!row) throw notFound(`Booking ${id}`)
  return row
}

type Patch = Partial<Pick<BookingRow, 'status' | 'startsAt' | 'startsAtMs' | 'endsAt' | 'typeId' | 'resourceId' | 'notes'>>

/** Changes some fields and holds the row; returns their previous values (for the undo). */
export function holdBookingChange(db: StoreDb, id: number, patch: Patch): Patch {
  const row = requireBooking(db, id)
  const previous: Record<string, unknown> = {}
  for (const key of Object.keys(patch)) previous[key] = row[key as keyof BookingRow]
  db.update(bookings).set({ ...patch, localRevision: row.localRevision + 1 }).where(eq(bookings.id, id)).run()
  return previous as Patch
}

/** Puts fields back (none: keeps them) and releases one hold; a gone row is fine. */
export function releaseBooking(db: StoreDb, id: number, restore: Patch = {}): void {
  const row = db.select().from(bookings).where(eq(bookings.id, id)).get()
  if (!row) return
  db.update(bookings).set({ ...restore, localRevision: Math.max(row.localRevision - 1, 0) }).where(eq(bookings.id, id)).run()
}

export function saveBookingIfUnheld(db: StoreDb, b: Booking): void {
  db.update(bookings).set(bookingRow(b)).where(and(eq(bookings.id, b.id), eq(bookings.localRevision, 0))).run()
}
