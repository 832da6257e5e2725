// The English catalog: one module per area of the app. Add an area here and in ../ar/index.ts.
import type { Formatter } from '../../formatter'
import { common } from './common'
import { frame } from './frame'
import { core } from './core'
import { account } from './account'
import { tickets } from './tickets'
import { bookings } from './bookings'
import { webchat } from './webchat'
import { aiAgents } from './ai-agents'
import { knowledgeBase } from './knowledge-base'
import { voice } from './voice'
import { settings } from './settings'

export const areas = { common, core, frame, settings, account, tickets, bookings, webchat, aiAgents, knowledgeBase, voice }

export const catalog = (f: Formatter) => ({
  ...common(f),
  ...core(f),
  ...frame(f),
  ...settings(f),
  ...account(f),
  ...tickets(f),
  ...bookings(f),
  ...webchat(f),
  ...aiAgents(f),
  ...knowledgeBase(f),
  ...voice(f),
})
