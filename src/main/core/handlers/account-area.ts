// The Account area's calls. Profile, team and webhook edits go to the outbox (checked
// first: forms, the plan's limits); channel connections, the webhook test, the delivery
// log and secret rotation are live calls at the user's priority in the rate budget.
// Passwords and secrets pass through here and are never written anywhere.
import { z } from 'zod'
import type { Handlers } from '../../../shared/contract'
import type { AccountChannel } from '../../../shared/contract/account-area'
import { t } from '../language'
import { checkPlanLimit } from '../plan-limits'
import { dropSecret, hasRevealedSecret, holdSecret, redactSecret, takeRevealedSecret } from '../outbox/held-secrets'
import { deleteTeamMemberAction } from '../outbox/actions/delete-team-member'
import { deleteWebhookAction } from '../outbox/actions/delete-webhook'
import { accountChanges } from '../outbox/actions/update-account'
import { teamMemberChanges, teamMemberFields, teamPassword } from '../outbox/actions/team-fields'
import { webhookChanges, webhookFields } from '../outbox/actions/webhook-fields'
import type { Channel } from '../skylight/resources/account'
import type { ChannelType } from '../skylight/resources/channels'
import type { WebhookDelivery } from '../skylight/resources/webhooks'
import { getAccount, replaceWebhookEvents, requireLocal, teamList, webhookEventList, webhookList } from '../store'
import { accountId } from '../store/writes/account'
import { saveChannel } from '../store/writes/channel'
import { FormError, parseForm } from './form'
import type { HandlerContext } from './context'

type AccountAreaHandlers = Pick<
  Handlers,
  | 'account-overview' | 'account-update'
  | 'channel-connect-qr' | 'channel-status' | 'channel-refresh' | 'channel-disconnect'
  | 'channel-instagram-connect' | 'channel-instagram-code' | 'channel-instagram-resend'
  | 'team-list' | 'team-create' | 'team-update' | 'team-delete'
  | 'webhooks-list' | 'webhook-events' | 'webhook-create' | 'webhook-update' | 'webhook-toggle' | 'webhook-delete'
  | 'webhook-test' | 'webhook-deliveries' | 'webhook-rotate-secret' | 'webhook-secret-reveal'
>

const instagramLogin = z.object({
  username: z.string().trim().min(1, { error: () => t().account_enter_ig_username() }).max(255),
  password: z.string().min(1, { error: () => t().account_enter_ig_password() }).max(255),
})
const instagramCode = z.object({ code: z.string().trim().regex(/^\d{4,8}$/, { error: () => t().account_enter_ig_code() }) })
const teamPasswordForm = z.object({ password: teamPassword })

const LIMIT_ORDER = ['contacts', 'team_members', 'messages_per_month', 'media_files', 'campaigns']
const live = { priority: 'user' as const }
const queued = (actionId: number) => ({ actionId: String(actionId) })

const channelView = (c: Pick<Channel, 'type' | 'username' | 'is_connected' | 'sync_status' | 'last_synced_at'>): AccountChannel => ({
  type: c.type,
  username: c.username,
  isConnected: c.is_connected,
  syncStatus: c.sync_status,
  lastSyncedAt: c.last_synced_at,
})

const deliveryView = (d: WebhookDelivery) => ({
  id: d.id,
  event: d.event,
  status: d.status,
  durationMs: d.durationMs,
  success: d.success,
  createdAt: d.createdAt,
  payload: d.payload === null || d.payload === undefined ? null : JSON.stringify(d.payload, null, 2),
})

