// A reply queued (offline or not) moves its conversation to the top with the reply as its
// preview at once, and a discard puts the conversation back as it was.
import { describe, expect, it } from 'vitest'
import { conversationPage, upsertConversations } from '../../../src/main/core/store'
import { harness, serverContact } from './helpers'

describe('a queued reply in the conversation list', () => {
  it('moves its conversation to the top at once, and a discard undoes it', async () => {
    const h = await harness()
    const api = h.api()
    const conversations = (await api.messages.conversations({ per_page: 100 })).items
    upsertConversations(h.store.db, conversations)
    const last = conversations.at(-1)!
    await h.syncContact(last.contact_id)
    const before = conversationPage(h.store.db).items
    expect(before[0]!.contactId).not.toBe(last.contact_id)

    const { outbox } = h.outbox() // not started: the reply waits, as it would offline
    const reply = 'On our way — في الطريق'
    const { actionId } = outbox.sendMessage({ contactId: last.contact_id, text: reply })
    const after = conversationPage(h.store.db).items
    expect(after[0]).toMatchObject({ contactId: last.contact_id, lastMessage: reply })

    outbox.discard(actionId)
    expect(conversationPage(h.store.db).items).toEqual(before)
  })

  it('starts the conversation of a contact who had none', async () => {
    const h = await harness()
    const fresh = await serverContact(h, 'Hala Al-Qahtani', '+966500000202')
    const { outbox } = h.outbox()
    outbox.sendMessage({ contactId: fresh.id, text: 'Welcome!' })
    expect(conversationPage(h.store.db).items[0]).toMatchObject({ contactId: fresh.id, name: 'Hala Al-Qahtani', channel: 'whatsapp', lastMessage: 'Welcome!' })
  })
})
