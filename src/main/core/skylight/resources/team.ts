// /team: the account's team members (docs: rest-api/team). A password goes out on create
// or update and is never part of what comes back.
import { z } from 'zod'
import type { CallOptions, SkyLightClient } from '../client'
import { id, looseEnum, nullable, timestamp } from '../schema'

export const teamRoles = ['admin', 'agent'] as const
export const teamStatuses = ['active', 'inactive'] as const

export const teamMember = z.object({
  id,
  name: z.string().nullish().transform((v) => v ?? ''),
  email: nullable(z.string()),
  role: looseEnum(teamRoles),
  status: nullable(looseEnum(teamStatuses)),
  created_at: nullable(timestamp),
  updated_at: nullable(timestamp),
})
export type TeamMember = z.output<typeof teamMember>

export interface TeamMemberInput {
  name: string
  email: string
  role: string
  password: string
}

export interface TeamMemberChanges {
  name?: string
  email?: string
  role?: string
  status?: string
  password?: string
}

export function teamApi(client: SkyLightClient) {
  return {
    list: (query: { page?: number; per_page?: number; role?: string } = {}, o?: CallOptions) =>
      client.page({ method: 'GET', path: '/team', query: { ...query }, ...o }, teamMember),
    get: (memberId: number, o?: CallOptions) => client.data({ method: 'GET', path: `/team/${memberId}`, ...o }, teamMember),
    create: (input: TeamMemberInput, o?: CallOptions) => client.data({ method: 'POST', path: '/team', json: input, ...o }, teamMember),
    update: (memberId: number, changes: TeamMemberChanges, o?: CallOptions) =>
      client.data({ method: 'PUT', path: `/team/${memberId}`, json: changes, ...o }, teamMember),
    delete: (memberId: number, o?: CallOptions) => client.send({ method: 'DELETE', path: `/team/${memberId}`, ...o }),
  }
}
