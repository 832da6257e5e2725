// Bookings (docs.skylightchat.com/rest-api/bookings): list with status, contact and date
// filters, create, get, update, cancel, the booking types and resources, and the free
// slots of a day. The page stops after "Create a booking"; the update, cancel, types,
// resources and availability shapes are this sandbox's reading, Laravel style. A time that
// is taken, past, or outside working hours is refused with a 422 on `starts_at`.
import { z } from 'zod'
import type { AccountStore } from '../data/account-store'
import { bookingJson, bookingResourceJson, bookingTitle, bookingTypeJson, CLOSE_HOUR, freeSlots, isFree, OPEN_HOUR } from '../data/bookings'
import { BOOKING_STATUSES, type BookingRec } from '../data/model'
import { DAY, HOUR, MINUTE } from '../data/time'
import { pageRequest, paginateArray } from '../http/pagination'
import { created, fail, notFound, ok, validationFailed } from '../http/respond'
import type { Router } from '../http/router'
import { integer, nullableString, oneOf, queryEnum, requiredString, validate } from '../http/validate'
import { param } from './lookup'

const createBooking = z.object({
  contact_id: integer('contact_id'),
  booking_type_id: integer('booking_type_id'),
  resource_id: integer('resource_id').nullish(),
  starts_at: requiredString('starts_at', 64),
  notes: nullableString('notes', 2000),
})
const updateBooking = z.object({
  booking_type_id: integer('booking_type_id').optional(),
  resource_id: integer('resource_id').nullish(),
  starts_at: requiredString('starts_at', 64).optional(),
  notes: nullableString('notes', 2000),
  status: oneOf('status', ['pending', 'confirmed', 'completed'] as const).optional(),
})

function findBooking(store: AccountStore, id: number): BookingRec {
  const booking = store.bookings.get(id)
  if (!booking) throw notFound('Booking')
  return booking
}

function parseTime(value: string, field: string): number {
  const ms = Date.parse(value)
  if (!Number.isFinite(ms)) throw validationFailed({ [field]: [`The ${field.replaceAll('_', ' ')} field must be a valid date.`] })
  return ms
}

function typeOf(store: AccountStore, id: number) {
  const type = store.bookingTypes.find((t) => t.id === id)
  if (!type) throw validationFailed({ booking_type_id: ['The selected booking type id is invalid.'] })
  return type
}

function checkResource(store: AccountStore, id: number | null | undefined): void {
  if (id !== null && id !== undefined && !store.bookingResources.some((r) => r.id === id)) {
    throw validationFailed({ resource_id: ['The selected resource id is invalid.'] })
  }
}

/** Refuses a time in the past, outside working hours, or taken on the resource. */
function checkSlot(store: AccountStore, startsAt: number, endsAt: number, resourceId: number | null, now: number, except?: number): void {
  const day = Math.floor(startsAt / DAY) * DAY
  if (startsAt <= now) throw validationFailed({ starts_at: ['The starts at must be a date after now.'] })
  if (startsAt < day + OPEN_HOUR * HOUR || endsAt > day + CLOSE_HOUR * HOUR) {
    throw validationFailed({ starts_at: [`The selected time is outside working hours (${OPEN_HOUR}:00–${CLOSE_HOUR}:00 UTC).`] })
  }
  if (!isFree(store, startsAt, endsAt, resourceId, except)) throw validationFailed({ starts_at: ['The selected time is not available.'] })
}

