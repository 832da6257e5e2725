// Message events: sending, inbound arrivals and outbound status progress.
import type { AccountStore } from './account-store'
import type { ContactRec, MessageRec } from './model'
import { messageText } from './message-text'
import type { World } from './world'

const NEXT_STATUS: Partial<Record<MessageRec['status'], MessageRec['status']>> = { sent: 'delivered', delivered: 'read' }

/** Sends over the contact's channel; if that channel is not connected the message is saved as failed. */
export function sendMessage(world: World, store: AccountStore, contact: ContactRec, content: string, now: number): MessageRec {
  const channel = store.channel(contact.type)
  const connected = channel?.connected === true
  const message: MessageRec = {
    id: world.ids.next('message'),
    contactId: contact.id,
    direction: 'outbound',
    channel: contact.type,
    content,
    status: connected ? 'sent' : 'failed',
    sentAt: connected ? now : null,
    createdAt: now,
    error: connected ? null : `No ${contact.type} channel connected.`,
  }
  store.appendMessage(message)
  return message
}

export interface InboundInput {
  contactId?: number
  content?: string
}

/** A message from a contact (a random non-blacklisted one unless given). */
export function receiveMessage(world: World, store: AccountStore, input: InboundInput, now: number): MessageRec {
  let contact: ContactRec | undefined
  if (input.contactId !== undefined) {
    contact = store.contacts.get(input.contactId)
    if (!contact) throw new Error(`Contact ${input.contactId} does not belong to account ${store.id}`)
  } else {
    const candidates = store.contactIds.filter((id) => !store.contacts.get(id)?.blacklisted)
    if (candidates.length === 0) throw new Error(`Account ${store.id} has no contact to receive a message from`)
    contact = store.contacts.get(world.runtimeRandom.pick(candidates))
  }
  if (!contact) throw new Error('no contact')
  const message: MessageRec = {
    id: world.ids.next('message'),
    contactId: contact.id,
    direction: 'inbound',
    channel: contact.type,
    content: input.content ?? messageText(world.runtimeRandom),
    status: 'delivered',
    sentAt: now,
    createdAt: now,
    error: null,
  }
  store.appendMessage(message)
  return message
}

/** Moves every in-flight outbound message one status on (sent → delivered → read). Returns how many moved. */
export function advanceMessageStatuses(store: AccountStore): number {
  let moved = 0
  for (const message of [...store.inflight]) {
    const next = NEXT_STATUS[message.status]
    if (!next) {
      store.inflight.delete(message)
      continue
    }
    message.status = next
    moved++
    if (next === 'read') store.inflight.delete(message)
  }
  return moved
}
