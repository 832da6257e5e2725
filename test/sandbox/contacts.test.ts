// Contacts, tags, lists, segments, notes and the blacklist toggle.
import { describe, expect, it } from 'vitest'
import { client, useSandbox } from './helpers'

const sandbox = useSandbox({ seed: 4 })
type Contact = { id: number; name: string; email: string | null; last_message_at: string | null; phone: string | null; type: string; blacklisted: boolean; tags: string[]; lists: { id: number }[]; segments: { id: number }[] }

describe('contacts', () => {
  it('creates, reads, updates and deletes a contact', async () => {
    const api = client(sandbox())
    const created = await api.post('/contacts', { name: 'Sarah Johnson', phone: '+14155551234', email: 'sarah@example.com', type: 'whatsapp', tags: ['vip', 'newsletter'] })
    expect(created.status).toBe(201)
    expect(created.body.data).toMatchObject({ name: 'Sarah Johnson', phone: '+14155551234', status: 'active', blacklisted: false, tags: expect.arrayContaining(['vip', 'newsletter']), last_message_at: null })
    const id = created.body.data.id
    expect((await api.get(`/contacts/${id}`)).body.data).toEqual(created.body.data)
    expect((await api.post('/contacts', { name: 'Copy', phone: '+14155551234' })).body.errors).toEqual({ phone: ['The phone has already been taken.'] })

    const updated = await api.put(`/contacts/${id}`, { name: 'سارة جونسون', email: null })
    expect(updated.status).toBe(200)
    expect(updated.body.data).toMatchObject({ name: 'سارة جونسون', email: null, phone: '+14155551234' })
    expect((await api.put(`/contacts/${id}`, { name: '' })).status).toBe(422)

    expect((await api.del(`/contacts/${id}`)).status).toBe(204)
    expect((await api.get(`/contacts/${id}`)).status).toBe(404)
  })

  it('accepts a phone as people type it and stores it in E.164, as the Contact object documents', async () => {
    const api = client(sandbox())
    const created = await api.post('/contacts', { name: 'Noura Al-Otaibi', phone: '+966 55 777 1234', type: 'whatsapp' })
    expect(created.status).toBe(201)
    expect(created.body.data.phone).toBe('+966557771234')
    expect((await api.get(`/contacts/${created.body.data.id}`)).body.data.phone).toBe('+966557771234')
    // The same number written differently is the same number.
    for (const phone of ['+966-55-777-1234', '00966 (55) 777.1234', '966557771234']) {
      expect((await api.post('/contacts', { name: 'Copy', phone })).body.errors, phone).toEqual({ phone: ['The phone has already been taken.'] })
    }
    const updated = await api.put(`/contacts/${created.body.data.id}`, { phone: '+966 50 123 4567' })
    expect(updated.body.data.phone).toBe('+966501234567')
    for (const phone of ['12', 'call me', '+966 55 777 1234 ext 9']) {
      expect((await api.post('/contacts', { name: 'Bad', phone })).body.errors, phone).toEqual({ phone: ['The phone must be a valid phone number.'] })
    }
  })

  it('searches by name, email and phone; filters by type, blacklisted and tag', async () => {
    const api = client(sandbox())
    const all: Contact[] = (await api.get('/contacts?per_page=100')).body.data
    const withEmail = all.find((c) => c.email)!
    const withPhone = all.find((c) => c.phone)!
    const arabic = all.find((c) => /[\u0600-\u06FF]/.test(c.name))!
    expect(arabic).toBeDefined()
    const search = async (q: string) => (await api.get(`/contacts?per_page=100&search=${encodeURIComponent(q)}`)).body.data.map((c: Contact) => c.id)
    expect(await search(withEmail.email!.slice(0, 8).toUpperCase())).toContain(withEmail.id)
    expect(await search(withPhone.phone!.slice(-6))).toContain(withPhone.id)
    expect(await search(arabic.name.split(' ')[0]!)).toContain(arabic.id)

    const whatsapp: Contact[] = (await api.get('/contacts?type=whatsapp&per_page=100')).body.data
    expect(whatsapp.length).toBe(all.filter((c) => c.type === 'whatsapp').length)
    const blacklisted: Contact[] = (await api.get('/contacts?blacklisted=true&per_page=100')).body.data
    expect(blacklisted.length).toBeGreaterThan(0)
    expect(blacklisted.every((c) => c.blacklisted)).toBe(true)
    expect((await api.get('/contacts?blacklisted=false')).body.meta.total).toBe(all.length - blacklisted.length)
    expect((await api.get('/contacts?blacklisted=maybe')).status).toBe(422)

    const tagged = all.find((c) => c.tags.length > 0)!
    const tag = tagged.tags[0]!
    const byTag: Contact[] = (await api.get(`/contacts?per_page=100&tag=${encodeURIComponent(tag)}`)).body.data
    expect(byTag.map((c) => c.id)).toEqual(all.filter((c) => c.tags.includes(tag)).map((c) => c.id))
  })

  it('shows optional fields as null in generated data', async () => {
    const all: Contact[] = (await client(sandbox()).get('/contacts?per_page=100')).body.data
    expect(all.some((c) => c.email === null)).toBe(true)
    expect(all.some((c) => c.phone === null)).toBe(true)
    expect(all.some((c) => c.last_message_at === null)).toBe(true)
  })

  it('toggles the blacklist on each call', async () => {
    const api = client(sandbox())
    const { id } = (await api.post('/contacts', { name: 'Toggle Me' })).body.data
    const first = await api.post(`/contacts/${id}/blacklist`)
    expect(first.body).toMatchObject({ success: true, data: { id, blacklisted: true } })
    expect((await api.post(`/contacts/${id}/blacklist`)).body.data.blacklisted).toBe(false)
  })

  it('lists and adds notes', async () => {
    const api = client(sandbox())
    const { id } = (await api.post('/contacts', { name: 'Noted' })).body.data
    expect((await api.get(`/contacts/${id}/notes`)).body.data).toEqual([])
    const note = await api.post(`/contacts/${id}/notes`, { note: 'يفضل التواصل مساءً 🌙' })
    expect(note.status).toBe(201)
    expect(note.body.data).toMatchObject({ contact_id: id, note: 'يفضل التواصل مساءً 🌙' })
    await api.post(`/contacts/${id}/notes`, { content: 'Second, sent as content' })
    const notes = (await api.get(`/contacts/${id}/notes`)).body.data
    expect(notes.map((n: { note: string }) => n.note)).toEqual(['Second, sent as content', 'يفضل التواصل مساءً 🌙'])
    expect((await api.post(`/contacts/${id}/notes`, {})).body.errors).toEqual({ note: ['The note field is required.'] })
  })
})

