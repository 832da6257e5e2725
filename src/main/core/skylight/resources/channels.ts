// /channels/{whatsapp,telegram,instagram}/… (docs: rest-api/channels): connect by QR code
// (WhatsApp, Telegram) or by username and password then a 2FA code (Instagram), poll the
// status, refresh, disconnect. All of it is live: never queued. The Instagram password
// is sent once and never returned, stored or logged.
import { z } from 'zod'
import type { CallOptions, SkyLightClient } from '../client'
import { bool, nullable } from '../schema'
import { channel } from './account'

export type QrChannel = 'whatsapp' | 'telegram'
export type ChannelType = QrChannel | 'instagram'

const qrStart = z.object({ account_id: z.union([z.string(), z.number()]).transform(String), qr_code: z.string() })
export type QrStart = z.output<typeof qrStart>

/** Instagram answers with a 2FA challenge, or with the channel when no code is needed. */
const instagramStart = z.union([
  z.object({ account_id: z.union([z.string(), z.number()]).transform(String), requires_2fa: bool.nullish() })
    .transform((s) => ({ kind: 'code-needed' as const, accountId: s.account_id })),
  channel.transform((c) => ({ kind: 'connected' as const, channel: c })),
])
export type InstagramStart = z.output<typeof instagramStart>

export function channelsApi(client: SkyLightClient) {
  const base = (type: ChannelType) => `/channels/${type}`
  return {
    connectQr: (type: QrChannel, o?: CallOptions) => client.data({ method: 'POST', path: `${base(type)}/connect`, ...o }, qrStart),
    status: (type: ChannelType, accountId?: string, o?: CallOptions) =>
      client.data({ method: 'GET', path: `${base(type)}/status`, query: { account_id: accountId }, ...o }, channel),
    refresh: (type: ChannelType, o?: CallOptions) => client.data({ method: 'POST', path: `${base(type)}/refresh`, ...o }, channel),
    disconnect: (type: ChannelType, o?: CallOptions) =>
      client.data({ method: 'POST', path: `${base(type)}/disconnect`, ...o }, nullable(channel).catch(null)),
    connectInstagram: (credentials: { username: string; password: string }, o?: CallOptions) =>
      client.data({ method: 'POST', path: '/channels/instagram/connect', json: credentials, ...o }, instagramStart),
    submitInstagramCode: (accountId: string, code: string, o?: CallOptions) =>
      client.data({ method: 'POST', path: '/channels/instagram/2fa', json: { account_id: accountId, code }, ...o }, channel),
    resendInstagramCode: (accountId: string, o?: CallOptions) =>
      client.send({ method: 'POST', path: '/channels/instagram/2fa/resend', json: { account_id: accountId }, ...o }),
  }
}
