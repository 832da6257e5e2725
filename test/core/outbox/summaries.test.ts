// What the outbox panel shows of an action: its summary names rows as the local copy names
// them (not "contact 2099"), and a correctable action carries its own text to edit.
import { describe, expect, it } from 'vitest'
import { patchRow } from '../../../src/main/core/store'
import { harness, serverContact } from './helpers'

describe('outbox summaries', () => {
  it('name the contact, follow a rename, and offer the whole text for editing', async () => {
    const h = await harness()
    const noura = await serverContact(h, 'Noura Al-Harbi', '+966500000101')
    const { outbox } = h.outbox()
    const text = 'Hello, this is a long enough message to be cut in the summary'
    outbox.sendMessage({ contactId: noura.id, text })
    outbox.addTag(noura.id, 'VIP')
    const [send, tag] = outbox.list()
    expect(send!.summary).toBe('Send “Hello, this is a long enough message to…” to “Noura Al-Harbi”')
    expect(send!.editable).toEqual({ text })
    expect(tag!.summary).toBe('Tag “Noura Al-Harbi” “VIP”')
    expect(tag!.editable).toBeNull()

    patchRow(h.store.db, 'contact', noura.id, { name: 'نورة الحربي' })
    expect(outbox.list()[0]!.summary).toBe('Send “Hello, this is a long enough message to…” to “نورة الحربي”')
    // A contact the local copy does not have is named by its id.
    h.store.sqlite.prepare('PRAGMA foreign_keys = OFF').run()
    h.store.sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(noura.id)
    expect(outbox.list()[0]!.summary).toBe(`Send “Hello, this is a long enough message to…” to contact ${noura.id}`)
  })
})
