// Conversations, message history, sending, inbound messages and status progress.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../src/sandbox'
import { client, useSandbox } from './helpers'

const sandbox = useSandbox({ seed: 5 })
type Message = { id: number; contact_id: number; direction: string; status: string; content: string; created_at: string }
/** The docs' timestamp form: whole seconds, a zero microsecond part. */
const DOCS_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000000Z$/

async function connectedContact(sb: Sandbox, type = 'whatsapp') {
  const api = client(sb)
  return (await api.get(`/contacts?type=${type}&blacklisted=false&per_page=1`)).body.data[0] as { id: number; name: string }
}

describe('conversations', () => {
  it('lists conversations newest first with the documented fields', async () => {
    const api = client(sandbox())
    const page = await api.get('/conversations?per_page=100')
    expect(page.body.meta.total).toBe(25)
    const items = page.body.data
    expect(Object.keys(items[0]).sort()).toEqual(['channel', 'contact_id', 'contact_name', 'last_message', 'last_message_at', 'unread_count'])
    const times = items.map((c: { last_message_at: string }) => Date.parse(c.last_message_at))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    const telegram = (await api.get('/conversations?channel=telegram&per_page=100')).body.data
    expect(telegram.every((c: { channel: string }) => c.channel === 'telegram')).toBe(true)
    const one = await api.get(`/conversations?contact_id=${items[3].contact_id}`)
    expect(one.body.data).toEqual([items[3]])
  })

  it('moves a conversation to the top on an inbound message and counts unread', async () => {
    const sb = sandbox()
    const api = client(sb)
    const last = (await api.get('/conversations?per_page=100')).body.data.at(-1)
    const first = sb.control.injectInbound({ accountId: api.id, contactId: last.contact_id, content: 'هل طلبي جاهز؟ 📦' })
    sb.control.injectInbound({ accountId: api.id, contactId: last.contact_id, content: 'Hello?' })
    expect(first).toMatchObject({ direction: 'inbound', contact_id: last.contact_id })
    const top = (await api.get('/conversations?per_page=1')).body.data[0]
    expect(top).toMatchObject({ contact_id: last.contact_id, last_message: 'Hello?' })
    expect(top.unread_count).toBeGreaterThanOrEqual(2)

    // Replying clears the unread count (unread = inbound after our last outbound).
    sb.control.setChannelConnected(api.id, 'whatsapp', true)
    sb.control.setChannelConnected(api.id, 'telegram', true)
    sb.control.setChannelConnected(api.id, 'instagram', true)
    await api.post('/messages/send', { contact_id: last.contact_id, message: 'Yes, ready!' })
    expect((await api.get('/conversations?per_page=1')).body.data[0]).toMatchObject({ contact_id: last.contact_id, unread_count: 0, last_message: 'Yes, ready!' })
    sb.control.setChannelConnected(api.id, 'instagram', false)

    // A random inbound message lands on some contact of the account.
    const random = sb.control.injectInbound({ accountId: api.id })
    expect((await api.get('/conversations?per_page=1')).body.data[0].contact_id).toBe(random.contact_id)
  })

  it('starts a conversation for a contact without history', async () => {
    const sb = sandbox()
    const api = client(sb)
    const { id } = (await api.post('/contacts', { name: 'First Timer', type: 'telegram' })).body.data
    sb.control.injectInbound({ accountId: api.id, contactId: id, content: 'hi' })
    expect((await api.get(`/contacts/${id}`)).body.data.last_message_at).not.toBeNull()
    expect((await api.get('/conversations?per_page=1')).body.data[0]).toMatchObject({ contact_id: id, unread_count: 1, channel: 'telegram' })
  })
})

describe('message history', () => {
  it('pages a contact’s messages newest first by default and filters by direction', async () => {
    const api = client(sandbox())
    const conversation = (await api.get('/conversations?per_page=100')).body.data.find((c: { contact_id: number }) => c)
    const history = await api.get(`/contacts/${conversation.contact_id}/messages?per_page=100`)
    const messages: Message[] = history.body.data
    expect(messages.length).toBeGreaterThan(0)
    const documented = ['channel', 'contact_id', 'content', 'created_at', 'direction', 'id', 'sent_at', 'status']
    for (const m of messages) expect(Object.keys(m).sort()).toEqual(documented)
    const times = messages.map((m) => Date.parse(m.created_at))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    const inbound: Message[] = (await api.get(`/contacts/${conversation.contact_id}/messages?direction=inbound&per_page=100`)).body.data
    expect(inbound.every((m) => m.direction === 'inbound')).toBe(true)
    expect(inbound.length).toBe(messages.filter((m) => m.direction === 'inbound').length)
  })

  describe('with messageOrder "asc"', () => {
    let sb: Sandbox
    beforeAll(async () => {
      sb = await startSandbox({ port: 0, seed: 5, messageOrder: 'asc' })
    })
    afterAll(() => sb.close())

    it('gives oldest first', async () => {
      const api = client(sb)
      const conversation = (await api.get('/conversations')).body.data[0]
      const messages: Message[] = (await api.get(`/contacts/${conversation.contact_id}/messages?per_page=100`)).body.data
      const times = messages.map((m) => Date.parse(m.created_at))
      expect([...times].sort((a, b) => a - b)).toEqual(times)
    })
  })
})

