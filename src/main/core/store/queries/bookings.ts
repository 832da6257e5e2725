// The bookings views: a time range (a day, a week) or everything, with status, type and
// resource filters; one booking; and what may be done to a booking in its state — decided
// here, asked by the interface and checked again before anything is queued.
import { and, asc, count, eq, gte, lt, type SQL } from 'drizzle-orm'
import type { StoreDb } from '../db'
import { notFound } from '../errors'
import { bookingResources, bookings, bookingTypes } from '../schema/bookings'
import { contacts } from '../schema/contacts'
import { clampLimit } from './page'

export type BookingCommand = 'confirm' | 'complete' | 'cancel' | 'reschedule'

export type BookingAllowed = Record<BookingCommand, boolean>

/**
 * The booking life cycle: pending → confirmed → completed, and pending or confirmed →
 * cancelled. Only a booking that still holds its time can move; one is completed once it
 * has begun.
 */
export function bookingAllowed(status: string, startsAtMs: number, now: number): BookingAllowed {
  const active = status === 'pending' || status === 'confirmed'
  return {
    confirm: status === 'pending',
    complete: status === 'confirmed' && startsAtMs <= now,
    cancel: active,
    reschedule: active,
  }
}

/** The status a command leads to (reschedule keeps it). */
export const statusAfter: Record<Exclude<BookingCommand, 'reschedule'>, string> = { confirm: 'confirmed', complete: 'completed', cancel: 'cancelled' }

export interface BookingItem {
  id: number
  contactId: number
  contactName: string | null
  typeId: number | null
  typeName: string | null
  resourceId: number | null
  resourceName: string | null
  title: string
  startsAt: string
  endsAt: string | null
  status: string
  notes: string | null
  pending: boolean
  allowed: BookingAllowed
}

export interface BookingListOptions {
  status?: string
  typeId?: number
  resourceId?: number
  /** Epoch ms: bookings starting in [fromMs, toMs). */
  fromMs?: number
  toMs?: number
  limit?: number
  offset?: number
}

function select(db: StoreDb) {
  return db
    .select({
      row: bookings,
      contactName: contacts.name,
      typeName: bookingTypes.name,
      resourceName: bookingResources.name,
    })
    .from(bookings)
    .leftJoin(contacts, eq(contacts.id, bookings.contactId))
    .leftJoin(bookingTypes, eq(bookingTypes.id, bookings.typeId))
    .leftJoin(bookingResources, eq(bookingResources.id, bookings.resourceId))
}

type Selected = { row: typeof bookings.$inferSelect; contactName: string | null; typeName: string | null; resourceName: string | null }

function toItem({ row, contactName, typeName, resourceName }: Selected, now: number): BookingItem {
  return {
    id: row.id,
    contactId: row.contactId,
    contactName,
    typeId: row.typeId,
    typeName,
    resourceId: row.resourceId,
    resourceName,
    title: row.title,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status,
    notes: row.notes,
    pending: row.localRevision > 0 || row.id < 0,
    allowed: bookingAllowed(row.status, row.startsAtMs, now),
  }
}

function bookingWhere(options: BookingListOptions): SQL | undefined {
  const where: SQL[] = []
  if (options.status !== undefined) where.push(eq(bookings.status, options.status))
  if (options.typeId !== undefined) where.push(eq(bookings.typeId, options.typeId))
  if (options.resourceId !== undefined) where.push(eq(bookings.resourceId, options.resourceId))
  if (options.fromMs !== undefined) where.push(gte(bookings.startsAtMs, options.fromMs))
  if (options.toMs !== undefined) where.push(lt(bookings.startsAtMs, options.toMs))
  return and(...where)
}

/** How many bookings match (limit and offset aside). */
export function bookingCount(db: StoreDb, options: BookingListOptions = {}): number {
  return db.select({ n: count() }).from(bookings).where(bookingWhere(options)).get()?.n ?? 0
}

/** In time order. */
export function bookingList(db: StoreDb, options: BookingListOptions = {}, now = Date.now()): BookingItem[] {
  return select(db)
    .where(bookingWhere(options))
    .orderBy(asc(bookings.startsAtMs), asc(bookings.id))
    .limit(clampLimit(options.limit))
    .offset(Math.max(0, options.offset ?? 0))
    .all()
    .map((r) => toItem(r, now))
}

export function getBooking(db: StoreDb, id: number, now = Date.now()): BookingItem {
  const found = select(db).where(eq(bookings.id, id)).get()
  if (!found) throw notFound(`Booking ${id}`)
  return toItem(found, now)
}

export function bookingOptions(db: StoreDb) {
  return {
    types: db.select({ id: bookingTypes.id, name: bookingTypes.name, durationMinutes: bookingTypes.durationMinutes }).from(bookingTypes).orderBy(asc(bookingTypes.id)).all(),
    resources: db.select({ id: bookingResources.id, name: bookingResources.name, type: bookingResources.type }).from(bookingResources).orderBy(asc(bookingResources.id)).all(),
  }
}
