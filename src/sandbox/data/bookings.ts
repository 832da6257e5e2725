// Bookings: appointments customers make (through the AI, mostly) of a booking type, with a
// resource (staff or a room). Seeded around the seed's base date in every status; the free
// slots of a day are the working hours (09:00–17:00 UTC) less what is already booked.
import type { AccountStore } from './account-store'
import type { BookingRec, BookingStatus } from './model'
import type { Prng } from './prng'
import { DAY, HOUR, iso, MINUTE } from './time'
import type { World } from './world'

const TYPES = [
  { name: 'Consultation', durationMinutes: 60 },
  { name: 'استشارة سريعة', durationMinutes: 30 },
  { name: 'Follow-up', durationMinutes: 30 },
]
const RESOURCES = [
  { name: 'Dr. Sarah Johnson', type: 'staff' as const },
  { name: 'غرفة الاجتماعات ١', type: 'room' as const },
]
const STATUS_CYCLE: readonly BookingStatus[] = ['confirmed', 'pending', 'completed', 'confirmed', 'cancelled']
export const OPEN_HOUR = 9
export const CLOSE_HOUR = 17

export function bookingTitle(store: AccountStore, typeId: number, contactId: number): string {
  const type = store.bookingTypes.find((t) => t.id === typeId)
  return `${type?.name ?? 'Booking'} – ${store.contacts.get(contactId)?.name ?? 'Customer'}`
}

export function generateBookings(world: World, store: AccountStore, random: Prng, base: number): void {
  for (const t of TYPES) store.bookingTypes.push({ id: world.ids.next('bookingType'), ...t })
  for (const r of RESOURCES) store.bookingResources.push({ id: world.ids.next('bookingResource'), ...r })
  const contacts = store.contactIds.slice(0, 12)
  const dayStart = Math.floor(base / DAY) * DAY
  contacts.forEach((contactId, i) => {
    const type = store.bookingTypes[i % store.bookingTypes.length]!
    const resource = store.bookingResources[i % store.bookingResources.length]!
    // From a week before the base date to a week after, on the hour within working hours.
    const startsAt = dayStart + (i - 6) * DAY + (OPEN_HOUR + random.int(0, CLOSE_HOUR - OPEN_HOUR - 1)) * HOUR
    const createdAt = Math.min(startsAt, base) - random.int(1, 72) * HOUR
    const status = startsAt > base && STATUS_CYCLE[i % STATUS_CYCLE.length] === 'completed' ? 'confirmed' : STATUS_CYCLE[i % STATUS_CYCLE.length]!
    const booking: BookingRec = {
      id: world.ids.next('booking'),
      contactId,
      typeId: type.id,
      resourceId: resource.id,
      title: bookingTitle(store, type.id, contactId),
      startsAt,
      endsAt: startsAt + type.durationMinutes * MINUTE,
      status,
      notes: i % 3 === 0 ? (i % 2 === 0 ? 'First-time client' : 'يفضل الموعد المسائي') : null,
      createdAt,
      updatedAt: createdAt,
    }
    store.bookings.set(booking.id, booking)
  })
}

/** Bookings that hold their time (cancelled ones free it). */
const holdsTime = (b: BookingRec) => b.status === 'pending' || b.status === 'confirmed'

/** Is [startsAt, endsAt) free for the resource (or, without one, for every resource)? */
export function isFree(store: AccountStore, startsAt: number, endsAt: number, resourceId: number | null, except?: number): boolean {
  for (const b of store.bookings.values()) {
    if (b.id === except || !holdsTime(b)) continue
    if (resourceId !== null && b.resourceId !== null && b.resourceId !== resourceId) continue
    if (b.startsAt < endsAt && startsAt < b.endsAt) return false
  }
  return true
}

/** The free slots of one UTC day for a type (and resource), in working hours. */
export function freeSlots(store: AccountStore, day: number, durationMinutes: number, resourceId: number | null, now: number) {
  const slots: { starts_at: string; ends_at: string }[] = []
  const step = durationMinutes * MINUTE
  for (let t = day + OPEN_HOUR * HOUR; t + step <= day + CLOSE_HOUR * HOUR; t += step) {
    if (t > now && isFree(store, t, t + step, resourceId)) slots.push({ starts_at: iso(t), ends_at: iso(t + step) })
  }
  return slots
}

export function bookingJson(b: BookingRec) {
  return {
    id: b.id,
    contact_id: b.contactId,
    booking_type_id: b.typeId,
    resource_id: b.resourceId,
    title: b.title,
    starts_at: iso(b.startsAt),
    ends_at: iso(b.endsAt),
    status: b.status,
    notes: b.notes,
    created_at: iso(b.createdAt),
    updated_at: iso(b.updatedAt),
  }
}

export function bookingTypeJson(t: { id: number; name: string; durationMinutes: number }) {
  return { id: t.id, name: t.name, duration_minutes: t.durationMinutes }
}

export function bookingResourceJson(r: { id: number; name: string; type: string }) {
  return { id: r.id, name: r.name, type: r.type }
}
