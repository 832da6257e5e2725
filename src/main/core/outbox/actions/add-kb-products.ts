// Add products to a catalog. Not safe to repeat (each call adds copies), so an unknown
// outcome is settled by reading the catalog: done when every new name is there.
import { z } from 'zod'
import { kbDetail } from '../../skylight/resources/knowledge-base'
import { requireLocal, saveKbEntryIfUnheld, shiftProductsCount } from '../../store'
import { quote, type ActionDef } from './define'
import { hold, release } from './hold'
import { kbProducts } from './kb-fields'
import { t } from '../../language'

const schema = z.object({ entryId: z.number().int(), products: kbProducts })
export type AddKbProductsPayload = z.output<typeof schema>

export const addKbProductsAction: ActionDef<AddKbProductsPayload> = {
  kind: 'add-kb-products',
  payload: { current: 1, schema },
  lane: (p) => `kb-entry:${p.entryId}`,
  summary: (p, names) =>
    p.products.length === 1
      ? t().kb_summary_add_product({ name: quote(p.products[0]!.name, 200), entry: names('kb-entry', p.entryId) })
      : t().kb_summary_add_products({ n: p.products.length, entry: names('kb-entry', p.entryId) }),
  repeatable: false,
  resources: ['knowledge-base'],
  apply(db, p, { hold: holding }) {
    requireLocal(db, { kind: 'kb-entry', id: p.entryId })
    shiftProductsCount(db, p.entryId, p.products.length)
    if (holding) hold(db, { kind: 'kb-entry', id: p.entryId })
    return p
  },
  rollback(db, p) {
    shiftProductsCount(db, p.entryId, -p.products.length)
    release(db, { kind: 'kb-entry', id: p.entryId })
  },
  async send(ctx, p) {
    const saved = await ctx.api.knowledgeBase.addProducts(p.entryId, p.products, ctx.call)
    return { serverId: p.entryId, record: saved }
  },
  settledByState: true,
  async reconcile(ctx, p) {
    const current = await ctx.api.knowledgeBase.get(p.entryId, ctx.call)
    const names = new Set(current.products.map((x) => x.name))
    return p.products.every((x) => names.has(x.name)) ? { serverId: p.entryId, record: current } : null
  },
  confirm(db, p, result) {
    release(db, { kind: 'kb-entry', id: p.entryId })
    const saved = kbDetail.safeParse(result.record)
    if (saved.success) saveKbEntryIfUnheld(db, saved.data)
  },
}

