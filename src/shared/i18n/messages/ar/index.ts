// The Arabic catalog, area by area as ../en/index.ts; typed against it so nothing is missing.
import type { Formatter } from '../../formatter'
import { interfaceCatalog } from './interface'
import type { areas as englishAreas, catalog as englishCatalog } from '../en'
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

export const areas: typeof englishAreas = { campaigns, common, contacts, core, frame, inbox, media, outbox, settings, account, tickets, bookings, webchat, aiAgents, knowledgeBase, voice, store, sync }

export const catalog: typeof englishCatalog = (f: Formatter) => ({
  ...interfaceCatalog(f),
  ...core(f),
  ...outbox(f),
  ...store(f),
  ...sync(f),
})
