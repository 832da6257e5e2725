// Bookings end to end over real HTTP: synced with their types and resources, the life cycle
// decided in the core, a booking made offline at a typed time that the server refuses, a
// reschedule and a cancel sent once, and a booking deleted in the dashboard swept by the
// full pass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bookingAllowed, bookingList, getBooking } from '../../../src/main/core/store'
import { syncedWorld, type World } from '../../conformance/world'

let w: World
beforeAll(async () => {
  w = await syncedWorld(77)
})
afterAll(async () => w?.close())

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)

describe('bookings', () => {
  it('decides the life cycle: only pending or confirmed bookings move, and only a begun one completes', () => {
    const past = Date.now() - 1000
    const future = Date.now() + 3_600_000
    expect(bookingAllowed('pending', future, Date.now())).toEqual({ confirm: true, complete: false, cancel: true, reschedule: true })
    expect(bookingAllowed('confirmed', future, Date.now())).toEqual({ confirm: false, complete: false, cancel: true, reschedule: true })
    expect(bookingAllowed('confirmed', past, Date.now())).toMatchObject({ complete: true })
    for (const done of ['cancelled', 'completed']) {
      expect(bookingAllowed(done, past, Date.now())).toEqual({ confirm: false, complete: false, cancel: false, reschedule: false })
    }
  })

  it('syncs bookings in time order with contact, type and resource names', () => {
    const items = bookingList(w.store.db)
    expect(items.map((b) => b.id).sort()).toEqual(w.dump().bookings.map((b) => b.id).sort())
    expect(items.map((b) => Date.parse(b.startsAt))).toEqual(items.map((b) => Date.parse(b.startsAt)).sort((a, b) => a - b))
    expect(items.every((b) => b.typeName !== null && b.contactName !== null)).toBe(true)
  })

  it('a booking typed offline at a taken time is refused on reconnect, and its local copy goes', async () => {
    const dump = w.dump()
    const type = dump.booking_types[0]!
    const resource = dump.booking_resources[0]!
    const contact = dump.contacts[0]!.id
    const at = `${day(2)}T10:00:00.000Z`
    await w.api.bookings.create({ contact_id: dump.contacts[1]!.id, booking_type_id: type.id, resource_id: resource.id, starts_at: at })
    const outbox = w.outbox()
    const { localId } = outbox.queue('create-booking', { contactId: contact, typeId: type.id, resourceId: resource.id, startsAt: at })
    expect(getBooking(w.store.db, localId!)).toMatchObject({ status: 'pending', pending: true, typeName: type.name })
    outbox.start()
    await w.drained(outbox)
    await outbox.stop()
    const failed = outbox.list({ states: ['failed'] }).find((a) => a.kind === 'create-booking')!
    expect(failed.lastError?.message).toMatch(/not available/)
    expect(() => getBooking(w.store.db, localId!)).toThrow()
  })

  it('reschedules and cancels: each sent once, the local copy as the server has it', async () => {
    await w.sync.syncNow('refresh')
    const target = bookingList(w.store.db).find((b) => b.allowed.reschedule && Date.parse(b.startsAt) > Date.now())
      ?? bookingList(w.store.db).find((b) => b.allowed.reschedule)!
    const outbox = w.outbox()
    const moved = `${day(9)}T14:00:00.000Z`
    outbox.queue('update-booking', { bookingId: target.id, startsAt: moved })
    outbox.queue('cancel-booking', { bookingId: target.id })
    expect(getBooking(w.store.db, target.id)).toMatchObject({ status: 'cancelled', pending: true })
    outbox.start()
    await w.drained(outbox)
    await outbox.stop()
    expect(outbox.list({ states: ['failed'] }).filter((a) => a.kind !== 'create-booking')).toEqual([])
    const server = w.dump().bookings.find((b) => b.id === target.id)!
    expect([Date.parse(server.starts_at), server.status]).toEqual([Date.parse(moved), 'cancelled'])
    expect(getBooking(w.store.db, target.id)).toMatchObject({ status: 'cancelled', pending: false, allowed: { cancel: false, reschedule: false } })
  })

  it('a booking deleted in the dashboard is removed by the full pass, not by a refresh', async () => {
    const gone = w.dump().bookings[0]!.id
    expect(w.sandbox.control.removeBooking(w.accountId, gone)).toBe(true)
    await w.sync.syncNow('refresh')
    expect(getBooking(w.store.db, gone).id).toBe(gone)
    await w.sync.syncNow('full')
    expect(() => getBooking(w.store.db, gone)).toThrow()
  })
})
