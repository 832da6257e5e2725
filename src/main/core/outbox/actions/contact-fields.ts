// The editable fields of a contact, as the API names them.
import { z } from 'zod'
import { t } from '../../language'

export const contactFields = z.object({
  name: z.string().trim().min(1, { error: () => t().contact_give_name() }).max(255, { error: () => t().agents_name_max({ max: 255 }) }),
  phone: z.string().trim().max(50).nullish(),
  email: z.string().trim().email({ error: () => t().team_enter_email() }).nullish(),
  type: z.enum(['whatsapp', 'telegram', 'instagram']).optional(),
})
export type ContactFields = z.output<typeof contactFields>

export const contactChanges = contactFields.partial()
export type ContactChanges = z.output<typeof contactChanges>
