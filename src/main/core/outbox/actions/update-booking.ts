// Reschedule a booking, or move it along its life cycle (confirm, complete). A PUT: sending
// it twice has the effect of once. The server refuses a taken time or a booking that has
// since been cancelled or completed; the local change is then undone and the reason shown.
import { z } from 'zod'
import { t } from '../../language'
import { booking } from '../../skylight/resources/bookings'
import { epochMs, holdBookingChange, releaseBooking, saveBookingIfUnheld } from '../../store'
import type { ActionDef } from './define'

const schema = z.object({
  bookingId: z.number().int(),
  startsAt: z
    .string()
    .refine((v) => Number.isFinite(Date.parse(v)), { error: () => t().bookings_give_start() })
    .optional(),
  resourceId: z.number().int().positive().nullish(),
  status: z.enum(['confirmed', 'completed']).optional(),
  /** The fields as they were, put back if the change is refused. */
  previous: z.record(z.string(), z.unknown()).optional(),
})
export type UpdateBookingPayload = z.output<typeof schema>

export const updateBookingAction: ActionDef<UpdateBookingPayload> = {
  kind: 'update-booking',
  payload: { current: 1, schema },
  lane: (p) => `booking:${p.bookingId}`,
  summary: (p) =>
    (p.status === 'confirmed' ? t().bookings_summary_confirm : p.status === 'completed' ? t().bookings_summary_complete : t().bookings_summary_reschedule)({ id: p.bookingId }),
  repeatable: true,
  resources: ['bookings'],
  apply(db, p) {
    const patch = {
      ...(p.startsAt ? { startsAt: p.startsAt, startsAtMs: epochMs(p.startsAt) } : {}),
      ...(p.resourceId !== undefined ? { resourceId: p.resourceId } : {}),
      ...(p.status ? { status: p.status } : {}),
    }
    const before = holdBookingChange(db, p.bookingId, patch)
    return { ...p, previous: p.previous ?? before }
  },
  rollback(db, p) {
    releaseBooking(db, p.bookingId, (p.previous ?? {}) as Parameters<typeof releaseBooking>[2])
  },
  async send(ctx, p) {
    const saved = await ctx.api.bookings.update(
      p.bookingId,
      {
        ...(p.startsAt ? { starts_at: new Date(p.startsAt).toISOString() } : {}),
        ...(p.resourceId !== undefined ? { resource_id: p.resourceId } : {}),
        ...(p.status ? { status: p.status } : {}),
      },
      ctx.call,
    )
    return { serverId: saved.id, record: saved }
  },
  confirm(db, p, result) {
    releaseBooking(db, p.bookingId)
    const saved = booking.safeParse(result.record)
    if (saved.success) saveBookingIfUnheld(db, saved.data)
  },
}
