// /team: list (paged, ?role=), create, get, update, delete, as the docs' Team page shows.
// The plan's seat limit is enforced on create (403 with the plan's number), emails are
// unique per account, and a password is validated then dropped — the sandbox keeps none.
import { z } from 'zod'
import { TEAM_ROLES, type TeamMemberRec } from '../data/admin-model'
import { teamMemberJson } from '../data/admin-serialize'
import type { AccountStore } from '../data/account-store'
import { fail, validationFailed } from '../http/respond'
import type { Router } from '../http/router'
import { oneOf, optionalString, queryEnum, requiredString } from '../http/validate'
import { crudRoutes } from './crud'

const validEmail = z.email({ error: 'The email field must be a valid email address.' }).max(255)
const requiredEmail = z.preprocess((v) => (v === '' ? undefined : v), z.string({ error: 'The email field is required.' }).trim().pipe(validEmail))
const password = z.string({ error: 'The password field is required.' }).min(8, { error: 'The password field must be at least 8 characters.' }).max(255)

const createMember = z.object({
  name: requiredString('name'),
  email: requiredEmail,
  role: oneOf('role', TEAM_ROLES),
  password,
})
const updateMember = z.object({
  name: optionalString('name').refine((v) => v !== '', { error: 'The name field is required.' }),
  email: z.string().trim().pipe(validEmail).optional(),
  role: oneOf('role', TEAM_ROLES).optional(),
  status: oneOf('status', ['active', 'inactive']).optional(),
  password: password.optional(),
})

function emailTaken(store: AccountStore, address: string, except?: number): boolean {
  const folded = address.toLowerCase()
  for (const m of store.team.values()) if (m.id !== except && m.email.toLowerCase() === folded) return true
  return folded === store.profile.email.toLowerCase()
}

export function teamRoutes(router: Router): void {
  crudRoutes(router, {
    path: '/team',
    label: 'Team member',
    idKind: 'teamMember',
    records: (store) => store.team,
    json: teamMemberJson,
    list: {
      pages: { perPage: 15, maxPerPage: 100 },
      filter: (query) => {
        const role = queryEnum(query, 'role', TEAM_ROLES)
        return role ? (m: TeamMemberRec) => m.role === role : undefined
      },
    },
    create: {
      schema: createMember,
      check: (input, { store }) => {
        if (store.team.size >= store.limits.teamMembers) {
          throw fail(403, `Your plan allows ${store.limits.teamMembers} team members. Upgrade your plan to add more.`)
        }
        if (emailTaken(store, input.email)) throw validationFailed({ email: ['The email has already been taken.'] })
      },
      build: (input, base): TeamMemberRec => ({ ...base, name: input.name, email: input.email, role: input.role, status: 'active' }),
    },
    update: {
      schema: updateMember,
      check: (input, member, { store }) => {
        if (input.email !== undefined && emailTaken(store, input.email, member.id)) {
          throw validationFailed({ email: ['The email has already been taken.'] })
        }
      },
      apply: (member, input) => {
        if (input.name !== undefined) member.name = input.name
        if (input.email !== undefined) member.email = input.email
        if (input.role !== undefined) member.role = input.role
        if (input.status !== undefined) member.status = input.status
      },
    },
  })
}
