// Conversations, a contact's message history, and sending.
import { z } from 'zod'
import { sendMessage } from '../data/messaging'
import { CHANNEL_TYPES, type MessageRec } from '../data/model'
import { conversationJson, messageJson, sendFailureJson, sentMessageJson } from '../data/serialize'
import { pageRequest, paginateArray } from '../http/pagination'
import { created, json } from '../http/respond'
import type { Router } from '../http/router'
import { integer, queryEnum, queryInt, requiredString, validate } from '../http/validate'
import { findContact, param } from './lookup'

const sendBody = z.object({ contact_id: integer('contact_id'), message: requiredString('message', 4096) })

export function messageRoutes(router: Router): void {
  // Grouped by contact, most recent last_message_at first (kept sorted by the store).
  router.get('/conversations', ({ store, query }) => {
    const channel = queryEnum(query, 'channel', CHANNEL_TYPES)
    const contactId = queryInt(query, 'contact_id')
    const entries = channel === undefined && contactId === undefined
      ? store.conversations
      : store.conversations.filter((e) =>
        (contactId === undefined || e.contactId === contactId)
        && (channel === undefined || store.contacts.get(e.contactId)?.type === channel))
    return paginateArray(entries, pageRequest(query, 15, 100), (e) => conversationJson(store, e))
  })

  // The docs leave the order open; `messageOrder` picks newest-first (default) or oldest-first.
  router.get('/contacts/{id}/messages', ({ world, store, params, query }) => {
    const contact = findContact(store, param(params, 'id'))
    const direction = queryEnum(query, 'direction', ['inbound', 'outbound'] as const)
    const history = store.messages.get(contact.id) ?? []
    let rows: MessageRec[] = direction ? history.filter((m) => m.direction === direction) : history.slice()
    if (world.messageOrder === 'desc') rows = rows.reverse()
    return paginateArray(rows, pageRequest(query, 15, 100), messageJson)
  })

  router.post('/messages/send', ({ world, store, body, now }) => {
    const input = validate(sendBody, body)
    const contact = findContact(store, input.contact_id)
    const message = sendMessage(world, store, contact, input.message, now)
    if (message.status === 'failed') {
      // The docs' failure body, to the key; its status code is not documented, 422 is our choice.
      // The record is kept (it shows in the history, as status "failed").
      return json(
        422,
        { success: false, data: sendFailureJson(message), message: 'Message could not be delivered.' },
        { acted: true, createdId: message.id },
      )
    }
    return created(sentMessageJson(message), 'Message sent successfully.')
  })
}
