// A knowledge-base entry's fields as the API names them, and as the store's row names them.
import { z } from 'zod'
import { t } from '../../language'

const title = z.string().trim().min(1, { error: () => t().kb_give_entry_title() }).max(255, { error: () => t().kb_title_max({ max: 255 }) })
const optional = (max: number) => z.string().trim().max(max).transform((v) => (v === '' ? null : v)).nullable()

export const kbTextFields = z.object({
  title,
  content: z.string().trim().min(1, { error: () => t().kb_write_text() }).max(100_000, { error: () => t().kb_text_max({ max: 100_000 }) }),
  description: optional(1000).default(null),
  business_description: optional(1000).default(null),
})

export const kbChanges = z
  .object({ title, content: kbTextFields.shape.content, description: optional(1000), business_description: optional(1000) })
  .partial()
export type KbChangesInput = z.output<typeof kbChanges>

export const kbProductFields = z.object({
  name: z.string().trim().min(1, { error: () => t().kb_product_needs_name() }).max(255),
  description: optional(2000).optional(),
  price: z.number().min(0, 'A price cannot be negative.').nullable().optional(),
  currency: optional(10).optional(),
  sku: optional(100).optional(),
})
export const kbProducts = z.array(kbProductFields).min(1, { error: () => t().kb_add_one_product() }).max(1000, { error: () => t().kb_catalog_max({ max: 1000 }) })

/** API field names → the store row's; a new text clears the embeddings locally as on the server. */
export function kbRowFields(changes: KbChangesInput) {
  return {
    title: changes.title,
    description: changes.description,
    businessDescription: changes.business_description,
    ...(changes.content !== undefined ? { content: changes.content, contentLength: changes.content.length, embeddingUpdatedAt: null } : {}),
  }
}
