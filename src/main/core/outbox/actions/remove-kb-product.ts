// Remove one product from a catalog: gone at once, put back if refused; "already gone"
// counts as done, so it is safe to repeat.
import { z } from 'zod'
import { notFound, putBackKbProduct, takeKbProduct } from '../../store'
import { quote, type ActionDef } from './define'
import { gone, hold, release } from './hold'
import { t } from '../../language'

const schema = z.object({
  entryId: z.number().int(),
  productId: z.number().int(),
  snapshot: z.record(z.string(), z.unknown()).nullish(),
})
export type RemoveKbProductPayload = z.output<typeof schema>

export const removeKbProductAction: ActionDef<RemoveKbProductPayload> = {
  kind: 'remove-kb-product',
  payload: { current: 1, schema },
  lane: (p) => `kb-entry:${p.entryId}`,
  summary: (p, names) =>
    t().kb_summary_remove_product({
      product: p.snapshot?.name ? quote(String(p.snapshot.name), 200) : t().kb_summary_product_id({ id: p.productId }),
      entry: names('kb-entry', p.entryId),
    }),
  repeatable: true,
  resources: ['knowledge-base'],
  apply(db, p, { hold: holding }) {
    const taken = takeKbProduct(db, p.entryId, p.productId)
    if (!taken && !p.snapshot) throw notFound(`Product ${p.productId}`)
    if (holding) hold(db, { kind: 'kb-entry', id: p.entryId })
    return { ...p, snapshot: p.snapshot ?? taken }
  },
  rollback(db, p) {
    if (p.snapshot) putBackKbProduct(db, p.snapshot)
    release(db, { kind: 'kb-entry', id: p.entryId })
  },
  async send(ctx, p) {
    await gone(ctx.api.knowledgeBase.removeProduct(p.entryId, p.productId, ctx.call))
    return { serverId: p.productId }
  },
  confirm(db, p) {
    release(db, { kind: 'kb-entry', id: p.entryId })
  },
}
