// What the user may set on a team member, checked before anything is queued.
import { z } from 'zod'

export const teamRole = z.enum(['admin', 'agent'], { error: 'Choose a role: admin or agent.' })
export const teamStatus = z.enum(['active', 'inactive'], { error: 'Choose a status: active or inactive.' })
const name = z.string().trim().min(1, { error: 'Enter the member’s name.' }).max(255)
const email = z.string().trim().pipe(z.email({ error: 'Enter a valid email address.' })).pipe(z.string().max(255))
/** Typed once by the user; held in memory only (held-secrets.ts), never in a payload. */
export const teamPassword = z.string().min(8, { error: 'The password needs at least 8 characters.' }).max(255)

export const teamMemberFields = z.object({ name, email, role: teamRole })
export const teamMemberChanges = z.object({ name: name.optional(), email: email.optional(), role: teamRole.optional(), status: teamStatus.optional() }).strict()
export type TeamMemberChangesInput = z.output<typeof teamMemberChanges>
