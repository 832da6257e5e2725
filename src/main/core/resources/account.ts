// The account: profile, plan and channels, one record each, re-read on every refresh.
import { updateAccountAction } from '../outbox/actions/update-account'
import { syncAccount } from '../sync/steps/account'
import { defineResource } from './define'

export const accountResource = defineResource({
  name: 'account',
  pattern: 'singleton',
  endpoints: [
    'GET /account',
    'PATCH /account',
    'GET /account/subscription',
    'GET /account/channels',
    // Live, never queued (handlers/account-area.ts): connecting, polling, refreshing and
    // disconnecting a channel.
    'POST /channels/whatsapp/connect',
    'GET /channels/whatsapp/status',
    'POST /channels/whatsapp/refresh',
    'POST /channels/whatsapp/disconnect',
    'POST /channels/telegram/connect',
    'GET /channels/telegram/status',
    'POST /channels/telegram/refresh',
    'POST /channels/telegram/disconnect',
    'POST /channels/instagram/connect',
    'POST /channels/instagram/2fa',
    'POST /channels/instagram/2fa/resend',
    'GET /channels/instagram/status',
    'POST /channels/instagram/refresh',
    'POST /channels/instagram/disconnect',
  ],
  fullPass: syncAccount,
  fullPassStep: 0,
  refresh: { step: syncAccount, cadence: 'every-refresh' },
  actions: [updateAccountAction],
})
