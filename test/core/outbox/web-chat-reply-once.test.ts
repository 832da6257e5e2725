// An agent's web chat reply is sent once however its answer is lost. The case that once
// sent it twice (stress:outbox, sandbox-faults): the request timed out on this side while
// SkyLight was still carrying it out, so the look right after found nothing yet — which is
// no proof it never acted — and the next attempt sent it again.
import { describe, expect, it } from 'vitest'
import { createSkyLightApi, RateBudget } from '../../../src/main/core/skylight'
import { saveWebChatSessions } from '../../../src/main/core/store'
import { harness, type Harness } from './helpers'

async function takenSession(h: Harness): Promise<string> {
  const visitor = h.sandbox.control.visitorMessage({ accountId: h.accountId, askForHuman: true, visitorName: 'Lina' })
  const taken = await h.api().webChat.command(visitor.session_id, 'take-over')
  saveWebChatSessions(h.store.db, [taken!], false)
  return visitor.session_id
}

const agentReplies = (h: Harness, sessionId: string, text: string) =>
  h.sandbox.control.dump(h.accountId).web_chat_sessions.find((s) => s.session_id === sessionId)!.messages.filter((m) => m.message === text)

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; !check(); i++) {
    if (i > 1500) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('a web chat reply whose answer is lost', () => {
  it('timed out while SkyLight was still carrying it out: not sent again; the user is asked, and “mark as sent” settles it', async () => {
    const h = await harness()
    const sessionId = await takenSession(h)
    // SkyLight carries out the reply but answers only after 600 ms; this side gives up after 200 ms.
    h.sandbox.control.setFaults({ rules: [{ method: 'POST', path: `/web-chat/sessions/${sessionId}/messages`, kind: 'slow-answer', ms: 600 }] })
    const impatient = createSkyLightApi({
      baseUrl: h.sandbox.url,
      apiKey: h.sandbox.accounts[0]!.apiKey,
      budget: new RateBudget({ limit: 10_000, windowMs: 60_000 }),
      retryBaseMs: 5,
      retryMaxMs: 20,
      maxAttempts: 2,
      timeoutMs: 200,
    })
    const { outbox } = h.outbox({ api: impatient, timings: { retryBaseMs: 60_000, retryMaxMs: 60_000, maxRetryMs: 600_000 } })
    const { actionId } = outbox.queue('web-chat-reply', { sessionId, text: 'One moment please' })
    outbox.start()
    // The first attempt gave up, and SkyLight has since carried the reply out.
    await until(() => outbox.list()[0]?.state === 'queued' && outbox.list()[0]!.attempts === 1, 'the first attempt to give up')
    await until(() => agentReplies(h, sessionId, 'One moment please').length === 1, 'SkyLight to carry the reply out')
    outbox.nudge()
    await until(() => outbox.list()[0]?.state === 'done' || outbox.list()[0]?.lastError?.type === 'needs-decision', 'the reply to settle')
    expect(agentReplies(h, sessionId, 'One moment please')).toHaveLength(1)
    // Nobody could look once SkyLight had finished: the reply found may be a colleague's identical one.
    expect(outbox.list()[0]).toMatchObject({ state: 'failed', lastError: { type: 'needs-decision' } })
    outbox.markSent(actionId)
    expect(outbox.list()[0]).toMatchObject({ state: 'done' })
    expect(agentReplies(h, sessionId, 'One moment please')).toHaveLength(1)
  })

  it('cut after SkyLight acted, with the look right after failing too: the user is asked, never sent twice unasked', async () => {
    const h = await harness()
    const sessionId = await takenSession(h)
    const detail = `/web-chat/sessions/${sessionId}`
    h.sandbox.control.setFaults({
      rules: [
        { method: 'GET', path: detail, kind: 'latency', ms: 0 },
        { method: 'POST', path: `${detail}/messages`, kind: 'drop-after' },
        { method: 'GET', path: detail, kind: 'status', status: 503, times: 2 },
      ],
    })
    const { outbox } = h.outbox()
    const { actionId } = outbox.queue('web-chat-reply', { sessionId, text: 'Checking your order' })
    outbox.start()
    await until(() => outbox.list()[0]?.lastError?.type === 'needs-decision', 'the action to wait for the user')
    expect(agentReplies(h, sessionId, 'Checking your order')).toHaveLength(1)
    outbox.markSent(actionId)
    expect(outbox.list()[0]).toMatchObject({ state: 'done' })
    expect(agentReplies(h, sessionId, 'Checking your order')).toHaveLength(1)
  })
})