describe('sending', () => {
  it('sends over a connected channel: 201 with the message, status sent', async () => {
    const sb = sandbox()
    const api = client(sb)
    const contact = await connectedContact(sb)
    sb.control.setChannelConnected(api.id, 'whatsapp', true)
    const sent = await api.post('/messages/send', { contact_id: contact.id, message: 'Your appointment is confirmed! ✅' })
    expect(sent.status).toBe(201)
    // Exactly the keys of messages.txt's example: no direction, no created_at, no error.
    expect(sent.body).toEqual({
      success: true,
      message: 'Message sent successfully.',
      data: { id: expect.any(Number), contact_id: contact.id, channel: 'whatsapp', content: 'Your appointment is confirmed! ✅', status: 'sent', sent_at: expect.stringMatching(DOCS_TIME) },
    })
    const history: Message[] = (await api.get(`/contacts/${contact.id}/messages`)).body.data
    expect(history[0]).toEqual({
      id: sent.body.data.id, contact_id: contact.id, direction: 'outbound', channel: 'whatsapp', content: 'Your appointment is confirmed! ✅',
      status: 'sent', sent_at: sent.body.data.sent_at, created_at: expect.stringMatching(DOCS_TIME),
    })
  })

  it('saves a failed message and answers the documented failure body when the channel is not connected', async () => {
    const sb = sandbox()
    const api = client(sb)
    const contact = await connectedContact(sb)
    const channel = sb.control.setChannelConnected(api.id, 'whatsapp', false)
    expect(channel).toMatchObject({ type: 'whatsapp', is_connected: false })
    expect((await api.get('/account/channels')).body.data.find((c: { type: string }) => c.type === 'whatsapp').is_connected).toBe(false)
    const failed = await api.post('/messages/send', { contact_id: contact.id, message: 'Will not arrive' })
    expect(failed.status).toBe(422)
    // The docs' failure body to the key: the record's id, status and reason, nothing more.
    expect(failed.body).toEqual({
      success: false,
      data: { id: expect.any(Number), status: 'failed', error: 'No whatsapp channel connected.' },
      message: 'Message could not be delivered.',
    })
    // In the history the saved record is a plain Message object: the documented fields, no `error`.
    const history: Message[] = (await api.get(`/contacts/${contact.id}/messages`)).body.data
    expect(history[0]).toEqual({
      id: failed.body.data.id, contact_id: contact.id, direction: 'outbound', channel: 'whatsapp', content: 'Will not arrive',
      status: 'failed', sent_at: null, created_at: expect.stringMatching(DOCS_TIME),
    })
    const log = sb.control.requestLog().at(-2)!
    expect(log).toMatchObject({ path: '/api/v1/messages/send', status: 422, acted: true, createdId: failed.body.data.id })
    sb.control.setChannelConnected(api.id, 'whatsapp', true)
  })

  it('validates the body', async () => {
    const api = client(sandbox())
    expect((await api.post('/messages/send', {})).body.errors).toEqual({
      contact_id: ['The contact id field is required.'],
      message: ['The message field is required.'],
    })
    expect((await api.post('/messages/send', { contact_id: 'abc', message: 'x' })).body.errors).toEqual({ contact_id: ['The contact id field must be an integer.'] })
  })

  it('advances outbound statuses sent → delivered → read step by step', async () => {
    const sb = sandbox()
    const api = client(sb)
    const contact = await connectedContact(sb)
    sb.control.setChannelConnected(api.id, 'whatsapp', true)
    const { id } = (await api.post('/messages/send', { contact_id: contact.id, message: 'Tracking' })).body.data
    const status = async () => (await api.get(`/contacts/${contact.id}/messages`)).body.data.find((m: Message) => m.id === id).status
    expect(await status()).toBe('sent')
    sb.control.advanceMessages(1)
    expect(await status()).toBe('delivered')
    sb.control.advance({ messages: 1 })
    expect(await status()).toBe('read')
    sb.control.advanceMessages(3)
    expect(await status()).toBe('read')
  })

  it('advances on its own with auto-advance', async () => {
    const sb = sandbox()
    const api = client(sb)
    const contact = await connectedContact(sb)
    const { id } = (await api.post('/messages/send', { contact_id: contact.id, message: 'Auto' })).body.data
    sb.control.setAutoAdvance({ messageMs: 20, campaignMs: 1000 })
    await new Promise((r) => setTimeout(r, 120))
    sb.control.setAutoAdvance(false)
    expect((await api.get(`/contacts/${contact.id}/messages`)).body.data.find((m: Message) => m.id === id).status).toBe('read')
  })
})