describe('tags', () => {
  it('does tag CRUD with `title` and keeps contact tags in step', async () => {
    const api = client(sandbox())
    const tag = await api.post('/tags', { title: 'Wholesale buyers' })
    expect(tag.status).toBe(201)
    expect(tag.body.data).toMatchObject({ title: 'Wholesale buyers', contacts_count: 0 })
    expect((await api.post('/tags', { title: 'wholesale BUYERS' })).status).toBe(422)
    expect((await api.post('/tags', { title: 'x'.repeat(101) })).body.errors.title[0]).toMatch(/100 characters/)

    const { id } = (await api.post('/contacts', { name: 'Tag Target' })).body.data
    const added = await api.post(`/contacts/${id}/tags`, { tag_id: tag.body.data.id })
    expect(added.body.data.tags).toEqual(['Wholesale buyers'])
    await api.post(`/contacts/${id}/tags`, { tag_id: tag.body.data.id }) // idempotent
    expect((await api.get(`/tags/${tag.body.data.id}`)).body.data.contacts_count).toBe(1)
    const byTitle = await api.post(`/contacts/${id}/tags`, { title: 'Brand new tag' })
    expect(byTitle.body.data.tags).toEqual(['Wholesale buyers', 'Brand new tag'])

    await api.put(`/tags/${tag.body.data.id}`, { title: 'Trade buyers' })
    expect((await api.get(`/contacts/${id}`)).body.data.tags).toContain('Trade buyers')
    expect((await api.del(`/contacts/${id}/tags/${tag.body.data.id}`)).status).toBe(204)
    expect((await api.get(`/contacts/${id}`)).body.data.tags).toEqual(['Brand new tag'])
    const newTagId = (await api.get('/tags')).body.data.find((t: { title: string }) => t.title === 'Brand new tag').id
    expect((await api.del(`/tags/${newTagId}`)).status).toBe(204)
    expect((await api.get(`/contacts/${id}`)).body.data.tags).toEqual([])
    expect((await api.post(`/contacts/${id}/tags`, { tag_id: 999_999 })).status).toBe(422)
  })
})

