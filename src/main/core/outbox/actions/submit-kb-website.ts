// A website for the knowledge base: submitting it starts a crawl on SkyLight (queued, so it
// can be asked offline). The crawl's progress is polled online only (kb-status). An unknown
// outcome is settled by a website entry of the same address made since the first attempt.
import { z } from 'zod'
import { kbDetail } from '../../skylight/resources/knowledge-base'
import { insertLocalKbEntry, rekeyKbEntry, removeRow } from '../../store'
import { findCreatedKbEntry, newestKbEntryId } from '../reconcile'
import { quote, type ActionDef } from './define'
import { release } from './hold'
import { t } from '../../language'

const url = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol)
    } catch {
      return false
    }
  }, { error: () => t().kb_full_address() })
  .transform((v) => new URL(v).href)

const schema = z.object({ localId: z.number().int().negative(), url, title: z.string().trim().max(255).optional() })
export type SubmitKbWebsitePayload = z.output<typeof schema>

export const submitKbWebsiteAction: ActionDef<SubmitKbWebsitePayload> = {
  kind: 'submit-kb-website',
  payload: { current: 1, schema },
  lane: (p) => `kb-entry:${p.localId}`,
  summary: (p) => t().kb_summary_crawl({ url: quote(p.url, 60) }),
  repeatable: false,
  resources: ['knowledge-base'],
  creates: { entity: 'kb-entry', localId: (p) => p.localId },
  apply(db, p) {
    insertLocalKbEntry(db, { id: p.localId, title: p.title || new URL(p.url).hostname, type: 'website', status: 'processing', url: p.url, createdAt: new Date().toISOString() })
    return p
  },
  rollback(db, p) {
    removeRow(db, 'kb-entry', p.localId)
  },
  async send(ctx, p) {
    const created = await ctx.api.knowledgeBase.submitWebsite({ url: p.url, ...(p.title ? { title: p.title } : {}) }, ctx.call)
    return { serverId: created.id, record: created }
  },
  observe: (ctx) => newestKbEntryId(ctx, 'website'),
  async reconcile(ctx, p) {
    const found = await findCreatedKbEntry(ctx, 'website', new URL(p.url).hostname, (e) => e.url === p.url)
    return found ? { serverId: found.id, record: await ctx.api.knowledgeBase.get(found.id, ctx.call) } : null
  },
  confirm(db, p, result) {
    const created = kbDetail.safeParse(result.record)
    if (!created.success) return
    rekeyKbEntry(db, p.localId, created.data)
    release(db, { kind: 'kb-entry', id: created.data.id })
  },
}
