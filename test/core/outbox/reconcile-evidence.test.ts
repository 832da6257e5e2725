// Reconciling goes by the server's ids, never the local clock: a lost answer is found with
// the computer's clock minutes off, and a colleague's identical message is never taken for
// this action's. When nothing can tell the two apart, the action waits for the user.
import { describe, expect, it } from 'vitest'
import type { Outbox } from '../../../src/main/core/outbox'
import { insertAction, updateAction } from '../../../src/main/core/outbox/queue-store'
import { insertLocalMessage, replaceCampaigns, threadPage } from '../../../src/main/core/store'
import { apiRequests, harness, serverContact, type Harness } from './helpers'

const texts = (h: Harness, contactId: number) => (h.sandbox.control.dump(h.accountId).messages[contactId] ?? []).map((m) => m.content)

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; !check(); i++) {
    if (i > 1500) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

const waiting = (outbox: Outbox) => outbox.list().filter((a) => a.state === 'queued' && a.attempts > 0)

describe('reconciling by server evidence', () => {
  it.each([3, 10, -10])('a lost answer with the clock %i minutes off is found, not sent twice', async (minutes) => {
    const h = await harness()
    const c = await serverContact(h, 'Skewed', '+966540000101')
    h.sandbox.control.setFaults({ rules: [{ method: 'POST', path: '/messages/send', kind: 'drop-after' }] })
    const { outbox } = h.outbox({ now: () => Date.now() + minutes * 60_000 })
    outbox.sendMessage({ contactId: c.id, text: 'only once please' })
    outbox.start()
    await h.drained(outbox)
    expect(texts(h, c.id)).toEqual(['only once please'])
    expect(outbox.list()[0]).toMatchObject({ state: 'done' })
  })

  it('a send killed in flight is found after restart with the clock 10 minutes fast; nobody looked, so the user is asked', async () => {
    const h = await harness()
    const c = await serverContact(h, 'Killed', '+966540000102')
    const fast = () => Date.now() + 10 * 60_000
    // The previous run noted the newest id, marked the action in flight, sent, and was killed.
    const afterId = (await h.api().messages.list(c.id, { direction: 'outbound' })).items.reduce((n, m) => Math.max(n, m.id), 0)
    insertLocalMessage(h.store.db, { localId: 'killed-1', contactId: c.id, content: 'did it go?', createdAt: new Date(fast()).toISOString() })
    const actionId = insertAction(h.store.db, { kind: 'send-message', version: 1, payload: { contactId: c.id, text: 'did it go?', localId: 'killed-1' }, lane: `contact:${c.id}`, now: fast() })
    updateAction(h.store.db, actionId, { state: 'in-flight', attempts: 1, firstAttemptAt: fast(), evidence: { afterId, open: true } }, fast())
    await h.api().messages.send(c.id, 'did it go?')
    const { outbox } = h.outbox({ now: fast })
    outbox.start()
    await until(() => outbox.list()[0]?.state === 'failed', 'the action to wait for the user')
    expect(outbox.list()[0]!.lastError).toMatchObject({ type: 'needs-decision' })
    expect(outbox.list()[0]!.lastError!.message).toMatch(/Mark it as done/)
    outbox.markSent(actionId)
    expect(outbox.list()[0]).toMatchObject({ state: 'done' })
    expect(texts(h, c.id)).toEqual(['did it go?'])
    const thread = threadPage(h.store.db, { contactId: c.id }).items
    expect(thread.filter((m) => m.content === 'did it go?')).toHaveLength(1)
    expect(thread.find((m) => m.content === 'did it go?')).toMatchObject({ pending: false })
  })

  it('a send that never reached the server is sent, not matched to a colleague’s identical message sent meanwhile', async () => {
    const h = await harness()
    const c = await serverContact(h, 'Shared', '+966540000103')
    // The connection drops before the server acts: the outcome is unknown to the app.
    h.sandbox.control.setFaults({ rules: [{ method: 'POST', path: '/messages/send', kind: 'drop-before' }] })
    const { outbox } = h.outbox({ timings: { retryBaseMs: 60_000, retryMaxMs: 60_000, maxRetryMs: 600_000 } })
    outbox.sendMessage({ contactId: c.id, text: 'Your order has shipped' })
    outbox.start()
    await until(() => waiting(outbox).length === 1, 'the first attempt to fail')
    await h.api().messages.send(c.id, 'Your order has shipped') // a colleague, from the web
    outbox.nudge()
    await h.drained(outbox)
    expect(outbox.list()[0]).toMatchObject({ state: 'done' })
    expect(texts(h, c.id)).toEqual(['Your order has shipped', 'Your order has shipped'])
  })

  it('when nobody could look after the attempt and a colleague’s identical message appears, the user decides; “send anyway” sends it', async () => {
    const h = await harness()
    const c = await serverContact(h, 'Shared', '+966540000104')
    const history = `/contacts/${c.id}/messages`
    // The send drops before acting, and the look right after fails too (the server is away).
    h.sandbox.control.setFaults({
      rules: [
        { method: 'GET', path: history, kind: 'latency', ms: 0 },
        { method: 'POST', path: '/messages/send', kind: 'drop-before' },
        { method: 'GET', path: history, kind: 'status', status: 503, times: 4 },
      ],
    })
    const { outbox } = h.outbox({ timings: { retryBaseMs: 60_000, retryMaxMs: 60_000, maxRetryMs: 600_000 } })
    const { actionId } = outbox.sendMessage({ contactId: c.id, text: 'See you at 5' })
    outbox.start()
    await until(() => waiting(outbox).length === 1, 'the first attempt to fail')
    h.sandbox.control.clearFaults()
    await h.api().messages.send(c.id, 'See you at 5') // a colleague
    outbox.nudge()
    await until(() => outbox.list()[0]?.state === 'failed', 'the action to wait for the user')
    expect(outbox.list()[0]!.lastError).toMatchObject({ type: 'needs-decision' })
    expect(texts(h, c.id)).toEqual(['See you at 5'])
    outbox.retry(actionId)
    await h.drained(outbox)
    expect(outbox.list()[0]).toMatchObject({ state: 'done' })
    expect(texts(h, c.id)).toEqual(['See you at 5', 'See you at 5'])
  })

  it('a created contact whose answer was lost is found with the clock 10 minutes fast', async () => {
    const h = await harness()
    h.sandbox.control.setFaults({ rules: [{ method: 'POST', path: '/contacts', kind: 'drop-after' }] })
    const { outbox } = h.outbox({ now: () => Date.now() + 10 * 60_000 })
    outbox.createContact({ name: 'Fast clock', phone: '+966540000105', type: 'whatsapp' })
    outbox.start()
    await h.drained(outbox)
    expect(h.sandbox.control.dump(h.accountId).contacts.filter((x) => x.phone === '+966540000105')).toHaveLength(1)
    expect(outbox.list()[0]).toMatchObject({ state: 'done' })
  })

  it('a campaign start whose answer was lost is settled by its status with the clock 10 minutes fast, not refused as a second start', async () => {
    const h = await harness()
    const c = await serverContact(h, 'Audience', '+966540000106')
    const channel = (await h.api().account.channels()).find((x) => x.type === 'whatsapp' && x.is_connected)!
    const draft = await h.api().campaigns.create({ name: 'Skewed start', message: 'Hello', channel_id: channel.id!, contact_ids: [c.id] })
    replaceCampaigns(h.store.db, [draft])
    h.sandbox.control.setFaults({ rules: [{ method: 'POST', path: `/campaigns/${draft.id}/start`, kind: 'drop-after' }] })
    const { outbox } = h.outbox({ now: () => Date.now() + 10 * 60_000 })
    outbox.campaignCommand(draft.id, 'start')
    outbox.start()
    await h.drained(outbox)
    expect(outbox.list()[0]).toMatchObject({ state: 'done' })
    expect(apiRequests(h).filter((e) => e.path.endsWith(`/campaigns/${draft.id}/start`) && e.acted)).toHaveLength(1)
  })
})
