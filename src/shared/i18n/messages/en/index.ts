// The English catalog: one module per area of the app. Add an area here and in ../ar/index.ts.
import type { Formatter } from '../../formatter'
import { interfaceCatalog } from './interface'
import { campaigns } from './campaigns'
import { common } from './common'
import { contacts } from './contacts'
import { frame } from './frame'
import { inbox } from './inbox'
import { media } from './media'
import { outbox } from './outbox'
import { core } from './core'
import { account } from './account'
import { tickets } from './tickets'
import { bookings } from './bookings'
import { webchat } from './webchat'
import { aiAgents } from './ai-agents'
import { knowledgeBase } from './knowledge-base'
import { voice } from './voice'
import { settings } from './settings'
import { store } from './store'
import { sync } from './sync'

export const areas = { campaigns, common, contacts, core, frame, inbox, media, outbox, settings, account, tickets, bookings, webchat, aiAgents, knowledgeBase, voice, store, sync }

export const catalog = (f: Formatter) => ({
  ...interfaceCatalog(f),
  ...core(f),
  ...outbox(f),
  ...store(f),
  ...sync(f),
})
