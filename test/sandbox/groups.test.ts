// Tags, lists and segments as the docs describe them beyond plain CRUD: renaming a tag
// relabels it on its contacts without re-assigning them; deleting a tag takes it off every
// contact; deleting a list or segment ends its memberships; create needs a name.
import { describe, expect, it } from 'vitest'
import { client, useSandbox } from './helpers'

const sandbox = useSandbox({ seed: 12 })

describe('groups over HTTP', () => {
  it('a tag renamed is renamed on its contacts; deleted, it is off every contact', async () => {
    const api = client(sandbox())
    const tag = (await api.post('/tags', { title: 'Exporters' })).body.data
    const contacts = (await api.get('/contacts?per_page=3')).body.data as { id: number }[]
    for (const c of contacts) expect((await api.post(`/contacts/${c.id}/tags`, { tag_id: tag.id })).status).toBeLessThan(300)
    expect((await api.get(`/tags/${tag.id}`)).body.data.contacts_count).toBe(3)

    expect((await api.put(`/tags/${tag.id}`, { title: 'Exporters 2026' })).body.data).toMatchObject({ title: 'Exporters 2026', contacts_count: 3 })
    for (const c of contacts) expect((await api.get(`/contacts/${c.id}`)).body.data.tags).toContain('Exporters 2026')
    expect((await api.get(`/contacts?tag=${encodeURIComponent('Exporters 2026')}&per_page=100`)).body.meta.total).toBe(3)

    expect((await api.del(`/tags/${tag.id}`)).status).toBe(204)
    for (const c of contacts) {
      const tags = (await api.get(`/contacts/${c.id}`)).body.data.tags as string[]
      expect(tags).not.toContain('Exporters 2026')
    }
    // The title is free again once the tag is gone.
    expect((await api.post('/tags', { title: 'Exporters 2026' })).status).toBe(201)
  })

  it('deleting a list or a segment ends its memberships and leaves the contacts', async () => {
    const api = client(sandbox())
    const contact = (await api.get('/contacts?per_page=1')).body.data[0] as { id: number }
    for (const base of ['/contacts/lists', '/contacts/segments']) {
      const group = (await api.post(base, { name: 'Short-lived' })).body.data
      expect(group).toMatchObject({ name: 'Short-lived', status: 1, contacts_count: 0 })
      const field = base.endsWith('lists') ? 'list_id' : 'segment_id'
      expect((await api.post(`/contacts/${contact.id}/${base.split('/')[2]}`, { [field]: group.id })).status).toBeLessThan(300)
      expect((await api.get(`${base}/${group.id}/members`)).body.meta.total).toBe(1)
      expect((await api.del(`${base}/${group.id}`)).status).toBe(204)
      expect((await api.get(`${base}/${group.id}/members`)).status).toBe(404)
      expect((await api.get(`/contacts/${contact.id}`)).status).toBe(200)
      expect(((await api.get(base)).body.data as { id: number }[]).some((g) => g.id === group.id)).toBe(false)
    }
  })

  it('refuses a list or segment without a name, and an empty rename', async () => {
    const api = client(sandbox())
    for (const base of ['/contacts/lists', '/contacts/segments']) {
      expect((await api.post(base, {})).body).toEqual({ success: false, message: 'The given data was invalid.', errors: { name: ['The name field is required.'] } })
      const id = (await api.get(base)).body.data[0].id
      expect((await api.put(`${base}/${id}`, { name: '' })).body.errors).toEqual({ name: ['The name field is required.'] })
    }
  })
})