describe('lists and segments', () => {
  it('manages lists and their members', async () => {
    const api = client(sandbox())
    const list = await api.post('/contacts/lists', { name: 'Spring Campaign Targets 2' })
    expect(list.status).toBe(201)
    expect(list.body.data).toMatchObject({ name: 'Spring Campaign Targets 2', status: 1, contacts_count: 0 })
    const listId = list.body.data.id
    const contacts: Contact[] = (await api.get('/contacts?per_page=3')).body.data
    for (const c of contacts) expect((await api.post(`/contacts/${c.id}/lists`, { list_id: listId })).status).toBe(200)
    await api.post(`/contacts/${contacts[0]!.id}/lists`, { list_id: listId }) // idempotent
    const members = await api.get(`/contacts/lists/${listId}/members`)
    expect(members.body.meta).toMatchObject({ total: 3, per_page: 25 })
    expect(Object.keys(members.body.data[0]).sort()).toEqual(['id', 'name', 'phone', 'type'])
    expect((await api.get(`/contacts?list_id=${listId}`)).body.meta.total).toBe(3)
    expect((await api.get(`/contacts/${contacts[0]!.id}`)).body.data.lists).toContainEqual({ id: listId, name: 'Spring Campaign Targets 2' })

    expect((await api.del(`/contacts/${contacts[0]!.id}/lists/${listId}`)).status).toBe(204)
    expect((await api.get(`/contacts/lists/${listId}`)).body.data.contacts_count).toBe(2)
    expect((await api.put(`/contacts/lists/${listId}`, { name: 'Renamed', status: 0 })).body.data).toMatchObject({ name: 'Renamed', status: 0 })
    expect((await api.post(`/contacts/${contacts[1]!.id}/lists`, {})).body.errors).toEqual({ list_id: ['The list id field is required.'] })
    expect((await api.del(`/contacts/lists/${listId}`)).status).toBe(204)
    expect((await api.get(`/contacts/${contacts[1]!.id}`)).body.data.lists.map((l: { id: number }) => l.id)).not.toContain(listId)
  })

  it('manages segments the same way', async () => {
    const api = client(sandbox())
    const seeded = (await api.get('/contacts/segments')).body.data
    expect(seeded.length).toBeGreaterThan(0)
    expect(seeded.some((s: { contacts_count: number }) => s.contacts_count > 0)).toBe(true)
    const segment = (await api.post('/contacts/segments', { name: 'Night owls 🦉' })).body.data
    const [c] = (await api.get('/contacts?per_page=1')).body.data
    expect((await api.post(`/contacts/${c.id}/segments`, { segment_id: segment.id })).status).toBe(200)
    expect((await api.get(`/contacts/segments/${segment.id}/members?per_page=500`)).body).toMatchObject({ data: [{ id: c.id }], meta: { per_page: 100, total: 1 } })
    expect((await api.get(`/contacts?segment_id=${segment.id}`)).body.data.map((x: Contact) => x.id)).toEqual([c.id])
    expect((await api.put(`/contacts/segments/${segment.id}`, { name: 'Early birds 🐦' })).body.data.name).toBe('Early birds 🐦')
    expect((await api.del(`/contacts/${c.id}/segments/${segment.id}`)).status).toBe(204)
    expect((await api.del(`/contacts/segments/${segment.id}`)).status).toBe(204)
    expect((await api.get(`/contacts/segments/${segment.id}/members`)).status).toBe(404)
  })
})
