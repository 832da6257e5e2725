// Cancel a booking. Cancelling a cancelled booking changes nothing, so an unknown outcome
// needs no reconciling.
import { z } from 'zod'
import { booking } from '../../skylight/resources/bookings'
import { holdBookingChange, releaseBooking, saveBookingIfUnheld } from '../../store'
import type { ActionDef } from './define'
import { t } from '../../language'

const schema = z.object({ bookingId: z.number().int(), previousStatus: z.string().optional() })
export type CancelBookingPayload = z.output<typeof schema>

export const cancelBookingAction: ActionDef<CancelBookingPayload> = {
  kind: 'cancel-booking',
  payload: { current: 1, schema },
  lane: (p) => `booking:${p.bookingId}`,
  summary: (p) => t().bookings_summary_cancel({ id: p.bookingId > 0 ? p.bookingId : null }),
  repeatable: true,
  resources: ['bookings'],
  apply(db, p) {
    const before = holdBookingChange(db, p.bookingId, { status: 'cancelled' })
    return { ...p, previousStatus: p.previousStatus ?? before.status }
  },
  rollback(db, p) {
    releaseBooking(db, p.bookingId, p.previousStatus ? { status: p.previousStatus } : {})
  },
  async send(ctx, p) {
    const cancelled = await ctx.api.bookings.cancel(p.bookingId, ctx.call)
    return { serverId: p.bookingId, record: cancelled ?? undefined }
  },
  confirm(db, p, result) {
    releaseBooking(db, p.bookingId)
    const saved = booking.safeParse(result.record)
    if (saved.success) saveBookingIfUnheld(db, saved.data)
  },
}
