// The bookings views: bookings in a time range (a day, a week) or all, with status, type and
// resource filters; one booking with what its state allows (the core decides); the types
// and resources to pick from; a day's free slots (online only); and create, reschedule and
// the status commands, each queued in the outbox.
import { z } from 'zod'
import { method } from './define'

const id = z.number().int()
const when = z.string().refine((v) => Number.isFinite(Date.parse(v)), 'a date and time')
const queued = z.object({ actionId: z.string() })

export const bookingStatuses = ['pending', 'confirmed', 'cancelled', 'completed'] as const
export const bookingCommands = ['confirm', 'complete', 'cancel'] as const

export const bookingItem = z.object({
  id: z.number(),
  contactId: z.number(),
  contactName: z.string().nullable(),
  typeId: z.number().nullable(),
  typeName: z.string().nullable(),
  resourceId: z.number().nullable(),
  resourceName: z.string().nullable(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  status: z.string(),
  notes: z.string().nullable(),
  pending: z.boolean(),
  allowed: z.object({ confirm: z.boolean(), complete: z.boolean(), cancel: z.boolean(), reschedule: z.boolean() }),
})
export type BookingItem = z.output<typeof bookingItem>

export const bookingOptions = z.object({
  types: z.array(z.object({ id: z.number(), name: z.string(), durationMinutes: z.number().nullable() })),
  resources: z.array(z.object({ id: z.number(), name: z.string(), type: z.string().nullable() })),
  /** The account's timezone (IANA), for showing times beside the computer's. */
  timezone: z.string().nullable(),
})
export type BookingOptions = z.output<typeof bookingOptions>

export const bookingMethods = {
  'bookings-list': method(
    z
      .object({
        status: z.enum(bookingStatuses).optional(),
        typeId: id.optional(),
        resourceId: id.optional(),
        /** Bookings starting in [from, to). */
        from: when.optional(),
        to: when.optional(),
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    /** total: how many bookings match the filter and range. */
    z.object({ items: z.array(bookingItem), total: z.number() }),
  ),
  'booking-get': method(z.object({ id }).strict(), bookingItem),
  'booking-options': method(z.object({}).strict(), bookingOptions),
  /** Online only: a `network` error offline, and nothing is stored or queued. */
  'booking-availability': method(
    z.object({ typeId: id, resourceId: id.optional(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict(),
    z.object({ slots: z.array(z.object({ startsAt: z.string(), endsAt: z.string().nullable() })) }),
  ),
  'booking-create': method(
    z.object({ contactId: id, typeId: id, resourceId: id.nullable().optional(), startsAt: when, notes: z.string().trim().max(2000).optional() }).strict(),
    queued.extend({ localId: z.number() }),
  ),
  'booking-reschedule': method(z.object({ id, startsAt: when, resourceId: id.nullable().optional() }).strict(), queued),
  'booking-command': method(z.object({ id, command: z.enum(bookingCommands) }).strict(), queued),
}
