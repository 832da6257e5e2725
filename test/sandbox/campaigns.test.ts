// Campaigns: create/update/delete rules, audience resolution, the state machine and delivery.
import { describe, expect, it } from 'vitest'
import { client, useSandbox } from './helpers'

const sandbox = useSandbox({ seed: 7 })
type Contact = { id: number; name: string; blacklisted: boolean }
type Campaign = { id: number; status: string; total_contacts: number; pending_contacts_count: number; sent_contacts_count: number; failed_contacts_count: number; progress_percentage: number }

async function setup() {
  const sb = sandbox()
  const api = client(sb)
  const channels = (await api.get('/account/channels')).body.data
  const whatsapp = channels.find((c: { type: string }) => c.type === 'whatsapp')
  const contacts: Contact[] = (await api.get('/contacts?per_page=100')).body.data
  const clean = contacts.filter((c) => !c.blacklisted)
  const blacklisted = contacts.find((c) => c.blacklisted)!
  const create = (extra: Record<string, unknown> = {}) =>
    api.post('/campaigns', { name: 'Spring Promo 2026', channel_id: whatsapp.id, message: 'خصم ٢٥٪ 🎉', contact_ids: [clean[0]!.id, clean[1]!.id], ...extra })
  const act = async (id: number, action: string) => api.post(`/campaigns/${id}/${action}`)
  return { sb, api, whatsapp, clean, blacklisted, create, act }
}

describe('campaign objects', () => {
  it('creates a draft with the documented fields and echoes the request fields', async () => {
    const { create, whatsapp, clean } = await setup()
    const created = await create({ is_new_number: true })
    expect(created.status).toBe(201)
    expect(created.body.data).toMatchObject({
      name: 'Spring Promo 2026', status: 'draft', message: 'خصم ٢٥٪ 🎉', contact_ids: [clean[0]!.id, clean[1]!.id], list_ids: [], segment_ids: [],
      total_contacts: 2, success_count: 0, failed_count: 0, progress_percentage: 0, is_new_number: true, started_at: null, completed_at: null,
      client_setting: { id: whatsapp.id, name: expect.any(String), type: 'whatsapp' },
      campaign_contacts_count: 2, sent_contacts_count: 0, failed_contacts_count: 0, pending_contacts_count: 2,
      daily_limit: expect.any(Number), remaining_today: expect.any(Number), campaign_day: 0, messages_sent_today: 0,
    })
  })

  it('lists with a status filter; seeded data has every status', async () => {
    const { api } = await setup()
    const all = (await api.get('/campaigns?per_page=100')).body.data as Campaign[]
    expect(new Set(all.map((c) => c.status))).toEqual(new Set(['draft', 'running', 'paused', 'completed', 'cancelled']))
    const paused = (await api.get('/campaigns?status=paused')).body.data as Campaign[]
    expect(paused.length).toBeGreaterThan(0)
    expect(paused.every((c) => c.status === 'paused')).toBe(true)
    expect((await api.get('/campaigns?status=nope')).status).toBe(422)
  })

  it('validates: required fields, unknown ids, at least one recipient', async () => {
    const { api, create, whatsapp } = await setup()
    expect((await api.post('/campaigns', {})).body.errors).toEqual({
      name: ['The name field is required.'],
      channel_id: ['The channel id field is required.'],
      message: ['The message field is required.'],
    })
    expect((await create({ contact_ids: [], list_ids: [], segment_ids: [] })).body.errors).toHaveProperty('contact_ids')
    const unknown = await create({ contact_ids: [999_999], list_ids: [888_888], channel_id: 777_777 })
    expect(unknown.status).toBe(422)
    expect(Object.keys(unknown.body.errors).sort()).toEqual(['channel_id', 'contact_ids.0', 'list_ids.0'])
    // Another account's contact is as unknown as a missing one.
    const other = (await client(sandbox(), 1).get('/contacts?per_page=1')).body.data[0]
    expect((await create({ contact_ids: [other.id] })).body.errors).toHaveProperty(['contact_ids.0'])
    expect((await create({ channel_id: String(whatsapp.id) })).status).toBe(201)
  })

  it('targets the unique union of contacts, lists and segments without blacklisted contacts', async () => {
    const { api, create, clean, blacklisted } = await setup()
    const list = (await api.post('/contacts/lists', { name: 'Audience list' })).body.data
    const segment = (await api.post('/contacts/segments', { name: 'Audience segment' })).body.data
    for (const c of [clean[0]!, clean[2]!, blacklisted]) await api.post(`/contacts/${c.id}/lists`, { list_id: list.id })
    for (const c of [clean[2]!, clean[3]!]) await api.post(`/contacts/${c.id}/segments`, { segment_id: segment.id })
    const campaign = (await create({ contact_ids: [clean[0]!.id, clean[1]!.id, clean[1]!.id, blacklisted.id], list_ids: [list.id], segment_ids: [segment.id] })).body.data
    expect(campaign.total_contacts).toBe(4)
    const recipients = (await api.get(`/campaigns/${campaign.id}/contacts`)).body.data
    expect(recipients.map((r: { contact_id: number }) => r.contact_id).sort()).toEqual([clean[0]!.id, clean[1]!.id, clean[2]!.id, clean[3]!.id].sort())
    // The contact's name is `name` on a delivery row, as the campaigns docs call it.
    expect(Object.keys(recipients[0]).sort()).toEqual(['contact_id', 'error', 'id', 'name', 'phone', 'sent_at', 'status'])
    const names = new Map([...clean, blacklisted].map((c) => [c.id, c.name]))
    for (const r of recipients) expect(r.name).toBe(names.get(r.contact_id))
    expect(recipients.every((r: { status: string }) => r.status === 'pending')).toBe(true)
    expect((await create({ contact_ids: [blacklisted.id] })).status).toBe(422)
  })
})

