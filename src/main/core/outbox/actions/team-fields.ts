// What the user may set on a team member, checked before anything is queued.
import { z } from 'zod'
import { t } from '../../language'

export const teamRole = z.enum(['admin', 'agent'], { error: () => t().team_choose_role() })
export const teamStatus = z.enum(['active', 'inactive'], { error: () => t().team_choose_status() })
const name = z.string().trim().min(1, { error: () => t().team_enter_name() }).max(255)
const email = z.string().trim().pipe(z.email({ error: () => t().team_enter_email() })).pipe(z.string().max(255))
/** Typed once by the user; held in memory only (held-secrets.ts), never in a payload. */
export const teamPassword = z.string().min(8, { error: () => t().team_password_short() }).max(255)

export const teamMemberFields = z.object({ name, email, role: teamRole })
export const teamMemberChanges = z.object({ name: name.optional(), email: email.optional(), role: teamRole.optional(), status: teamStatus.optional() }).strict()
export type TeamMemberChangesInput = z.output<typeof teamMemberChanges>
