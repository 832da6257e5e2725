// Booking types and resources are re-read whole. Bookings come newest first: a refresh
// reads pages until one brings nothing new; a full pass reads them all and removes the
// ones the server no longer has (changes to older bookings are caught there too). Nothing
// is removed after a read that did not provably see the whole list (pass-check.ts).
import { inTransaction, replaceBookingResources, replaceBookingTypes, storedServerIds, sweepBookings, upsertBookings } from '../../store'
import { call, PER_PAGE, type SyncContext } from '../context'
import { readCheckedList, readCheckedPages, SweepRefusals, unreadableMessage, wholeList, writeChecked } from '../pass-check'

export async function syncBookings(ctx: SyncContext, full: boolean): Promise<void> {
  const refusals = new SweepRefusals()
  // SkyLight cannot be asked for one type or resource, so an emptied list of them is never believed.
  const [types, resources] = await Promise.all([
    readCheckedList(wholeList('booking types', () => ctx.api.bookings.types(call(ctx)), storedServerIds(ctx.db, 'booking-types'))),
    readCheckedList(wholeList('booking resources', () => ctx.api.bookings.resources(call(ctx)), storedServerIds(ctx.db, 'booking-resources'))),
  ])
  inTransaction(ctx.db, (tx) => {
    writeChecked(types, refusals, (items, sweep) => replaceBookingTypes(tx, items, sweep))
    writeChecked(resources, refusals, (items, sweep) => replaceBookingResources(tx, items, sweep))
  })
  ctx.changed('bookings')

  // Page by page, a transaction each; a refresh removes nothing, so it measures nothing against what is stored.
  const seen: number[] = []
  const stored = full ? storedServerIds(ctx.db, 'bookings') : []
  const list = wholeList('bookings', (page) => ctx.api.bookings.list({ page, per_page: PER_PAGE }, call(ctx)), stored, (id) => ctx.api.bookings.get(id, call(ctx)))
  const { invalid } = await readCheckedPages(list, (items) => {
    const written = upsertBookings(ctx.db, items)
    seen.push(...items.map((b) => b.id))
    if (written.inserted.length + written.updated.length > 0) ctx.changed('bookings')
    return full || written.inserted.length > 0
  })
  if (full) {
    const swept = sweepBookings(ctx.db, seen, invalid === 0)
    if (swept.removed > 0) ctx.changed('bookings')
    if (swept.kept > 0) refusals.add(unreadableMessage(invalid, 'bookings', swept.kept))
  }
  refusals.report()
}
