// A product catalog from products the user previewed (a JSON array or a CSV read in the
// app). No idempotency key: an unknown outcome is settled by a catalog of the same title
// and product count made since the first attempt.
import { z } from 'zod'
import { kbDetail } from '../../skylight/resources/knowledge-base'
import { insertLocalKbEntry, rekeyKbEntry, removeRow } from '../../store'
import { findCreatedKbEntry, newestKbEntryId } from '../reconcile'
import { quote, type ActionDef } from './define'
import { release } from './hold'
import { kbProducts } from './kb-fields'
import { t } from '../../language'

const schema = z.object({
  localId: z.number().int().negative(),
  title: z.string().trim().min(1, { error: () => t().kb_give_catalog_title() }).max(255),
  description: z.string().trim().max(1000).nullable().optional(),
  products: kbProducts,
})
export type CreateKbCatalogPayload = z.output<typeof schema>

export const createKbCatalogAction: ActionDef<CreateKbCatalogPayload> = {
  kind: 'create-kb-catalog',
  payload: { current: 1, schema },
  lane: (p) => `kb-entry:${p.localId}`,
  summary: (p) => t().kb_summary_catalog({ title: quote(p.title), n: p.products.length }),
  repeatable: false,
  resources: ['knowledge-base'],
  creates: { entity: 'kb-entry', localId: (p) => p.localId },
  apply(db, p) {
    insertLocalKbEntry(db, { id: p.localId, title: p.title, type: 'product_catalog', status: 'active', description: p.description ?? null, productsCount: p.products.length, createdAt: new Date().toISOString() })
    return p
  },
  rollback(db, p) {
    removeRow(db, 'kb-entry', p.localId)
  },
  async send(ctx, p) {
    const created = await ctx.api.knowledgeBase.createCatalog({ title: p.title, description: p.description ?? null, products: p.products }, ctx.call)
    return { serverId: created.id, record: created }
  },
  observe: (ctx) => newestKbEntryId(ctx, 'product_catalog'),
  async reconcile(ctx, p) {
    const found = await findCreatedKbEntry(ctx, 'product_catalog', p.title, (e) => e.title === p.title && (e.products_count === null || e.products_count === p.products.length))
    return found ? { serverId: found.id, record: await ctx.api.knowledgeBase.get(found.id, ctx.call) } : null
  },
  confirm(db, p, result) {
    const created = kbDetail.safeParse(result.record)
    if (!created.success) return
    rekeyKbEntry(db, p.localId, created.data)
    release(db, { kind: 'kb-entry', id: created.data.id })
  },
}