export function accountAreaHandlers(ctx: HandlerContext): AccountAreaHandlers {
  const session = () => ctx.session()
  const db = () => session().store.db
  const outbox = () => session().outbox
  const api = () => session().api
  const changed = (resource: 'account' | 'team' | 'webhooks') =>
    ctx.events.emit('data-changed', { accountId: session().accountId, resources: [resource], contactIds: [] })

  /** A channel the server answered: written to the local copy at once so every view agrees. */
  const keepChannel = (c: Channel): AccountChannel => {
    saveChannel(db(), c)
    changed('account')
    ctx.sessions.channelsChanged(session().accountId)
    return channelView(c)
  }

  const localWebhook = (id: number) => requireLocal(db(), { kind: 'webhook', id })

  return {
    'account-overview': async () => {
      const account = getAccount(db())
      const sub = account?.subscription ?? null
      // Known limits in their usual order, any the server adds later after them.
      const rank = (key: string) => (LIMIT_ORDER.includes(key) ? LIMIT_ORDER.indexOf(key) : LIMIT_ORDER.length)
      const limits = sub
        ? Object.entries(sub.limits)
            .map(([key, l]) => ({ key, used: l.used, max: l.max }))
            .sort((a, b) => rank(a.key) - rank(b.key))
        : []
      return {
        profile: account
          ? {
              id: account.id,
              companyName: account.companyName ?? account.displayName,
              email: account.contactEmail ?? account.email,
              address: account.address,
              timezone: account.timezone,
              country: account.country ?? null,
              pending: account.pending,
            }
          : null,
        plan: sub ? { name: sub.plan?.name ?? null, status: sub.status, expiresAt: sub.expires_at, limits } : null,
        channels: (account?.channels ?? []).map((c) => ({
          type: c.type,
          username: c.username,
          isConnected: c.isConnected,
          syncStatus: c.syncStatus,
          lastSyncedAt: c.lastSyncedAt,
        })),
      }
    },
    'account-update': async ({ changes }) => {
      const id = accountId(db())
      if (id === null) throw new FormError(t().account_profile_not_read())
      const parsed = parseForm(accountChanges, changes)
      return queued(outbox().queue('update-account', { accountId: id, changes: parsed }).actionId)
    },

    'channel-connect-qr': async ({ type }) => {
      const started = await api().channels.connectQr(type, live)
      changed('account')
      return { accountId: started.account_id, qrCode: started.qr_code }
    },
    'channel-status': async ({ type, accountId: attempt }) => keepChannel(await api().channels.status(type as ChannelType, attempt, live)),
    'channel-refresh': async ({ type }) => keepChannel(await api().channels.refresh(type as ChannelType, live)),
    'channel-disconnect': async ({ type }) => {
      ctx.sessions.channels.expectDrop(session().accountId, type)
      const answer = await api().channels.disconnect(type as ChannelType, live)
      // Some answers carry no channel: read its status so the views agree with the server.
      return keepChannel(answer ?? (await api().channels.status(type as ChannelType, undefined, live)))
    },
    'channel-instagram-connect': async ({ username, password }) => {
      const form = parseForm(instagramLogin, { username, password })
      // Sent once, never kept; should anything log it, it is redacted.
      redactSecret(form.password)
      const started = await api().channels.connectInstagram(form, live)
      if (started.kind === 'connected') return { kind: 'connected', channel: keepChannel(started.channel) }
      changed('account')
      return started
    },
    'channel-instagram-code': async ({ accountId: attempt, code }) => {
      const form = parseForm(instagramCode, { code })
      return keepChannel(await api().channels.submitInstagramCode(attempt, form.code, live))
    },
    'channel-instagram-resend': async ({ accountId: attempt }) => {
      await api().channels.resendInstagramCode(attempt, live)
      return {}
    },

    'team-list': async ({ role }) => ({
      items: teamList(db(), role).map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role, status: m.status, createdAt: m.createdAt, pending: m.pending })),
    }),
    'team-create': async ({ password, ...fields }) => {
      const form = parseForm(teamMemberFields, fields)
      const secret = parseForm(teamPasswordForm, { password }).password
      checkPlanLimit(db(), 'team_members')
      const ref = holdSecret(secret)
      try {
        const { actionId, localId } = outbox().queue('create-team-member', { ...form, passwordRef: ref })
        return { actionId: String(actionId), localId: localId! }
      } catch (error) {
        // Not queued: nothing will ever ask for it.
        dropSecret(ref)
        throw error
      }
    },
    'team-update': async ({ id, changes }) => {
      requireLocal(db(), { kind: 'teamMember', id })
      return queued(outbox().queue('update-team-member', { teamMemberId: id, changes: parseForm(teamMemberChanges, changes) }).actionId)
    },
    'team-delete': async ({ id }) => queued(outbox().queue(deleteTeamMemberAction.kind, { teamMemberId: id }).actionId),

    'webhooks-list': async () => ({
      items: webhookList(db()).map((w) => ({ ...w, secretWaiting: hasRevealedSecret(w.id) })),
    }),
    'webhook-events': async () => {
      // Kept by sync for offline forms; read live (and kept) when sync has not got to it yet.
      const known = webhookEventList(db())
      if (known.length > 0) return { events: known }
      const events = await api().webhooks.events(live)
      replaceWebhookEvents(db(), events)
      return { events }
    },
    'webhook-create': async ({ isActive, ...fields }) => {
      const form = parseForm(webhookFields, { ...fields, is_active: isActive ?? true })
      const { actionId, localId } = outbox().queue('create-webhook', form)
      return { actionId: String(actionId), localId: localId! }
    },
    'webhook-update': async ({ id, changes }) => {
      localWebhook(id)
      return queued(outbox().queue('update-webhook', { webhookId: id, changes: parseForm(webhookChanges, changes) }).actionId)
    },
    'webhook-toggle': async ({ id, active }) => {
      localWebhook(id)
      return queued(outbox().queue('update-webhook', { webhookId: id, changes: { is_active: active } }).actionId)
    },
    'webhook-delete': async ({ id }) => queued(outbox().queue(deleteWebhookAction.kind, { webhookId: id }).actionId),
    'webhook-test': async ({ id }) => {
      localWebhook(id)
      const delivery = await api().webhooks.test(id, live)
      changed('webhooks')
      return delivery ? deliveryView(delivery) : null
    },
    'webhook-deliveries': async ({ id, page }) => {
      localWebhook(id)
      const result = await api().webhooks.deliveries(id, { page: page ?? 1, per_page: 15 }, live)
      return { items: result.items.map(deliveryView), page: result.page, lastPage: result.lastPage, total: result.total }
    },
    'webhook-rotate-secret': async ({ id }) => {
      localWebhook(id)
      // Answered to the user who asked; not stored, not logged, not sent in any event.
      const secret = await api().webhooks.regenerateSecret(id, live)
      redactSecret(secret)
      return { secret }
    },
    'webhook-secret-reveal': async ({ id }) => {
      localWebhook(id)
      const secret = takeRevealedSecret(id)
      if (secret) changed('webhooks')
      return { secret }
    },
  }
}
