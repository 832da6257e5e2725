// Edit a webhook (name, URL, events) or switch it on or off. Consecutive edits of one
// webhook, or edits of a webhook not yet created, are merged into the queued action.
import { z } from 'zod'
import { webhook } from '../../skylight/resources/webhooks'
import { patchRow } from '../../store'
import { saveWebhookIfUnheld } from '../../store/writes/webhooks'
import { quote, type ActionDef } from './define'
import { hold, release } from './hold'
import { webhookChanges, webhookRowFields } from './webhook-fields'
import { t } from '../../language'

const schema = z.object({
  webhookId: z.number().int(),
  changes: webhookChanges,
  previous: z.record(z.string(), z.unknown()).default({}),
})
export type UpdateWebhookPayload = z.output<typeof schema>

function describe(p: UpdateWebhookPayload): string {
  const keys = Object.keys(p.changes)
  const who = p.changes.name ? quote(p.changes.name) : t().summary_noun_id({ noun: t().noun_webhook(), id: p.webhookId })
  if (keys.length === 1 && p.changes.is_active !== undefined) return (p.changes.is_active ? t().webhook_summary_turn_on : t().webhook_summary_turn_off)({ who })
  return t().webhook_summary_edit({ who })
}

export const updateWebhookAction: ActionDef<UpdateWebhookPayload> = {
  kind: 'update-webhook',
  payload: { current: 1, schema },
  lane: (p) => `webhook:${p.webhookId}`,
  summary: describe,
  repeatable: true,
  resources: ['webhooks'],
  apply(db, p, { hold: holding }) {
    const before = patchRow(db, 'webhook', p.webhookId, webhookRowFields(p.changes))
    if (holding) hold(db, { kind: 'webhook', id: p.webhookId })
    return { ...p, previous: { ...before, ...p.previous } }
  },
  rollback(db, p) {
    patchRow(db, 'webhook', p.webhookId, p.previous)
    release(db, { kind: 'webhook', id: p.webhookId })
  },
  async send(ctx, p) {
    const saved = await ctx.api.webhooks.update(p.webhookId, p.changes, ctx.call)
    return { serverId: saved.id, record: saved }
  },
  confirm(db, p, result) {
    release(db, { kind: 'webhook', id: p.webhookId })
    const saved = webhook.safeParse(result.record)
    if (saved.success) saveWebhookIfUnheld(db, saved.data)
  },
  coalesce(queued, next) {
    const q = queued.payload as { webhookId?: number; localId?: number; changes?: object }
    if (queued.kind === 'update-webhook' && q.webhookId === next.webhookId) return { ...q, changes: { ...q.changes, ...next.changes } }
    if (queued.kind === 'create-webhook' && q.localId === next.webhookId) return { ...q, ...next.changes }
    return null
  },
  edit: (p, changes) => ({ ...p, changes: { ...p.changes, ...webhookChanges.parse(changes) } }),
}
