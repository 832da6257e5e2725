// The route kit for plain resources: over HTTP through the resources that use it (tags,
// lists, segments), and its paginated list on a resource declared here, dispatched
// through a real Router over a generated world.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { AccountStore } from '../../src/sandbox/data/account-store'
import { generateWorld } from '../../src/sandbox/data/generate'
import { iso } from '../../src/sandbox/data/time'
import { World } from '../../src/sandbox/data/world'
import { HttpError, type Result } from '../../src/sandbox/http/respond'
import { Router } from '../../src/sandbox/http/router'
import { queryEnum, requiredString } from '../../src/sandbox/http/validate'
import { crudRoutes } from '../../src/sandbox/routes/crud'
import { client, useSandbox } from './helpers'

const sandbox = useSandbox({ seed: 4 })
const DOCS_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000000Z$/

describe('tags, lists and segments through the kit', () => {
  it('answer create 201, get, update (PUT or PATCH), delete 204 and then 404, in the docs\' envelopes', async () => {
    const api = client(sandbox())
    const made = await api.post('/tags', { title: 'Wholesale' })
    expect(made.status).toBe(201)
    expect(made.body).toEqual({
      success: true,
      data: { id: expect.any(Number), title: 'Wholesale', contacts_count: 0, created_at: expect.stringMatching(DOCS_TIME) },
      message: 'Tag created successfully.',
    })
    const id = made.body.data.id
    expect((await api.get(`/tags/${id}`)).body).toEqual({ success: true, data: made.body.data })
    expect((await api.put(`/tags/${id}`, { title: 'Wholesale 2026' })).body).toEqual({
      success: true, data: { ...made.body.data, title: 'Wholesale 2026' }, message: 'Tag updated successfully.',
    })
    expect((await api.patch(`/tags/${id}`, { title: 'Wholesale 2027' })).body.data.title).toBe('Wholesale 2027')
    const listed = await api.get('/tags')
    expect(listed.body.meta).toBeUndefined()
    expect(listed.body.data.map((t: { id: number }) => t.id)).toEqual([...listed.body.data.map((t: { id: number }) => t.id)].sort((a, b) => a - b))
    expect(listed.body.data).toContainEqual({ ...made.body.data, title: 'Wholesale 2027' })
    expect((await api.del(`/tags/${id}`)).status).toBe(204)
    for (const reply of [await api.get(`/tags/${id}`), await api.put(`/tags/${id}`, { title: 'x' }), await api.del(`/tags/${id}`)]) {
      expect(reply.status).toBe(404)
      expect(reply.body).toEqual({ success: false, message: 'Tag not found.' })
    }
  })

  it('validate with Laravel\'s 422 body, and keep their own rules (unique title, no GET for one segment)', async () => {
    const api = client(sandbox())
    expect((await api.post('/tags', {})).body).toEqual({ success: false, message: 'The given data was invalid.', errors: { title: ['The title field is required.'] } })
    expect((await api.post('/tags', { title: 'x'.repeat(101) })).body.errors).toEqual({ title: ['The title field must not be greater than 100 characters.'] })
    const existing = (await api.get('/tags')).body.data[0]
    expect((await api.post('/tags', { title: existing.title.toUpperCase() })).body.errors).toEqual({ title: ['The title has already been taken.'] })

    const list = await api.post('/contacts/lists', { name: 'VIP', status: '0' })
    expect(list.body).toEqual({
      success: true,
      data: { id: expect.any(Number), name: 'VIP', status: 0, contacts_count: 0, created_at: expect.stringMatching(DOCS_TIME) },
      message: 'List created successfully.',
    })
    expect((await api.put(`/contacts/lists/${list.body.data.id}`, { status: 7 })).body.errors).toEqual({ status: ['The selected status is invalid.'] })
    expect((await api.get('/contacts/lists/999999')).body).toEqual({ success: false, message: 'List not found.' })

    const segment = await api.post('/contacts/segments', { name: 'Riyadh' })
    expect(segment.body.message).toBe('Segment created successfully.')
    expect((await api.get(`/contacts/segments/${segment.body.data.id}`)).status).toBe(405)
    expect((await api.put(`/contacts/segments/${segment.body.data.id}`, { name: 'Jeddah' })).body.data.name).toBe('Jeddah')
    expect((await api.del('/contacts/segments/999999')).body).toEqual({ success: false, message: 'Segment not found.' })
  })
})

