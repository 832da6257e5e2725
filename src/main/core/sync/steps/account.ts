// The account's profile, plan and channels: small, re-read whole.
import { replaceChannels, saveAccount, saveSubscription } from '../../store'
import { call, type SyncContext } from '../context'

export async function syncAccount(ctx: SyncContext): Promise<void> {
  const [profile, subscription, channels] = await Promise.all([
    ctx.api.account.get(call(ctx)),
    ctx.api.account.subscription(call(ctx)),
    ctx.api.account.channels(call(ctx)),
  ])
  saveAccount(ctx.db, profile)
  saveSubscription(ctx.db, subscription)
  replaceChannels(ctx.db, channels)
  ctx.changed('account')
}