export function bookingRoutes(router: Router): void {
  // Before /bookings/{id}: these names are not ids.
  router.get('/bookings/types', ({ store }) => ok(store.bookingTypes.map(bookingTypeJson)))
  router.get('/bookings/resources', ({ store }) => ok(store.bookingResources.map(bookingResourceJson)))
  router.get('/bookings/availability', ({ store, query, now }) => {
    const errors: Record<string, string[]> = {}
    const typeId = Number(query.get('booking_type_id'))
    const date = query.get('date') ?? ''
    if (!query.get('booking_type_id')) errors.booking_type_id = ['The booking type id field is required.']
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isFinite(Date.parse(`${date}T00:00:00Z`))) errors.date = ['The date field must be a valid date (YYYY-MM-DD).']
    if (Object.keys(errors).length > 0) throw validationFailed(errors)
    const type = typeOf(store, typeId)
    const rawResource = query.get('resource_id')
    const resourceId = rawResource ? Number(rawResource) : null
    checkResource(store, resourceId)
    const slots = freeSlots(store, Date.parse(`${date}T00:00:00Z`), type.durationMinutes, resourceId, now)
    return ok({ date, booking_type_id: type.id, resource_id: resourceId, slots })
  })

  router.get('/bookings', ({ store, query }) => {
    const status = queryEnum(query, 'status', BOOKING_STATUSES)
    const contactId = query.get('contact_id') ? Number(query.get('contact_id')) : undefined
    const from = query.get('from') ? parseTime(query.get('from')!, 'from') : undefined
    const to = query.get('to') ? parseTime(query.get('to')!, 'to') : undefined
    const rows = [...store.bookings.values()]
      .filter((b) => (!status || b.status === status) && (contactId === undefined || b.contactId === contactId))
      .filter((b) => (from === undefined || b.startsAt >= from) && (to === undefined || b.startsAt <= to))
      // Newest first, as the other lists of the API.
      .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
    return paginateArray(rows, pageRequest(query, 15, 100), bookingJson)
  })

  router.post('/bookings', ({ world, store, body, now }) => {
    const input = validate(createBooking, body)
    if (!store.contacts.has(input.contact_id)) throw validationFailed({ contact_id: ['The selected contact id is invalid.'] })
    const type = typeOf(store, input.booking_type_id)
    checkResource(store, input.resource_id)
    const startsAt = parseTime(input.starts_at, 'starts_at')
    const endsAt = startsAt + type.durationMinutes * MINUTE
    checkSlot(store, startsAt, endsAt, input.resource_id ?? null, now)
    const booking: BookingRec = {
      id: world.ids.next('booking'),
      contactId: input.contact_id,
      typeId: type.id,
      resourceId: input.resource_id ?? null,
      title: bookingTitle(store, type.id, input.contact_id),
      startsAt,
      endsAt,
      status: 'confirmed',
      notes: input.notes ?? null,
      createdAt: now,
      updatedAt: now,
    }
    store.bookings.set(booking.id, booking)
    return created(bookingJson(booking), 'Booking created successfully.')
  })

  router.get('/bookings/{id}', ({ store, params }) => ok(bookingJson(findBooking(store, param(params, 'id')))))

  router.put('/bookings/{id}', ({ store, params, body, now }) => {
    const booking = findBooking(store, param(params, 'id'))
    if (booking.status === 'cancelled' || booking.status === 'completed') throw fail(422, `A ${booking.status} booking cannot be changed.`)
    const input = validate(updateBooking, body)
    const type = typeOf(store, input.booking_type_id ?? booking.typeId)
    if (input.resource_id !== undefined) checkResource(store, input.resource_id)
    const resourceId = input.resource_id === undefined ? booking.resourceId : input.resource_id
    const startsAt = input.starts_at === undefined ? booking.startsAt : parseTime(input.starts_at, 'starts_at')
    const endsAt = startsAt + type.durationMinutes * MINUTE
    const moved = startsAt !== booking.startsAt || endsAt !== booking.endsAt || resourceId !== booking.resourceId
    if (moved) checkSlot(store, startsAt, endsAt, resourceId, now, booking.id)
    booking.typeId = type.id
    booking.resourceId = resourceId
    booking.startsAt = startsAt
    booking.endsAt = endsAt
    if (input.notes !== undefined) booking.notes = input.notes
    if (input.status !== undefined) booking.status = input.status
    booking.title = bookingTitle(store, type.id, booking.contactId)
    booking.updatedAt = now
    return ok(bookingJson(booking), 'Booking updated successfully.')
  })

  router.post('/bookings/{id}/cancel', ({ store, params, now }) => {
    const booking = findBooking(store, param(params, 'id'))
    if (booking.status === 'completed') throw fail(422, 'A completed booking cannot be cancelled.')
    // Cancelling a cancelled booking changes nothing and is not an error.
    if (booking.status !== 'cancelled') {
      booking.status = 'cancelled'
      booking.updatedAt = now
    }
    return ok(bookingJson(booking), 'Booking cancelled successfully.')
  })
}
