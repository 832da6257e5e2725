// /channels/{whatsapp,telegram,instagram}/…: connect, status, refresh, disconnect, and
// Instagram's 2FA and resend. Every answer but connect's is the docs' channel object.
// The sandbox's "phone" scans a QR code QR_SCAN_MS after it is made (on the sandbox clock,
// so tests can move time), and a code left unscanned for QR_VALID_MS fails (CREATION_FAIL).
// Instagram always asks for a 2FA code; any six digits but 000000 pass. A password is
// checked and dropped: nothing keeps it.
import { z } from 'zod'
import type { AccountStore } from '../data/account-store'
import { QR_SCAN_MS, QR_VALID_MS, type ChannelAttempt } from '../data/admin-model'
import type { ChannelRec, ChannelType } from '../data/model'
import { channelJson } from '../data/serialize'
import { fail, notFound, ok, validationFailed } from '../http/respond'
import type { RouteContext, Router } from '../http/router'
import { requiredString, validate } from '../http/validate'

const LABEL: Record<ChannelType, string> = { whatsapp: 'WhatsApp', telegram: 'Telegram', instagram: 'Instagram' }

function channelOf(store: AccountStore, type: ChannelType): ChannelRec {
  const found = store.channel(type)
  if (!found) throw notFound('Channel')
  return found
}

/** Moves a pending attempt on by the clock: scanned → connected; too old → failed. */
function advance(ctx: RouteContext, channel: ChannelRec, attempt: ChannelAttempt): void {
  if (attempt.done) return
  if (attempt.scanAt !== null && ctx.now >= attempt.scanAt && ctx.now <= attempt.expiresAt) {
    attempt.done = true
    channel.connected = true
    channel.syncStatus = 'OK'
    channel.lastSyncedAt = ctx.now
    if (channel.type === 'whatsapp') channel.username = ctx.store.profile.primaryUser.phone ?? channel.username
  } else if (ctx.now > attempt.expiresAt) {
    attempt.done = true
    channel.syncStatus = 'CREATION_FAIL'
  }
}

function pendingFor(store: AccountStore, type: ChannelType): ChannelAttempt | undefined {
  return [...store.channelAttempts.values()].filter((a) => a.type === type).at(-1)
}

function qrRoutes(router: Router, type: 'whatsapp' | 'telegram'): void {
  const base = `/channels/${type}`
  router.post(`${base}/connect`, (ctx) => {
    const channel = channelOf(ctx.store, type)
    if (channel.connected) throw fail(409, `${LABEL[type]} is already connected. Disconnect it first.`)
    const random = ctx.world.runtimeRandom
    const accountId = `${type === 'whatsapp' ? 'wa' : 'tg'}_${random.token(12)}`
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
    const qr = type === 'whatsapp'
      ? `2@${random.token(60, alphabet)}==,${random.token(43, alphabet)}=,${random.token(43, alphabet)}=,1`
      : `tg://login?token=${random.token(43, alphabet.slice(0, 62))}`
    ctx.store.channelAttempts.set(accountId, {
      accountId, type, startedAt: ctx.now, scanAt: ctx.now + QR_SCAN_MS, expiresAt: ctx.now + QR_VALID_MS, username: null, done: false,
    })
    channel.syncStatus = 'CONNECTING'
    return ok({ account_id: accountId, qr_code: qr }, `QR code generated. Scan with ${LABEL[type]} on your phone.`)
  })
  statusRoute(router, type)
  commonRoutes(router, type)
}

function statusRoute(router: Router, type: ChannelType): void {
  router.get(`/channels/${type}/status`, (ctx) => {
    const channel = channelOf(ctx.store, type)
    const wanted = ctx.query.get('account_id')
    const attempt = wanted ? ctx.store.channelAttempts.get(wanted) : pendingFor(ctx.store, type)
    if (wanted && (!attempt || attempt.type !== type)) throw notFound('Connection attempt')
    if (attempt) advance(ctx, channel, attempt)
    return ok(channelJson(channel))
  })
}

function commonRoutes(router: Router, type: ChannelType): void {
  router.post(`/channels/${type}/refresh`, (ctx) => {
    const channel = channelOf(ctx.store, type)
    const attempt = pendingFor(ctx.store, type)
    if (attempt) advance(ctx, channel, attempt)
    if (channel.connected && (channel.syncStatus ?? 'OK') === 'OK') channel.lastSyncedAt = ctx.now
    return ok(channelJson(channel), `${LABEL[type]} status refreshed.`)
  })
  router.post(`/channels/${type}/disconnect`, (ctx) => {
    const channel = channelOf(ctx.store, type)
    if (!channel.connected && channel.syncStatus !== 'CONNECTING') throw fail(409, `${LABEL[type]} is not connected.`)
    channel.connected = false
    channel.syncStatus = 'STOPPED'
    for (const [id, a] of ctx.store.channelAttempts) if (a.type === type) ctx.store.channelAttempts.delete(id)
    return ok(channelJson(channel), `${LABEL[type]} disconnected.`)
  })
}

const instagramLogin = z.object({ username: requiredString('username'), password: requiredString('password') })
const twoFactor = z.object({ account_id: requiredString('account_id'), code: requiredString('code', 16) })
const resend = z.object({ account_id: requiredString('account_id') })

function instagramRoutes(router: Router): void {
  router.post('/channels/instagram/connect', (ctx) => {
    const channel = channelOf(ctx.store, 'instagram')
    if (channel.connected) throw fail(409, 'Instagram is already connected. Disconnect it first.')
    const input = validate(instagramLogin, ctx.body)
    if (input.password.length < 6) throw validationFailed({ password: ['The username or password is incorrect.'] })
    const accountId = `ig_${ctx.world.runtimeRandom.token(12)}`
    ctx.store.channelAttempts.set(accountId, {
      accountId, type: 'instagram', startedAt: ctx.now, scanAt: null, expiresAt: ctx.now + 10 * QR_VALID_MS, username: input.username.replace(/^@/, ''), done: false,
    })
    channel.syncStatus = 'CONNECTING'
    return ok({ account_id: accountId, requires_2fa: true }, 'A verification code was sent. Submit it to finish connecting Instagram.')
  })

  const attemptOf = (ctx: RouteContext, accountId: string): ChannelAttempt => {
    const attempt = ctx.store.channelAttempts.get(accountId)
    if (!attempt || attempt.type !== 'instagram' || attempt.done) throw notFound('Connection attempt')
    return attempt
  }

  router.post('/channels/instagram/2fa', (ctx) => {
    const input = validate(twoFactor, ctx.body)
    const attempt = attemptOf(ctx, input.account_id)
    if (!/^\d{6}$/.test(input.code.trim()) || input.code.trim() === '000000') {
      throw validationFailed({ code: ['The verification code is invalid or has expired.'] })
    }
    const channel = channelOf(ctx.store, 'instagram')
    attempt.done = true
    channel.connected = true
    channel.syncStatus = 'OK'
    channel.username = attempt.username ?? channel.username
    channel.lastSyncedAt = ctx.now
    return ok(channelJson(channel), 'Instagram connected successfully.')
  })

  router.post('/channels/instagram/2fa/resend', (ctx) => {
    attemptOf(ctx, validate(resend, ctx.body).account_id)
    return ok(null, 'A new verification code has been sent.')
  })

  statusRoute(router, 'instagram')
  commonRoutes(router, 'instagram')
}

export function channelRoutes(router: Router): void {
  qrRoutes(router, 'whatsapp')
  qrRoutes(router, 'telegram')
  instagramRoutes(router)
}
