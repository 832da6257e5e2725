// The editable fields of a contact, as the API names them.
import { z } from 'zod'

export const contactFields = z.object({
  name: z.string().trim().min(1, 'Give the contact a name.').max(255),
  phone: z.string().trim().max(50).nullish(),
  email: z.string().trim().email('Enter a valid email address.').nullish(),
  type: z.enum(['whatsapp', 'telegram', 'instagram']).optional(),
})
export type ContactFields = z.output<typeof contactFields>

export const contactChanges = contactFields.partial()
export type ContactChanges = z.output<typeof contactChanges>
