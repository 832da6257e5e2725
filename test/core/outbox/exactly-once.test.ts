// Requests that may have reached the server are looked for before anything is sent again.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { insertAction, updateAction } from '../../../src/main/core/outbox/queue-store'
import { getContact, insertLocalMessage, threadPage } from '../../../src/main/core/store'
import { apiRequests, harness, serverContact } from './helpers'

const sends = (h: Awaited<ReturnType<typeof harness>>) => apiRequests(h).filter((e) => e.path === '/api/v1/messages/send' && e.acted)

describe('outbox exactly once', () => {
  it('reconciles an action found in flight at start-up whose request did reach the server', async () => {
    const h = await harness()
    const c = await serverContact(h, 'Crash', '+966540000001')
    const before = Date.now()
    // The previous run wrote the action, marked it in flight, sent it, and died before recording the answer.
    insertLocalMessage(h.store.db, { localId: 'crashed-1', contactId: c.id, content: 'sent before the crash', createdAt: new Date(before).toISOString() })
    const id = insertAction(h.store.db, { kind: 'send-message', version: 1, payload: { contactId: c.id, text: 'sent before the crash', localId: 'crashed-1' }, lane: `contact:${c.id}`, now: before })
    updateAction(h.store.db, id, { state: 'in-flight', attempts: 1, firstAttemptAt: before }, before)
    const reached = await h.api().messages.send(c.id, 'sent before the crash')
    // And one that never got out.
    insertLocalMessage(h.store.db, { localId: 'crashed-2', contactId: c.id, content: 'never sent', createdAt: new Date(before).toISOString() })
    const id2 = insertAction(h.store.db, { kind: 'send-message', version: 1, payload: { contactId: c.id, text: 'never sent', localId: 'crashed-2' }, lane: `contact:${c.id}`, now: before })
    h.sandbox.control.clearLog()

    const { outbox } = h.outbox()
    outbox.start()
    await h.drained(outbox)
    expect(outbox.list().map((a) => [a.id, a.state])).toEqual([[id, 'done'], [id2, 'done']])
    expect(sends(h).map((e) => (e.body as { message: string }).message)).toEqual(['never sent'])
    const thread = threadPage(h.store.db, { contactId: c.id }).items
    expect(thread.find((m) => m.content === 'sent before the crash')).toMatchObject({ serverId: reached.id, pending: false })
    expect(h.sandbox.control.dump(h.accountId).messages[c.id]!.map((m) => m.content)).toEqual(['sent before the crash', 'never sent'])
  })

  it('a connection dropped after the server acted, a 5xx and a cut answer each end in exactly one message', async () => {
    const h = await harness()
    const c = await serverContact(h, 'Flaky', '+966540000002')
    await h.sandbox.control.setFaults({
      rules: [
        { method: 'POST', path: '/messages/send', kind: 'drop-after' },
        { method: 'POST', path: '/messages/send', kind: 'status', status: 503 },
        { method: 'POST', path: '/messages/send', kind: 'truncate' },
      ],
    })
    const { outbox } = h.outbox()
    outbox.sendMessage({ contactId: c.id, text: 'first' })
    outbox.sendMessage({ contactId: c.id, text: 'second' })
    outbox.sendMessage({ contactId: c.id, text: 'third' })
    outbox.start()
    await h.drained(outbox)
    expect(h.sandbox.control.dump(h.accountId).messages[c.id]!.map((m) => m.content)).toEqual(['first', 'second', 'third'])
    expect(outbox.list().every((a) => a.state === 'done')).toBe(true)
  })

  it('two identical messages queued on purpose are two messages, even when both answers are lost', async () => {
    const h = await harness()
    const c = await serverContact(h, 'Twice', '+966540000003')
    await h.sandbox.control.setFaults({ rules: [{ method: 'POST', path: '/messages/send', kind: 'drop-after', times: 2 }] })
    const { outbox } = h.outbox()
    outbox.sendMessage({ contactId: c.id, text: 'ok' })
    outbox.sendMessage({ contactId: c.id, text: 'ok' })
    outbox.start()
    await h.drained(outbox)
    expect(h.sandbox.control.dump(h.accountId).messages[c.id]!.map((m) => m.content)).toEqual(['ok', 'ok'])
  })

  it('an upload whose answer was lost is found among the newest files, not uploaded again', async () => {
    const h = await harness()
    const file = join(h.dir, 'clip.mp4')
    // Starts like an MP4 ('ftyp' box): uploads are checked by content.
    await writeFile(file, Buffer.concat([Buffer.from('0000001866747970', 'hex'), Buffer.alloc(4088, 1)]))
    await h.sandbox.control.setFaults({ rules: [{ method: 'POST', path: '/media', kind: 'drop-after' }] })
    const { outbox } = h.outbox()
    await outbox.uploadMedia({ path: file, name: 'Clip' })
    outbox.start()
    await h.drained(outbox)
    const uploads = apiRequests(h).filter((e) => e.path === '/api/v1/media' && e.method === 'POST')
    expect(uploads).toHaveLength(1)
    expect(h.sandbox.control.dump(h.accountId).media.filter((m) => m.original_name === 'clip.mp4')).toHaveLength(1)
    expect(outbox.list()[0]).toMatchObject({ state: 'done' })
  })

  it('a blacklist toggle whose answer was lost is settled by reading the flag, not toggled back', async () => {
    const h = await harness()
    const c = await serverContact(h, 'Spam', '+966540000004')
    await h.sandbox.control.setFaults({ rules: [{ method: 'POST', path: /\/blacklist$/, kind: 'drop-after' }] })
    const { outbox } = h.outbox()
    outbox.toggleBlacklist(c.id)
    expect(getContact(h.store.db, c.id)).toMatchObject({ blacklisted: true, pending: true })
    outbox.start()
    await h.drained(outbox)
    expect(h.sandbox.control.dump(h.accountId).contacts.find((x) => x.id === c.id)!.blacklisted).toBe(true)
    expect(getContact(h.store.db, c.id)).toMatchObject({ blacklisted: true, pending: false })
  })

  it('a created contact whose answer was lost is found by phone and its queued actions follow it', async () => {
    const h = await harness()
    await h.sandbox.control.setFaults({ rules: [{ method: 'POST', path: '/contacts', kind: 'truncate' }] })
    const { outbox } = h.outbox()
    const { localContactId } = outbox.createContact({ name: 'Lost answer', phone: '+966540000005' })
    outbox.addNote(localContactId, 'note after create')
    outbox.start()
    await h.drained(outbox)
    const matches = h.sandbox.control.dump(h.accountId).contacts.filter((x) => x.phone === '+966540000005')
    expect(matches).toHaveLength(1)
    expect(matches[0]!.notes.map((n) => n.note)).toEqual(['note after create'])
  })
})
