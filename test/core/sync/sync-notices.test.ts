// What sync tells the user of, over real HTTP: support's answer to a ticket, a visitor who
// starts waiting for a person, a visitor's message in a session a person handles. Each is
// told once per real change — never for the first sync's history, never again when the
// same state is read again (a poll, a refresh, a full pass).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getWebChatSession, webChatSessionList } from '../../../src/main/core/store'
import type { SyncNotice } from '../../../src/main/core/sync/context'
import { markSlowCollectionsDue } from '../../../src/main/core/sync/plans'
import { syncedWorld, type World } from '../../conformance/world'

let w: World
let notices: SyncNotice[] = []
// SkyLight's times are whole seconds: the sandbox's clock moves a second per run, as a
// real one would between polls, so each change moves a session's last activity.
let clock = Date.UTC(2026, 11, 1, 9)
beforeAll(async () => {
  w = await syncedWorld(91, { onEvent: (event) => void (event.type === 'notice' && notices.push(event.notice)), now: () => clock })
})
afterAll(async () => w?.close())

/** The notices a run told, and forgets them. */
async function run(kind: 'poll' | 'refresh' | 'full'): Promise<SyncNotice[]> {
  notices = []
  clock += 1_000
  if (kind === 'refresh') markSlowCollectionsDue(w.store.db)
  await w.sync.syncNow(kind)
  expect(w.sync.status.state).toBe('idle')
  return notices
}

describe('sync notices', () => {
  it('tell nothing of the first sync’s history, though it holds answered tickets and waiting visitors', async () => {
    const dump = w.dump()
    expect(dump.tickets.some((t) => t.status === 'answered')).toBe(true)
    expect(dump.web_chat_sessions.some((s) => s.status === 'active' && s.handled_by === 'pending')).toBe(true)
    expect(notices).toEqual([])
    // Nor does a full pass that finds nothing changed.
    expect(await run('full')).toEqual([])
  })

  it('tell support’s answer once, on the refresh that reads it', async () => {
    const ticket = w.dump().tickets.find((t) => t.status !== 'closed')!
    w.sandbox.control.supportReply({ accountId: w.accountId, ticketId: ticket.id, message: 'Fixed on our side.' })
    expect(await run('refresh')).toEqual([{ kind: 'ticket-answered', ticketId: ticket.id, subject: ticket.subject }])
    expect(await run('refresh')).toEqual([])
    expect(await run('full')).toEqual([])
  })

  it('tell a visitor who starts waiting once, on the poll that sees it', async () => {
    const asked = w.sandbox.control.visitorMessage({ accountId: w.accountId, askForHuman: true, visitorName: 'Nour' })
    expect(await run('poll')).toEqual([{ kind: 'web-chat-waiting', sessionId: asked.session_id, visitor: 'Nour' }])
    expect(await run('poll')).toEqual([])
    expect(await run('refresh')).toEqual([])
  })

  it('tell a visitor’s message once when a person handles the session, not when the AI does', async () => {
    const waiting = webChatSessionList(w.store.db).find((s) => s.waiting && s.visitorName === 'Nour')!
    const outbox = w.outbox()
    outbox.queue('web-chat-command', { sessionId: waiting.sessionId, command: 'take-over' })
    outbox.start()
    await w.drained(outbox)
    await outbox.stop()
    await run('poll')
    expect(getWebChatSession(w.store.db, waiting.sessionId).handledBy).toBe('human')

    clock += 1_000
    w.sandbox.control.visitorMessage({ accountId: w.accountId, sessionId: waiting.sessionId, message: 'Are you there?' })
    expect(await run('poll')).toEqual([{ kind: 'web-chat-visitor-message', sessionId: waiting.sessionId, visitor: 'Nour', preview: 'Are you there?' }])
    expect(await run('poll')).toEqual([])

    // A visitor chatting with the AI needs nobody.
    w.sandbox.control.visitorMessage({ accountId: w.accountId, visitorName: 'Sam', message: 'What are your hours?' })
    expect(await run('poll')).toEqual([])
  })
})
