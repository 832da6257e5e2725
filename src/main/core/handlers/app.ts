import type { Handlers } from '../../../shared/contract'
import type { HandlerContext } from './context'
import { currentLanguage } from '../language'

export function appHandlers(ctx: HandlerContext): Pick<Handlers, 'app-info' | 'settings-get' | 'settings-set' | 'app-notices' | 'app-notify'> {
  return {
    'app-info': async () => ({ name: 'SkyLight Desk', version: ctx.appVersion, platform: process.platform, dataFolder: ctx.dataDir }),
    'settings-get': async () => ctx.settings(),
    'settings-set': async (changes) => {
      const next = { ...ctx.settings(), ...changes }
      await ctx.saveSettings(next)
      ctx.sessions.setTimings({ pollMs: next.syncIntervalSeconds * 1000 })
      ctx.sessions.setLanguage(currentLanguage())
      return next
    },
    'app-notices': async () => ({ notices: ctx.notices() }),
    'app-notify': async ({ title, body }) => {
      ctx.events.emit('notify', { title, body })
      return {}
    },
  }
}
