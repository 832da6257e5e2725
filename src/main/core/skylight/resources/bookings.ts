// /bookings: appointments, their types and resources, and a day's free slots (online only).
// The docs page stops after "Create a booking": the update (PUT with the fields create
// takes, and a status), cancel, types, resources and availability shapes are read
// tolerantly (a type's length as duration_minutes or duration; slots as objects or bare
// start times).
import { z } from 'zod'
import type { CallOptions, SkyLightClient } from '../client'
import { id, int, looseEnum, nullable, timestamp } from '../schema'

export const bookingStatuses = ['pending', 'confirmed', 'cancelled', 'completed'] as const

export const booking = z.object({
  id,
  contact_id: id,
  booking_type_id: nullable(id),
  resource_id: nullable(id),
  title: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  starts_at: timestamp,
  ends_at: nullable(timestamp),
  status: looseEnum(bookingStatuses),
  notes: nullable(z.string()),
  created_at: nullable(timestamp),
  updated_at: nullable(timestamp),
})
export type Booking = z.output<typeof booking>

export const bookingType = z
  .object({
    id,
    name: nullable(z.string()),
    title: nullable(z.string()),
    duration_minutes: nullable(int),
    duration: nullable(int),
  })
  .transform((t) => ({ id: t.id, name: t.name ?? t.title ?? `Type ${t.id}`, duration_minutes: t.duration_minutes ?? t.duration ?? null }))
export type BookingType = z.output<typeof bookingType>

export const bookingResource = z
  .object({ id, name: nullable(z.string()), title: nullable(z.string()), type: nullable(z.string()) })
  .transform((r) => ({ id: r.id, name: r.name ?? r.title ?? `Resource ${r.id}`, type: r.type }))
export type BookingResource = z.output<typeof bookingResource>

const slot = z.union([
  z.object({ starts_at: timestamp, ends_at: nullable(timestamp) }),
  timestamp.transform((starts_at) => ({ starts_at, ends_at: null })),
])
export const availability = z.object({
  date: nullable(z.string()),
  slots: z
    .array(slot)
    .nullish()
    .transform((v) => v ?? []),
})
export type Availability = z.output<typeof availability>

export interface BookingInput {
  contact_id: number
  booking_type_id: number
  starts_at: string
  resource_id?: number | null
  notes?: string | null
}

export type BookingChanges = Partial<Omit<BookingInput, 'contact_id'>> & { status?: 'pending' | 'confirmed' | 'completed' }

export function bookingsApi(client: SkyLightClient) {
  const path = (bookingId: number, rest = '') => `/bookings/${bookingId}${rest}`
  return {
    list: (query: { page?: number; per_page?: number; status?: string; contact_id?: number; from?: string; to?: string } = {}, o?: CallOptions) =>
      client.page({ method: 'GET', path: '/bookings', query: { ...query }, ...o }, booking),
    get: (bookingId: number, o?: CallOptions) => client.data({ method: 'GET', path: path(bookingId), ...o }, booking),
    create: (input: BookingInput, o?: CallOptions) => client.data({ method: 'POST', path: '/bookings', json: input, ...o }, booking),
    update: (bookingId: number, changes: BookingChanges, o?: CallOptions) =>
      client.data({ method: 'PUT', path: path(bookingId), json: changes, ...o }, booking),
    cancel: (bookingId: number, o?: CallOptions) =>
      client.data({ method: 'POST', path: path(bookingId, '/cancel'), ...o }, booking.or(z.unknown().transform(() => null))),
    types: (o?: CallOptions) => client.page({ method: 'GET', path: '/bookings/types', ...o }, bookingType),
    resources: (o?: CallOptions) => client.page({ method: 'GET', path: '/bookings/resources', ...o }, bookingResource),
    /** Online only: free slots of one day (YYYY-MM-DD) for a type, optionally on one resource. */
    availability: (query: { booking_type_id: number; date: string; resource_id?: number }, o?: CallOptions) =>
      client.data({ method: 'GET', path: '/bookings/availability', query: { ...query }, ...o }, availability),
  }
}
