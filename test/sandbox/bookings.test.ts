// Bookings over real HTTP: the documented object and filters, types and resources, the free
// slots of a day, create in a free slot (a taken, past or closed time is refused), update,
// cancel, faults and account isolation.
import { describe, expect, it } from 'vitest'
import { call, client, useSandbox } from './helpers'

const sandbox = useSandbox({ seed: 12, accounts: 2 })
type Booking = { id: number; contact_id: number; booking_type_id: number; resource_id: number | null; title: string; starts_at: string; ends_at: string; status: string }

/** A UTC date a few days ahead, as YYYY-MM-DD. */
const dayAhead = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)

async function setup() {
  const api = client(sandbox())
  const types = (await api.get('/bookings/types')).body.data as { id: number; name: string; duration_minutes: number }[]
  const resources = (await api.get('/bookings/resources')).body.data as { id: number; name: string; type: string }[]
  const contact = (await api.get('/contacts?per_page=1')).body.data[0] as { id: number; name: string }
  return { api, types, resources, contact }
}

describe('bookings', () => {
  it('lists the documented booking object with status, contact and date filters', async () => {
    const { api } = await setup()
    const all = (await api.get('/bookings?per_page=100')).body.data as Booking[]
    expect(all.length).toBeGreaterThanOrEqual(10)
    expect(Object.keys(all[0]!).sort()).toEqual(
      ['booking_type_id', 'contact_id', 'created_at', 'ends_at', 'id', 'notes', 'resource_id', 'starts_at', 'status', 'title', 'updated_at'].sort(),
    )
    expect(new Set(all.map((b) => b.status))).toEqual(new Set(['pending', 'confirmed', 'cancelled', 'completed']))
    const confirmed = (await api.get('/bookings?status=confirmed')).body.data as Booking[]
    expect(confirmed.every((b) => b.status === 'confirmed')).toBe(true)
    const one = all[3]!
    expect(((await api.get(`/bookings?contact_id=${one.contact_id}`)).body.data as Booking[]).every((b) => b.contact_id === one.contact_id)).toBe(true)
    const from = all.map((b) => b.starts_at).sort()[5]!
    expect(((await api.get(`/bookings?per_page=100&from=${from}`)).body.data as Booking[]).every((b) => b.starts_at >= from)).toBe(true)
    expect((await api.get('/bookings?status=done')).status).toBe(422)
  })

  it('gives types and resources whole, in English and Arabic', async () => {
    const { types, resources } = await setup()
    expect(types.length).toBeGreaterThan(1)
    expect(types[0]).toEqual({ id: expect.any(Number), name: expect.any(String), duration_minutes: expect.any(Number) })
    expect(types.some((t) => /[\u0600-\u06FF]/.test(t.name))).toBe(true)
    expect(resources.map((r) => r.type).sort()).toEqual(['room', 'staff'])
  })

  it('books a free slot from availability; that slot is then taken', async () => {
    const { api, types, resources, contact } = await setup()
    const type = types[0]!
    const query = `/bookings/availability?booking_type_id=${type.id}&resource_id=${resources[0]!.id}&date=${dayAhead(3)}`
    const before = (await api.get(query)).body.data as { slots: { starts_at: string; ends_at: string }[] }
    expect(before.slots.length).toBe(8 * (60 / type.duration_minutes))
    const slot = before.slots[2]!
    const made = await api.post('/bookings', { contact_id: contact.id, booking_type_id: type.id, resource_id: resources[0]!.id, starts_at: slot.starts_at, notes: 'ملاحظة' })
    expect(made.status).toBe(201)
    expect(made.body.data).toMatchObject({ contact_id: contact.id, starts_at: slot.starts_at, ends_at: slot.ends_at, status: 'confirmed', notes: 'ملاحظة' })
    expect(made.body.data.title).toContain(contact.name)
    const after = (await api.get(query)).body.data as { slots: { starts_at: string }[] }
    expect(after.slots.map((s) => s.starts_at)).not.toContain(slot.starts_at)
    const again = await api.post('/bookings', { contact_id: contact.id, booking_type_id: type.id, resource_id: resources[0]!.id, starts_at: slot.starts_at })
    expect(again.body.errors).toEqual({ starts_at: ['The selected time is not available.'] })
    // Another resource is free then.
    expect((await api.post('/bookings', { contact_id: contact.id, booking_type_id: type.id, resource_id: resources[1]!.id, starts_at: slot.starts_at })).status).toBe(201)
  })

  it('refuses a past time, a closed hour and unknown ids; availability needs a type and a date', async () => {
    const { api, types, contact } = await setup()
    const base = { contact_id: contact.id, booking_type_id: types[0]!.id }
    expect((await api.post('/bookings', { ...base, starts_at: '2020-01-01T10:00:00Z' })).body.errors).toHaveProperty('starts_at')
    expect((await api.post('/bookings', { ...base, starts_at: `${dayAhead(4)}T22:00:00Z` })).body.errors.starts_at[0]).toMatch(/working hours/)
    expect(Object.keys((await api.post('/bookings', { contact_id: 999_999, booking_type_id: 999_999, starts_at: `${dayAhead(4)}T10:00:00Z` })).body.errors).sort()).toEqual(['contact_id'])
    expect((await api.post('/bookings', {})).body.errors).toMatchObject({ contact_id: expect.any(Array), booking_type_id: expect.any(Array), starts_at: expect.any(Array) })
    expect(Object.keys((await api.get('/bookings/availability')).body.errors).sort()).toEqual(['booking_type_id', 'date'])
  })

  it('reschedules, confirms, completes and cancels as the booking’s state allows', async () => {
    const { api, types, resources, contact } = await setup()
    const made = (await api.post('/bookings', { contact_id: contact.id, booking_type_id: types[1]!.id, resource_id: resources[1]!.id, starts_at: `${dayAhead(5)}T10:00:00Z` })).body.data as Booking
    const moved = await api.put(`/bookings/${made.id}`, { starts_at: `${dayAhead(5)}T11:00:00Z` })
    expect(moved.body.data).toMatchObject({ starts_at: `${dayAhead(5)}T11:00:00.000000Z`, status: 'confirmed' })
    const cancelled = await api.post(`/bookings/${made.id}/cancel`)
    expect(cancelled.body.data.status).toBe('cancelled')
    expect((await api.post(`/bookings/${made.id}/cancel`)).status).toBe(200)
    expect((await api.put(`/bookings/${made.id}`, { starts_at: `${dayAhead(5)}T12:00:00Z` })).status).toBe(422)
    // The cancelled booking's time is free again.
    expect((await api.post('/bookings', { contact_id: contact.id, booking_type_id: types[1]!.id, resource_id: resources[1]!.id, starts_at: `${dayAhead(5)}T11:00:00Z` })).status).toBe(201)
    const done = (await api.get('/bookings?status=completed')).body.data[0] as Booking
    expect((await api.post(`/bookings/${done.id}/cancel`)).status).toBe(422)
  })

  it('isolates accounts and is faulted like every route', async () => {
    const sb = sandbox()
    const mine = (await client(sb, 0).get('/bookings?per_page=1')).body.data[0] as Booking
    const other = client(sb, 1)
    expect((await other.get(`/bookings/${mine.id}`)).body).toMatchObject({ success: false, message: 'Booking not found.' })
    expect((await other.post(`/bookings/${mine.id}/cancel`)).status).toBe(404)
    expect((await other.put(`/bookings/${mine.id}`, { notes: 'x' })).status).toBe(404)
    await sb.control.setFaults({ rules: [{ method: 'GET', path: '/bookings/availability', kind: 'status', status: 500, times: 1 }] })
    try {
      expect((await call(sb, sb.accounts[0]!.apiKey, 'GET', '/bookings/availability')).status).toBe(500)
    } finally {
      await sb.control.clearFaults()
    }
  })
})
