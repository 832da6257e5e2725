// Web chat end to end over real HTTP: the hand-over rules decided in the core, a waiting
// visitor first in the list and reported once, a poll that reads only the active sessions,
// and a reply queued offline sent once on reconnect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getWebChatSession, webChatAllowed, webChatSessionList, webChatWaitingCount } from '../../../src/main/core/store'
import { syncedWorld, type World } from '../../conformance/world'

let w: World
beforeAll(async () => {
  w = await syncedWorld(91)
})
afterAll(async () => w?.close())

describe('web chat', () => {
  it('allows each command only where it makes sense', () => {
    expect(webChatAllowed('active', 'ai')).toEqual({ takeOver: true, reply: false, release: false, end: true })
    expect(webChatAllowed('active', 'pending')).toEqual({ takeOver: true, reply: false, release: false, end: true })
    expect(webChatAllowed('active', 'human')).toEqual({ takeOver: false, reply: true, release: true, end: true })
    expect(webChatAllowed('ended', 'human')).toEqual({ takeOver: false, reply: false, release: false, end: false })
  })

  it('a visitor who asks for a person is first in the list after the next poll, which reads only active sessions', async () => {
    const asked = w.sandbox.control.visitorMessage({ accountId: w.accountId, askForHuman: true, visitorName: 'Nour' })
    w.sandbox.control.clearLog()
    await w.sync.syncNow('poll')
    const webChatReads = w.sandbox.control.requestLog().filter((e) => e.path.includes('/web-chat/sessions'))
    const lists = webChatReads.filter((e) => e.path.endsWith('/web-chat/sessions'))
    expect(lists.length).toBeGreaterThan(0)
    expect(lists.every((e) => e.query.status === 'active')).toBe(true)
    const list = webChatSessionList(w.store.db)
    expect(list[0]).toMatchObject({ sessionId: asked.session_id, waiting: true, visitorName: 'Nour' })
    expect(webChatWaitingCount(w.store.db)).toBeGreaterThanOrEqual(1)
    expect(getWebChatSession(w.store.db, asked.session_id).messages.map((m) => m.sender)).toEqual(['visitor'])
  })

  it('takes over and replies while offline; on reconnect both go out once, in order', async () => {
    const waiting = webChatSessionList(w.store.db).find((s) => s.waiting)!
    const outbox = w.outbox() // not started: offline
    outbox.queue('web-chat-command', { sessionId: waiting.sessionId, command: 'take-over' })
    expect(getWebChatSession(w.store.db, waiting.sessionId)).toMatchObject({ handledBy: 'human', pending: true, allowed: { reply: true } })
    outbox.queue('web-chat-reply', { sessionId: waiting.sessionId, text: 'Here now' })
    expect(getWebChatSession(w.store.db, waiting.sessionId).messages.at(-1)).toMatchObject({ sender: 'agent', state: 'pending' })
    outbox.start()
    await w.drained(outbox)
    await outbox.stop()
    const server = w.dump().web_chat_sessions.find((s) => s.session_id === waiting.sessionId)!
    expect(server.handled_by).toBe('human')
    expect(server.messages.filter((m) => m.message === 'Here now')).toHaveLength(1)
    await w.sync.syncNow('refresh')
    expect(getWebChatSession(w.store.db, waiting.sessionId)).toMatchObject({ handledBy: 'human', waiting: false, pending: false })
  })

  it('refuses a reply to a session the AI handles before anything is queued', () => {
    const ai = webChatSessionList(w.store.db).find((s) => s.status === 'active' && s.handledBy === 'ai')!
    expect(() => w.outbox().queue('web-chat-reply', { sessionId: ai.sessionId, text: 'no' })).toThrow(/Take over/)
  })
})
