// Poison actions, stored payload versions, upload checks and progress.
import { open, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { insertAction } from '../../../src/main/core/outbox/queue-store'
import { parsePayload, PayloadError } from '../../../src/main/core/outbox/payload'
import { LocalFileError } from '../../../src/main/core/skylight'
import { MAX_UPLOAD_BYTES } from '../../../src/main/core/skylight/media-rules'
import { harness, serverContact } from './helpers'

describe('outbox robustness', () => {
  it('a poison action fails on its own and never blocks other lanes', async () => {
    const h = await harness()
    const c = await serverContact(h, 'Fine', '+966550000001')
    const now = Date.now()
    const future = insertAction(h.store.db, { kind: 'send-message', version: 99, payload: { whatever: true }, lane: 'contact:1', now })
    const unknown = insertAction(h.store.db, { kind: 'send-carrier-pigeon', version: 1, payload: {}, lane: 'contact:2', now })
    const damaged = insertAction(h.store.db, { kind: 'send-message', version: 1, payload: { contactId: 'x' }, lane: 'contact:3', now })
    const { outbox } = h.outbox()
    const deleted = await serverContact(h, 'Gone', '+966550000002')
    await h.api().contacts.delete(deleted.id) // deleted elsewhere: its note gets a 404
    const gone = outbox.addNote(deleted.id, 'to nobody')
    outbox.sendMessage({ contactId: c.id, text: 'still delivered' })
    outbox.start()
    await h.drained(outbox)
    const byId = new Map(outbox.list().map((a) => [a.id, a]))
    expect(byId.get(future)!.lastError!.message).toBe(
      'This queued action (send-message, version 99) was saved by a newer version of SkyLight Desk. Update SkyLight Desk to carry it out, or discard it.',
    )
    expect(byId.get(unknown)).toMatchObject({ state: 'failed', lastError: { type: 'invalid-input' } })
    expect(byId.get(damaged)!.lastError!.message).toMatch(/is damaged/)
    expect(byId.get(gone)).toMatchObject({ state: 'failed', lastError: { type: 'not-found' } })
    expect(h.sandbox.control.dump(h.accountId).messages[c.id]!.map((m) => m.content)).toEqual(['still delivered'])
    // Even an action this version cannot read can be discarded.
    outbox.discard(future)
    expect(outbox.list().find((a) => a.id === future)!.state).toBe('cancelled')
  })

  it('reads older payload versions through their upgrade and refuses newer ones', () => {
    const spec = {
      current: 2,
      schema: z.object({ contactId: z.number(), text: z.string() }),
      older: { 1: { schema: z.object({ contact_id: z.number(), message: z.string() }), upgrade: (v: { contact_id: number; message: string }) => ({ contactId: v.contact_id, text: v.message }) } },
    }
    expect(parsePayload('send-message', spec, 1, { contact_id: 4, message: 'hi' })).toEqual({ contactId: 4, text: 'hi' })
    expect(parsePayload('send-message', spec, 2, { contactId: 4, text: 'hi' })).toEqual({ contactId: 4, text: 'hi' })
    expect(() => parsePayload('send-message', spec, 3, {})).toThrow(PayloadError)
    expect(() => parsePayload('send-message', spec, 0, {})).toThrow(/cannot read/)
  })

  it('checks a file’s type and size in the core before queueing anything', async () => {
    const h = await harness()
    const { outbox } = h.outbox()
    const text = join(h.dir, 'notes.txt')
    await writeFile(text, 'hello')
    await expect(outbox.uploadMedia({ path: text })).rejects.toThrow(LocalFileError)
    await expect(outbox.uploadMedia({ path: text })).rejects.toThrow(/SkyLight accepts jpg, jpeg, png/)
    const big = join(h.dir, 'huge.mp4')
    const handle = await open(big, 'w')
    await handle.truncate(MAX_UPLOAD_BYTES + 1)
    await handle.close()
    await expect(outbox.uploadMedia({ path: big })).rejects.toThrow(/SkyLight accepts files up to 50 MB/)
    await expect(outbox.uploadMedia({ path: join(h.dir, 'missing.png') })).rejects.toThrow(/cannot be read/)
    expect(outbox.counts().queued).toBe(0)
  })

  it('uploads a 50 MB file from its staged copy, with progress reaching the events', async () => {
    const h = await harness()
    const file = join(h.dir, 'big.mp4')
    const handle = await open(file, 'w')
    await handle.truncate(MAX_UPLOAD_BYTES)
    // Uploads are checked by content: the file starts like an MP4 ('ftyp' box).
    await handle.write(Buffer.from('0000001866747970', 'hex'), 0, 8, 0)
    await handle.close()
    const { outbox, events } = h.outbox({ timings: { progressEveryMs: 20 } })
    const { actionId } = await outbox.uploadMedia({ path: file, name: 'Big video' })
    // The original may go: the staged copy is what gets uploaded.
    await writeFile(file, '')
    outbox.start()
    await h.drained(outbox, 30_000)
    const progress = events.flatMap((e) => (e.type === 'progress' && e.actionId === actionId ? [e] : []))
    expect(progress.length).toBeGreaterThan(3)
    const sent = progress.map((e) => e.sent)
    expect(sent).toEqual([...sent].sort((a, b) => a - b))
    expect(progress.at(-1)!.sent).toBe(progress.at(-1)!.total)
    expect(progress.at(-1)!.total).toBeGreaterThan(MAX_UPLOAD_BYTES)
    expect(h.sandbox.control.dump(h.accountId).media.find((m) => m.name === 'Big video')!.file_size).toBe(MAX_UPLOAD_BYTES)
    expect(outbox.list()[0]).toMatchObject({ state: 'done' })
  }, 60_000)
})
