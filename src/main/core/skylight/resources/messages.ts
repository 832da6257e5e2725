// /conversations, a contact's /messages, and /messages/send.
import { z } from 'zod'
import type { CallOptions, SkyLightClient } from '../client'
import { id, int, looseEnum, nullable, timestamp } from '../schema'
import { channelTypes } from './account'

export const messageStatuses = ['pending', 'sent', 'delivered', 'read', 'failed'] as const

export const conversation = z.object({
  contact_id: id,
  contact_name: z.string().nullish().transform((v) => v ?? ''),
  channel: nullable(looseEnum(channelTypes)),
  last_message: nullable(z.string()),
  last_message_at: nullable(timestamp),
  unread_count: int.nullish().transform((v) => v ?? 0),
})
export type Conversation = z.output<typeof conversation>

export const message = z.object({
  id,
  contact_id: nullable(id),
  direction: nullable(looseEnum(['inbound', 'outbound'] as const)),
  channel: nullable(looseEnum(channelTypes)),
  content: nullable(z.string()),
  status: nullable(looseEnum(messageStatuses)),
  sent_at: nullable(timestamp),
  created_at: nullable(timestamp),
  // Not a field of the docs' Message object: only a send's failure answer carries it. Absent
  // stays undefined (not null), so a history record does not erase a reason we were told.
  error: z.string().nullish(),
})
export type Message = z.output<typeof message>

export interface ConversationQuery {
  page?: number
  per_page?: number
  channel?: string
  contact_id?: number
}

export interface MessageQuery {
  page?: number
  per_page?: number
  direction?: 'inbound' | 'outbound'
}

export function messagesApi(client: SkyLightClient) {
  return {
    conversations: (query: ConversationQuery = {}, o?: CallOptions) =>
      client.page({ method: 'GET', path: '/conversations', query: { ...query }, ...o }, conversation),
    /** The docs fix no order for a contact's history; callers look at the timestamps. */
    list: (contactId: number, query: MessageQuery = {}, o?: CallOptions) =>
      client.page({ method: 'GET', path: `/contacts/${contactId}/messages`, query: { ...query }, ...o }, message),
    /**
     * Sends one message. Never repeated on an unknown outcome: the endpoint has no
     * idempotency key. A refusal (e.g. channel not connected) is a ValidationError whose
     * message is the server's reason and whose `data` is the saved failed record.
     */
    send: (contactId: number, text: string, o?: CallOptions) =>
      client.data({ method: 'POST', path: '/messages/send', json: { contact_id: contactId, message: text }, ...o }, message),
  }
}
