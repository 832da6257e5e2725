import { describe, expect, it } from 'vitest'
import { OutboxActionError } from '../../../src/main/core/outbox/manage'
import { getContact } from '../../../src/main/core/store'
import { harness } from './helpers'

describe('actions naming a local (offline-made) id', () => {
  it('fail at once, with a clear message, when no such entity is being created here', async () => {
    const h = await harness()
    const { outbox } = h.outbox()
    const attempts = [
      () => outbox.sendMessage({ contactId: -999, text: 'Hello?' }),
      () => outbox.addNote(-999, 'A note'),
      () => outbox.addTag(-999, 'vip'),
      () => outbox.deleteMedia(-42),
      () => outbox.campaignCommand(-7, 'start'),
    ]
    for (const attempt of attempts) {
      expect(attempt).toThrow(OutboxActionError)
      expect(attempt).toThrow(/was never created in SkyLight Desk, or its creation was discarded/)
    }
    expect(outbox.counts()).toMatchObject({ queued: 0, inFlight: 0, failed: 0 })
  })

  it('fail once the creation they waited for was discarded', async () => {
    const h = await harness()
    const { outbox } = h.outbox()
    const { actionId, localContactId } = outbox.createContact({ name: 'Maybe', phone: '+966533333333', type: 'whatsapp' })
    outbox.discard(actionId)
    expect(() => outbox.addNote(localContactId, 'Too late')).toThrow(/creation was discarded/)
  })

  it('go to the server id when the entity was created meanwhile', async () => {
    const h = await harness()
    const { outbox } = h.outbox()
    const { localContactId } = outbox.createContact({ name: 'Fresh Lead', phone: '+966544444444', type: 'whatsapp' })
    outbox.start()
    await h.drained(outbox)
    const server = h.sandbox.control.dump(h.accountId).contacts.find((c) => c.phone === '+966544444444')!
    // The view still held the local id when the user added the note.
    outbox.addNote(localContactId, 'Called back')
    await h.drained(outbox)
    expect(h.sandbox.control.dump(h.accountId).contacts.find((c) => c.id === server.id)!.notes.map((n) => n.note)).toEqual(['Called back'])
    expect(getContact(h.store.db, server.id).name).toBe('Fresh Lead')
  })
})
