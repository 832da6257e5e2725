// Book a contact in: type, optional resource, a start time (a free slot picked online, or a
// time typed offline that the server may refuse as taken). POST without idempotency key: an
// unknown outcome is settled by looking for the contact's booking at that time.
import { z } from 'zod'
import { t } from '../../language'
import { reconcileInList } from '../reconcile'
import { booking } from '../../skylight/resources/bookings'
import { epochMs, insertLocalBooking, rekeyBooking, removeLocalBooking, requireLocal } from '../../store'
import type { ActionDef } from './define'

const schema = z.object({
  contactId: z.number().int(),
  typeId: z.number().int().positive(),
  resourceId: z.number().int().positive().nullish(),
  startsAt: z.string().refine((v) => Number.isFinite(Date.parse(v)), { error: () => t().bookings_give_start() }),
  notes: z.string().trim().max(2000).nullish(),
  localId: z.number().int().negative(),
})
export type CreateBookingPayload = z.output<typeof schema>

export const createBookingAction: ActionDef<CreateBookingPayload> = {
  kind: 'create-booking',
  payload: { current: 1, schema },
  lane: (p) => `booking:${p.localId}`,
  summary: (p, names) => t().bookings_summary_book({ contact: names('contact', p.contactId), at: new Date(p.startsAt).toISOString().slice(0, 16).replace('T', ' ') }),
  repeatable: false,
  resources: ['bookings'],
  creates: { entity: 'booking', localId: (p) => p.localId },
  apply(db, p) {
    requireLocal(db, { kind: 'contact', id: p.contactId })
    insertLocalBooking(db, { id: p.localId, contactId: p.contactId, typeId: p.typeId, resourceId: p.resourceId ?? null, startsAt: p.startsAt, notes: p.notes ?? null })
    return p
  },
  rollback(db, p) {
    removeLocalBooking(db, p.localId)
  },
  async send(ctx, p) {
    const made = await ctx.api.bookings.create(
      {
        contact_id: p.contactId,
        booking_type_id: p.typeId,
        starts_at: new Date(p.startsAt).toISOString(),
        ...(p.resourceId ? { resource_id: p.resourceId } : {}),
        ...(p.notes ? { notes: p.notes } : {}),
      },
      ctx.call,
    )
    return { serverId: made.id, record: made }
  },
  // Clock-free: the contact's bookings, newer than the newest one before the request.
  ...reconcileInList(
    async (ctx, p: CreateBookingPayload) => (await ctx.api.bookings.list({ contact_id: p.contactId, per_page: 100 }, ctx.call)).items.map((b) => ({ ...b, created_at: b.created_at ?? null })),
    (b, p) => epochMs(b.starts_at) === epochMs(p.startsAt) && b.booking_type_id === p.typeId,
  ),
  confirm(db, p, result) {
    const made = booking.safeParse(result.record)
    if (made.success) rekeyBooking(db, p.localId, made.data)
  },
}
