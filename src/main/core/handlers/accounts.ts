import { rm } from 'node:fs/promises'
import type { Handlers } from '../../../shared/contract'
import { mediaCacheFolder } from '../media-cache'
import type { HandlerContext } from './context'

type AccountHandlers = Pick<
  Handlers,
  'accounts-list' | 'account-add' | 'account-add-demo' | 'account-switch' | 'account-remove' | 'account-replace-key' | 'account-rebuild'
>

export function accountHandlers(ctx: HandlerContext): AccountHandlers {
  const changed = () => {
    const list = ctx.accountList()
    ctx.events.emit('accounts-changed', list)
    return list
  }
  return {
    'accounts-list': async () => ctx.accountList(),
    'account-add': async ({ apiKey, baseUrl, sessionOnly }) => {
      const account = await ctx.accounts.add({ apiKey, ...(baseUrl ? { baseUrl } : {}), ...(sessionOnly ? { sessionOnly } : {}) })
      await ctx.accounts.setActive(account.id)
      await ctx.sessions.open(account)
      changed()
      return ctx.summary(account.id)
    },
    'account-add-demo': async () => {
      const existing = ctx.accounts.list().find((a) => a.keyStorage === 'demo')
      if (existing) {
        await ctx.accounts.setActive(existing.id)
        changed()
        return ctx.summary(existing.id)
      }
      const { url, apiKey } = await ctx.demo.start()
      const account = await ctx.accounts.add({ apiKey, baseUrl: url, demo: true })
      await ctx.accounts.setActive(account.id)
      await ctx.sessions.open(account)
      changed()
      return ctx.summary(account.id)
    },
    'account-switch': async ({ id }) => {
      await ctx.accounts.setActive(id)
      return changed()
    },
    'account-remove': async ({ id }) => {
      const account = ctx.accounts.get(id)
      // Sync stops and the store closes before its files are deleted.
      await ctx.sessions.close(id)
      await ctx.accounts.remove(id)
      await rm(mediaCacheFolder(ctx.dataDir, id), { recursive: true, force: true })
      if (account.keyStorage === 'demo') await ctx.demo.stop()
      return changed()
    },
    'account-rebuild': async ({ id }) => {
      await ctx.sessions.rebuild(ctx.accounts.get(id))
      changed()
      return ctx.summary(id)
    },
    'account-replace-key': async ({ id, apiKey, sessionOnly }) => {
      const account = await ctx.accounts.replaceKey(id, apiKey, sessionOnly)
      await ctx.sessions.open(account)
      changed()
      return ctx.summary(id)
    },
  }
}
