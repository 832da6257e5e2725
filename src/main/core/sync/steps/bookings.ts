// Booking types and resources are re-read whole. Bookings come newest first: a refresh
// reads pages until one brings nothing new; a full pass reads them all and removes the
// ones the server no longer has (changes to older bookings are caught there too).
import { inTransaction, replaceBookingResources, replaceBookingTypes, sweepBookings, upsertBookings } from '../../store'
import { call, PER_PAGE, type SyncContext } from '../context'

export async function syncBookings(ctx: SyncContext, full: boolean): Promise<void> {
  const [types, resources] = await Promise.all([
    ctx.api.bookings.types(call(ctx)).then((r) => r.items),
    ctx.api.bookings.resources(call(ctx)).then((r) => r.items),
  ])
  inTransaction(ctx.db, (tx) => {
    replaceBookingTypes(tx, types)
    replaceBookingResources(tx, resources)
  })
  ctx.changed('bookings')

  const seen: number[] = []
  for (let page = 1; ; page++) {
    const result = await ctx.api.bookings.list({ page, per_page: PER_PAGE }, call(ctx))
    const written = upsertBookings(ctx.db, result.items)
    seen.push(...result.items.map((b) => b.id))
    if (written.inserted.length + written.updated.length > 0) ctx.changed('bookings')
    if (page >= result.lastPage || result.items.length === 0) break
    if (!full && written.inserted.length === 0) return
  }
  if (full && sweepBookings(ctx.db, seen) > 0) ctx.changed('bookings')
}
