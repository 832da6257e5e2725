// The outbox's life cycle against the sandbox: queue, lanes, local ids, coalescing, pauses.
import { describe, expect, it } from 'vitest'
import { getContact, getMedia, threadPage } from '../../../src/main/core/store'
import { apiRequests, harness, serverContact } from './helpers'

describe('outbox', () => {
  it('shows a message at once as pending, sends it once, and confirms it', async () => {
    const h = await harness()
    const c = await serverContact(h, 'Amal', '+966500000001')
    const { outbox, events } = h.outbox()
    const { actionId, localMessageId } = outbox.sendMessage({ contactId: c.id, text: 'مرحبا 👋' })
    expect(localMessageId).toBeTruthy()
    const thread = threadPage(h.store.db, { contactId: c.id })
    expect(thread.items.at(-1)).toMatchObject({ content: 'مرحبا 👋', pending: true, status: 'pending' })
    expect(outbox.list()[0]).toMatchObject({ id: actionId, kind: 'send-message', state: 'queued', entity: `contact:${c.id}` })
    expect(outbox.list()[0]!.summary).toContain('مرحبا')

    outbox.start()
    await h.drained(outbox)
    expect(outbox.list()[0]).toMatchObject({ state: 'done', attempts: 1, lastError: null })
    const sent = threadPage(h.store.db, { contactId: c.id }).items.find((m) => m.content === 'مرحبا 👋')!
    expect(sent).toMatchObject({ pending: false, status: 'sent' })
    expect(sent.serverId).toBeGreaterThan(0)
    expect(apiRequests(h).filter((e) => e.path === '/api/v1/messages/send')).toHaveLength(1)
    expect(events.some((e) => e.type === 'outbox' && e.counts.done === 1)).toBe(true)
    expect(events.some((e) => e.type === 'changed' && e.resources.includes('messages'))).toBe(true)
  })

  it('runs a lane in order and lanes side by side', async () => {
    const h = await harness()
    const a = await serverContact(h, 'A', '+966500000002')
    const b = await serverContact(h, 'B', '+966500000003')
    const { outbox } = h.outbox()
    for (let i = 0; i < 4; i++) {
      outbox.sendMessage({ contactId: a.id, text: `a${i}` })
      outbox.sendMessage({ contactId: b.id, text: `b${i}` })
    }
    await h.sandbox.control.setFaults({ latencyMs: 20 })
    outbox.start()
    await h.drained(outbox)
    const dump = h.sandbox.control.dump(h.accountId)
    expect(dump.messages[a.id]!.map((m) => m.content)).toEqual(['a0', 'a1', 'a2', 'a3'])
    expect(dump.messages[b.id]!.map((m) => m.content)).toEqual(['b0', 'b1', 'b2', 'b3'])
    // Both lanes were in flight together: sends to a and b interleave in the log.
    const order = apiRequests(h).filter((e) => e.path === '/api/v1/messages/send').map((e) => (e.body as { contact_id: number }).contact_id)
    expect(order.slice(0, 2).sort()).toEqual([a.id, b.id].sort())
  })

  it('holds actions on a contact created offline until it exists, then rewrites them to its id', async () => {
    const h = await harness()
    const { outbox } = h.outbox()
    const { localContactId } = outbox.createContact({ name: 'New Lead', phone: '+966511111111', type: 'whatsapp' })
    expect(localContactId).toBeLessThan(0)
    outbox.sendMessage({ contactId: localContactId, text: 'Welcome!' })
    outbox.addNote(localContactId, 'Met at the fair')
    outbox.addTag(localContactId, 'fair-2026')
    const list = (await h.api().lists.list()).items[0]!
    outbox.addToList(localContactId, list.id)
    expect(getContact(h.store.db, localContactId)).toMatchObject({ name: 'New Lead', pending: true })
    outbox.start()
    await h.drained(outbox)
    const server = h.sandbox.control.dump(h.accountId).contacts.find((c) => c.phone === '+966511111111')!
    expect(server.notes.map((n) => n.note)).toEqual(['Met at the fair'])
    expect(server.tags).toContain('fair-2026')
    expect(h.sandbox.control.dump(h.accountId).messages[server.id]!.map((m) => m.content)).toEqual(['Welcome!'])
    expect(h.sandbox.control.dump(h.accountId).lists.find((l) => l.id === list.id)!.member_ids).toContain(server.id)
    // The local row was re-keyed, with its message, and released.
    expect(getContact(h.store.db, server.id)).toMatchObject({ name: 'New Lead', pending: false })
    expect(() => getContact(h.store.db, localContactId)).toThrow()
    expect(threadPage(h.store.db, { contactId: server.id }).items.map((m) => m.content)).toEqual(['Welcome!'])
    expect(outbox.list().every((a) => a.state === 'done' && !a.entity.includes('-'))).toBe(true)
  })

  it('coalesces consecutive edits of a draft that has not gone out into one request', async () => {
    const h = await harness()
    const channel = (await h.api().account.channels()).find((c) => c.type === 'whatsapp')!
    const c = await serverContact(h, 'Audience', '+966500000004')
    const { outbox } = h.outbox()
    const { localCampaignId } = outbox.createCampaign({ name: 'Spring', message: 'Hello', channel_id: channel.id!, contact_ids: [c.id] })
    outbox.updateCampaign(localCampaignId, { name: 'Spring sale' })
    outbox.updateCampaign(localCampaignId, { message: 'Hello, 20% off' })
    expect(outbox.list()).toHaveLength(1)
    outbox.start()
    await h.drained(outbox)
    const id = outbox.list()[0]!.entity.split(':')[1]
    await outbox.stop()
    // Edited while offline (the outbox not running): the two edits become one PUT.
    const later = h.outbox().outbox
    later.updateCampaign(Number(id), { name: 'Spring sale!' })
    later.updateCampaign(Number(id), { message: 'Hello, 25% off' })
    expect(later.list({ states: ['queued'] })).toHaveLength(1)
    later.start()
    await h.drained(later)
    const posts = apiRequests(h).filter((e) => e.path.startsWith('/api/v1/campaigns') && e.method !== 'GET')
    expect(posts.map((e) => e.method)).toEqual(['POST', 'PUT'])
    expect(h.sandbox.control.dump(h.accountId).campaigns.find((x) => x.id === Number(id))).toMatchObject({ name: 'Spring sale!', message: 'Hello, 25% off' })
  })

  it('pauses the whole outbox on a rejected key and resumes with a new one', async () => {
    const h = await harness()
    const c = await serverContact(h, 'K', '+966500000005')
    const { outbox, events } = h.outbox({ api: h.api('not-a-key') })
    outbox.sendMessage({ contactId: c.id, text: 'one' })
    outbox.sendMessage({ contactId: c.id, text: 'two' })
    outbox.start()
    await vi_waitFor(() => events.some((e) => e.type === 'key-rejected'))
    expect(outbox.keyRejected).toBe(true)
    expect(outbox.counts()).toMatchObject({ queued: 2, inFlight: 0 })
    outbox.resumeAfterKey(h.api())
    await h.drained(outbox)
    expect(h.sandbox.control.dump(h.accountId).messages[c.id]!.map((m) => m.content)).toEqual(['one', 'two'])
    expect(outbox.list().map((a) => a.attempts)).toEqual([1, 1])
  })

  it('rolls back a discarded action and cancels what waited for it', async () => {
    const h = await harness()
    const c = await serverContact(h, 'D', '+966500000006')
    h.sandbox.control.clearLog()
    const { outbox } = h.outbox()
    const { actionId } = outbox.sendMessage({ contactId: c.id, text: 'never mind' })
    const rename = outbox.updateContact(c.id, { name: 'Renamed' })
    expect(getContact(h.store.db, c.id)).toMatchObject({ name: 'Renamed', pending: true })
    outbox.discard(rename)
    outbox.discard(actionId)
    expect(getContact(h.store.db, c.id)).toMatchObject({ name: 'D', pending: false })
    expect(threadPage(h.store.db, { contactId: c.id }).items).toEqual([])
    const created = outbox.createContact({ name: 'Ghost', phone: '+966522222222' })
    outbox.sendMessage({ contactId: created.localContactId, text: 'hi ghost' })
    outbox.discard(created.actionId)
    expect(outbox.counts()).toMatchObject({ queued: 0, cancelled: 4 })
    outbox.start()
    await new Promise((r) => setTimeout(r, 100))
    expect(apiRequests(h).filter((e) => e.method !== 'GET')).toEqual([])
  })
})

async function vi_waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}
export { getMedia }
