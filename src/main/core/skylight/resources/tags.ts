// /tags: the account's labels (their label field is `title`).
import { z } from 'zod'
import type { CallOptions, SkyLightClient } from '../client'
import { id, int, nullable, timestamp } from '../schema'

export const tag = z.object({
  id,
  title: z.string(),
  contacts_count: nullable(int),
  created_at: nullable(timestamp),
})
export type Tag = z.output<typeof tag>

export function tagsApi(client: SkyLightClient) {
  return {
    list: (o?: CallOptions) => client.page({ method: 'GET', path: '/tags', ...o }, tag),
    get: (tagId: number, o?: CallOptions) => client.data({ method: 'GET', path: `/tags/${tagId}`, ...o }, tag),
    create: (title: string, o?: CallOptions) => client.data({ method: 'POST', path: '/tags', json: { title }, ...o }, tag),
    rename: (tagId: number, title: string, o?: CallOptions) =>
      client.data({ method: 'PUT', path: `/tags/${tagId}`, json: { title }, ...o }, tag),
    delete: (tagId: number, o?: CallOptions) => client.send({ method: 'DELETE', path: `/tags/${tagId}`, ...o }),
  }
}