describe('life cycle', () => {
  it('allows exactly the documented transitions', async () => {
    const { create, act, api } = await setup()
    const legal: Record<string, Record<string, string | null>> = {
      draft: { start: 'running', pause: null, resume: null, cancel: null },
      running: { start: null, pause: 'paused', resume: null, cancel: 'cancelled' },
      paused: { start: null, pause: null, resume: 'running', cancel: 'cancelled' },
      cancelled: { start: null, pause: null, resume: null, cancel: null },
      completed: { start: null, pause: null, resume: null, cancel: null },
    }
    // Reach each status with a fresh campaign, then try every action once.
    const reach = async (status: string): Promise<number> => {
      const { id } = (await create()).body.data
      if (status === 'draft') return id
      await act(id, 'start')
      if (status === 'paused') await act(id, 'pause')
      if (status === 'cancelled') await act(id, 'cancel')
      if (status === 'completed') sandbox().control.advanceCampaigns(5)
      expect((await api.get(`/campaigns/${id}`)).body.data.status).toBe(status)
      return id
    }
    for (const [from, actions] of Object.entries(legal)) {
      for (const [action, to] of Object.entries(actions)) {
        const id = await reach(from)
        const reply = await act(id, action)
        if (to) {
          expect(reply.status, `${action} from ${from}`).toBe(200)
          expect(reply.body.data.status).toBe(to)
        } else {
          expect(reply.status, `${action} from ${from}`).toBe(422)
          expect(reply.body).toEqual({ success: false, message: expect.stringMatching(new RegExp(`This campaign is ${from}\\.$`)) })
          expect((await api.get(`/campaigns/${id}`)).body.data.status).toBe(from)
        }
      }
    }
  })

  it('edits only drafts and deletes only drafts and cancelled campaigns', async () => {
    const { create, act, api, clean } = await setup()
    const draft = (await create()).body.data
    const edited = await api.put(`/campaigns/${draft.id}`, { name: 'Renamed', contact_ids: [clean[4]!.id] })
    expect(edited.body.data).toMatchObject({ name: 'Renamed', contact_ids: [clean[4]!.id], total_contacts: 1, message: draft.message })
    await act(draft.id, 'start')
    const refused = await api.put(`/campaigns/${draft.id}`, { name: 'Too late' })
    expect(refused.status).toBe(422)
    expect(refused.body.message).toBe('Only draft campaigns can be edited. This campaign is running.')
    expect((await api.del(`/campaigns/${draft.id}`)).status).toBe(422)
    await act(draft.id, 'pause')
    expect((await api.del(`/campaigns/${draft.id}`)).status).toBe(422)
    await act(draft.id, 'cancel')
    expect((await api.del(`/campaigns/${draft.id}`)).status).toBe(204)
    expect((await api.get(`/campaigns/${draft.id}`)).status).toBe(404)
    const another = (await create()).body.data
    expect((await api.del(`/campaigns/${another.id}`)).status).toBe(204)
    const completed = (await api.get('/campaigns?status=completed')).body.data[0]
    expect((await api.del(`/campaigns/${completed.id}`)).status).toBe(422)
  })

  it('delivers while running, waits while paused, completes when nobody is pending', async () => {
    const { sb, api, create, act, clean } = await setup()
    sb.control.setChannelConnected(api.id, 'whatsapp', true)
    const ids = clean.slice(0, 12).map((c) => c.id)
    const { id } = (await create({ contact_ids: ids })).body.data
    sb.control.advanceCampaigns(3)
    expect((await api.get(`/campaigns/${id}`)).body.data.pending_contacts_count).toBe(12) // drafts do not move
    await act(id, 'start')
    sb.control.advanceCampaigns(1)
    let campaign: Campaign = (await api.get(`/campaigns/${id}`)).body.data
    expect(campaign.sent_contacts_count + campaign.failed_contacts_count).toBe(5)
    expect(campaign.progress_percentage).toBe(Math.round((5 / 12) * 100))
    await act(id, 'pause')
    sb.control.advanceCampaigns(10)
    expect((await api.get(`/campaigns/${id}`)).body.data.pending_contacts_count).toBe(7)
    await act(id, 'resume')
    sb.control.advance({ campaigns: 2 })
    campaign = (await api.get(`/campaigns/${id}`)).body.data
    expect(campaign).toMatchObject({ status: 'completed', pending_contacts_count: 0, progress_percentage: 100, completed_at: expect.any(String) })
    const recipients = (await api.get(`/campaigns/${id}/contacts?per_page=100`)).body.data
    for (const r of recipients) {
      if (r.status === 'sent') expect(r.sent_at).not.toBeNull()
      else expect(r).toMatchObject({ status: 'failed', error: expect.any(String) })
    }
    const sentOne = recipients.find((r: { status: string }) => r.status === 'sent')
    const history = (await api.get(`/contacts/${sentOne.contact_id}/messages?per_page=1`)).body.data
    expect(history[0]).toMatchObject({ direction: 'outbound', content: 'خصم ٢٥٪ 🎉' })
    expect((await api.get(`/campaigns/${id}/contacts?status=pending`)).body.data).toEqual([])
  })
})
