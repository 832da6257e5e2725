// /contacts/lists and /contacts/segments: named groups of contacts, same shape both.
import { z } from 'zod'
import type { CallOptions, SkyLightClient } from '../client'
import { id, int, looseEnum, nullable, timestamp } from '../schema'
import { channelTypes } from './account'

export const group = z.object({
  id,
  name: z.string().nullish().transform((v) => v ?? ''),
  // 1 active, 0 inactive (an integer on lists; segments are assumed alike).
  status: nullable(int),
  contacts_count: nullable(int),
  created_at: nullable(timestamp),
})
export type Group = z.output<typeof group>

export const member = z.object({
  id,
  name: z.string().nullish().transform((v) => v ?? ''),
  phone: nullable(z.string()),
  type: nullable(looseEnum(channelTypes)),
})
export type Member = z.output<typeof member>

export interface GroupInput {
  name?: string
  status?: 0 | 1
}

function groupApi(client: SkyLightClient, base: string) {
  return {
    list: (query: { page?: number; per_page?: number } = {}, o?: CallOptions) =>
      client.page({ method: 'GET', path: base, query: { ...query }, ...o }, group),
    create: (name: string, o?: CallOptions) => client.data({ method: 'POST', path: base, json: { name }, ...o }, group),
    update: (groupId: number, changes: GroupInput, o?: CallOptions) =>
      client.data({ method: 'PUT', path: `${base}/${groupId}`, json: changes, ...o }, group),
    delete: (groupId: number, o?: CallOptions) => client.send({ method: 'DELETE', path: `${base}/${groupId}`, ...o }),
    members: (groupId: number, query: { page?: number; per_page?: number } = {}, o?: CallOptions) =>
      client.page({ method: 'GET', path: `${base}/${groupId}/members`, query: { ...query }, ...o }, member),
  }
}

export function listsApi(client: SkyLightClient) {
  return {
    ...groupApi(client, '/contacts/lists'),
    get: (listId: number, o?: CallOptions) => client.data({ method: 'GET', path: `/contacts/lists/${listId}`, ...o }, group),
  }
}

/** The API has no "get one segment" endpoint. */
export function segmentsApi(client: SkyLightClient) {
  return groupApi(client, '/contacts/segments')
}
