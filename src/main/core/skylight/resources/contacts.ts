// /contacts and what hangs off a contact: blacklist, notes, tags, lists, segments.
import { z } from 'zod'
import type { CallOptions, SkyLightClient } from '../client'
import { bool, id, looseEnum, nullable, timestamp } from '../schema'
import { channelTypes } from './account'

export const contact = z.object({
  id,
  name: z.string().nullish().transform((v) => v ?? ''),
  email: nullable(z.string()),
  phone: nullable(z.string()),
  type: nullable(looseEnum(channelTypes)),
  status: nullable(looseEnum(['active', 'inactive'] as const)),
  blacklisted: bool.nullish().transform((v) => v ?? false),
  // Titles; tolerate tag objects in case a server sends them.
  tags: z
    .array(z.union([z.string(), z.object({ title: z.string() }).transform((t) => t.title)]))
    .nullish()
    .transform((t) => t ?? []),
  last_message_at: nullable(timestamp),
  created_at: nullable(timestamp),
  updated_at: nullable(timestamp),
})
export type Contact = z.output<typeof contact>

export const note = z
  .object({
    id,
    note: nullable(z.string()),
    content: nullable(z.string()),
    created_at: nullable(timestamp),
  })
  .transform((n) => ({ id: n.id, content: n.content ?? n.note ?? '', created_at: n.created_at }))
export type Note = z.output<typeof note>

export interface ContactQuery {
  page?: number
  per_page?: number
  search?: string
  type?: string
  blacklisted?: boolean
  tag?: string
}

export interface ContactInput {
  name: string
  phone?: string | null
  email?: string | null
  type?: string
  tags?: string[]
}

export function contactsApi(client: SkyLightClient) {
  const path = (contactId: number, rest = '') => `/contacts/${contactId}${rest}`
  return {
    list: (query: ContactQuery = {}, o?: CallOptions) =>
      client.page({ method: 'GET', path: '/contacts', query: { ...query }, ...o }, contact),
    get: (contactId: number, o?: CallOptions) => client.data({ method: 'GET', path: path(contactId), ...o }, contact),
    create: (input: ContactInput, o?: CallOptions) =>
      client.data({ method: 'POST', path: '/contacts', json: input, ...o }, contact),
    update: (contactId: number, changes: Partial<ContactInput>, o?: CallOptions) =>
      client.data({ method: 'PUT', path: path(contactId), json: changes, ...o }, contact),
    delete: (contactId: number, o?: CallOptions) => client.send({ method: 'DELETE', path: path(contactId), ...o }),
    /** Flips the flag (a toggle, so never repeated blindly); answers with the contact. */
    toggleBlacklist: (contactId: number, o?: CallOptions) =>
      client.data({ method: 'POST', path: path(contactId, '/blacklist'), ...o }, contact),
    notes: (contactId: number, o?: CallOptions) =>
      client.page({ method: 'GET', path: path(contactId, '/notes'), ...o }, note),
    addNote: (contactId: number, text: string, o?: CallOptions) =>
      client.data({ method: 'POST', path: path(contactId, '/notes'), json: { note: text, content: text }, ...o }, note),
    /** By tag id, or by title (the server creates a tag it does not know). */
    addTag: (contactId: number, tag: { tag_id: number } | { title: string }, o?: CallOptions) =>
      client.send({ method: 'POST', path: path(contactId, '/tags'), json: tag, ...o }),
    removeTag: (contactId: number, tagId: number, o?: CallOptions) =>
      client.send({ method: 'DELETE', path: path(contactId, `/tags/${tagId}`), ...o }),
    // Documented as idempotent: adding a member twice has no effect, so it may be retried.
    addToList: (contactId: number, listId: number, o?: CallOptions) =>
      client.send({ method: 'POST', path: path(contactId, '/lists'), json: { list_id: listId }, idempotent: true, ...o }),
    removeFromList: (contactId: number, listId: number, o?: CallOptions) =>
      client.send({ method: 'DELETE', path: path(contactId, `/lists/${listId}`), ...o }),
    addToSegment: (contactId: number, segmentId: number, o?: CallOptions) =>
      client.send({ method: 'POST', path: path(contactId, '/segments'), json: { segment_id: segmentId }, ...o }),
    removeFromSegment: (contactId: number, segmentId: number, o?: CallOptions) =>
      client.send({ method: 'DELETE', path: path(contactId, `/segments/${segmentId}`), ...o }),
  }
}
