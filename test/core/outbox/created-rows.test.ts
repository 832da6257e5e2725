// A row created in the app shows what the server made of it as soon as the server answers,
// not at the next refresh: a contact's phone as the server normalised it, its status and date.
import { describe, expect, it } from 'vitest'
import { getContact } from '../../../src/main/core/store'
import { harness } from './helpers'

describe('a contact created in the app', () => {
  it('takes the server’s phone, status and creation date once created', async () => {
    const h = await harness()
    const { outbox } = h.outbox()
    const { localContactId } = outbox.createContact({ name: 'Sara Al-Otaibi', phone: '+966 55 777 1234', type: 'whatsapp' })
    expect(getContact(h.store.db, localContactId)).toMatchObject({ phone: '+966 55 777 1234' })
    outbox.start()
    await h.drained(outbox)
    const created = outbox.list({ states: ['done'] })[0]!
    expect(created.state).toBe('done')
    const server = (await h.api().contacts.list({ search: '966557771234' })).items[0]!
    const local = getContact(h.store.db, server.id)
    expect(local).toMatchObject({ id: server.id, name: 'Sara Al-Otaibi', phone: '+966557771234' })
    expect(local.createdAt).toBe(server.created_at)
  })
})