describe('a paginated resource declared with the kit', () => {
  interface Note { id: number; text: string; kind: 'call' | 'visit'; createdAt: number; updatedAt: number }
  const notes = new WeakMap<AccountStore, Map<number, Note>>()
  const of = (store: AccountStore) => notes.get(store) ?? notes.set(store, new Map()).get(store)!
  const world = new World(1, () => Date.UTC(2026, 2, 4, 12, 0, 0, 700), 'desc')
  generateWorld(world, 2, { contacts: 1, conversations: 0, messagesPerConversation: 0, media: 0, campaigns: 0 })
  const router = new Router()
  crudRoutes(router, {
    path: '/call-notes',
    label: 'Call note',
    idKind: 'note',
    records: of,
    json: (n) => ({ id: n.id, text: n.text, kind: n.kind, created_at: iso(n.createdAt) }),
    list: {
      pages: { perPage: 2, maxPerPage: 3 },
      order: (a, b) => b.id - a.id,
      filter: (query) => {
        const kind = queryEnum(query, 'kind', ['call', 'visit'] as const)
        return kind && ((n: Note) => n.kind === kind)
      },
    },
    create: {
      schema: z.object({ text: requiredString('text'), kind: z.enum(['call', 'visit']).default('call') }),
      build: (input, base) => ({ ...base, ...input }),
    },
    update: { schema: z.object({ text: requiredString('text') }), apply: (n, { text }) => void (n.text = text), methods: ['PUT'] },
  })

  /** As the pipeline answers: a handler's result, or its HttpError as a JSON body. */
  async function answer(store: AccountStore, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const url = new URL(path, 'http://sandbox.invalid')
    const match = router.match(method, url.pathname)
    if (match.kind !== 'found') return { status: match.kind === 'not-found' ? 404 : 405, body: null }
    try {
      const result: Result = await match.handler({ world, store, params: match.params, query: url.searchParams, body, req: null as never, now: world.now() })
      return { status: result.status, body: result.kind === 'json' ? result.body : null }
    } catch (error) {
      if (error instanceof HttpError) return { status: error.status, body: error.body }
      throw error
    }
  }

  it('pages with Laravel meta, filters, and keeps each account to its own records', async () => {
    const [a, b] = world.accounts as [AccountStore, AccountStore]
    const ids: number[] = []
    for (const [text, kind] of [['one', 'call'], ['two', 'visit'], ['three', 'call'], ['four', 'call'], ['five', 'visit']] as const) {
      const made = await answer(a, 'POST', '/call-notes', { text, kind })
      expect(made).toMatchObject({ status: 201, body: { success: true, message: 'Call note created successfully.' } })
      ids.push((made.body as { data: { id: number } }).data.id)
    }
    expect(await answer(a, 'GET', '/call-notes')).toEqual({
      status: 200,
      body: {
        success: true,
        data: [
          { id: ids[4], text: 'five', kind: 'visit', created_at: '2026-03-04T12:00:00.000000Z' },
          { id: ids[3], text: 'four', kind: 'call', created_at: '2026-03-04T12:00:00.000000Z' },
        ],
        meta: { current_page: 1, last_page: 3, per_page: 2, total: 5 },
      },
    })
    expect((await answer(a, 'GET', '/call-notes?page=3')).body).toMatchObject({ data: [{ id: ids[0] }], meta: { current_page: 3, last_page: 3 } })
    expect((await answer(a, 'GET', '/call-notes?per_page=50')).body).toMatchObject({ meta: { per_page: 3, last_page: 2 } })
    expect((await answer(a, 'GET', '/call-notes?kind=visit')).body).toMatchObject({ data: [{ id: ids[4] }, { id: ids[1] }], meta: { total: 2 } })
    expect(await answer(a, 'GET', '/call-notes?kind=fax')).toEqual({
      status: 422, body: { success: false, message: 'The given data was invalid.', errors: { kind: ['The selected kind is invalid.'] } },
    })
    expect(await answer(a, 'POST', '/call-notes', { kind: 'call' })).toEqual({
      status: 422, body: { success: false, message: 'The given data was invalid.', errors: { text: ['The text field is required.'] } },
    })
    expect((await answer(a, 'PUT', `/call-notes/${ids[0]}`, { text: 'uno' })).body).toMatchObject({ data: { text: 'uno' }, message: 'Call note updated successfully.' })
    expect((await answer(a, 'PATCH', `/call-notes/${ids[0]}`, { text: 'uno' })).status).toBe(405)
    // Another account's ids are indistinguishable from ids that never existed.
    expect(await answer(b, 'GET', `/call-notes/${ids[0]}`)).toEqual({ status: 404, body: { success: false, message: 'Call note not found.' } })
    expect(await answer(b, 'DELETE', `/call-notes/${ids[0]}`)).toEqual({ status: 404, body: { success: false, message: 'Call note not found.' } })
    expect((await answer(b, 'GET', '/call-notes')).body).toEqual({ success: true, data: [], meta: { current_page: 1, last_page: 1, per_page: 2, total: 0 } })
    expect(await answer(a, 'DELETE', `/call-notes/${ids[0]}`)).toEqual({ status: 204, body: null })
    expect((await answer(a, 'GET', `/call-notes/${ids[0]}`)).status).toBe(404)
  })
})
