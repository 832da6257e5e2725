// Create a webhook. The server answers its signing secret once: it is kept in memory for
// the user to see (held-secrets.ts) and stripped from what is stored with the action. An
// unknown outcome is settled by looking for a webhook of the same name and URL.
import { z } from 'zod'
import { webhook } from '../../skylight/resources/webhooks'
import { insertLocalWebhook, rekeyWebhook, removeRow } from '../../store'
import { keepRevealedSecret } from '../held-secrets'
import { findCreatedWebhook, newestWebhookId } from '../reconcile-admin'
import { quote, type ActionDef } from './define'
import { release } from './hold'
import { webhookFields } from './webhook-fields'
import { t } from '../../language'

const schema = webhookFields.extend({ localId: z.number().int().negative() })
export type CreateWebhookPayload = z.output<typeof schema>

export const createWebhookAction: ActionDef<CreateWebhookPayload> = {
  kind: 'create-webhook',
  payload: { current: 1, schema },
  lane: (p) => `webhook:${p.localId}`,
  summary: (p) => t().webhook_summary_create({ name: quote(p.name) }),
  repeatable: false,
  resources: ['webhooks'],
  creates: { entity: 'webhook', localId: (p) => p.localId },
  apply(db, p) {
    insertLocalWebhook(db, { id: p.localId, name: p.name, url: p.url, events: p.events, isActive: p.is_active })
    return p
  },
  rollback(db, p) {
    removeRow(db, 'webhook', p.localId)
  },
  async send(ctx, p) {
    const { localId: _localId, ...input } = p
    const created = await ctx.api.webhooks.create(input, ctx.call)
    if (created.secret) keepRevealedSecret(created.webhook.id, created.secret)
    return { serverId: created.webhook.id, record: created.webhook }
  },
  observe: (ctx) => newestWebhookId(ctx),
  async reconcile(ctx, p) {
    const found = await findCreatedWebhook(ctx, p)
    return found ? { serverId: found.id, record: found } : null
  },
  confirm(db, p, result) {
    const created = webhook.safeParse(result.record)
    if (!created.success) return
    rekeyWebhook(db, p.localId, created.data)
    release(db, { kind: 'webhook', id: created.data.id })
  },
}
