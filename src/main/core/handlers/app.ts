import type { Handlers } from '../../../shared/contract'
import type { HandlerContext } from './context'

export function appHandlers(ctx: HandlerContext): Pick<Handlers, 'app-info' | 'settings-get' | 'settings-set' | 'app-notices'> {
  return {
    'app-info': async () => ({ name: 'SkyLight Desk', version: ctx.appVersion, platform: process.platform, dataFolder: ctx.dataDir }),
    'settings-get': async () => ctx.settings(),
    'settings-set': async (changes) => {
      const next = { ...ctx.settings(), ...changes }
      await ctx.saveSettings(next)
      ctx.sessions.setTimings({ pollMs: next.syncIntervalSeconds * 1000 })
      return next
    },
    'app-notices': async () => ({ notices: ctx.notices() }),
  }
}
