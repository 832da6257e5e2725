// What the user may set on a webhook, checked before anything is queued: an https URL and
// at least one event (the server checks the names against its catalogue).
import { z } from 'zod'
import { t } from '../../language'

const name = z.string().trim().min(1, { error: () => t().webhook_give_name() }).max(255)
const url = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => URL.canParse(v) && new URL(v).protocol === 'https:', { error: () => t().webhook_https() })
const events = z.array(z.string().min(1).max(100)).min(1, { error: () => t().webhook_choose_event() }).max(100)

export const webhookFields = z.object({ name, url, events, is_active: z.boolean().default(true) })
export const webhookChanges = z.object({ name: name.optional(), url: url.optional(), events: events.optional(), is_active: z.boolean().optional() }).strict()
export type WebhookChangesInput = z.output<typeof webhookChanges>

/** Payload fields to row columns. */
export function webhookRowFields(c: WebhookChangesInput) {
  return { name: c.name, url: c.url, events: c.events, isActive: c.is_active }
}
