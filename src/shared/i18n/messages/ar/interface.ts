// What the interface shows, in Arabic: as ../en/interface.ts, typed against it.
import type { Formatter } from '../../formatter'
import type { interfaceCatalog as englishInterface } from '../en/interface'
import { campaigns } from './campaigns'
import { common } from './common'
import { contacts } from './contacts'
import { frame } from './frame'
import { inbox } from './inbox'
import { media } from './media'
import { settings } from './settings'
import { account } from './account'
import { tickets } from './tickets'
import { bookings } from './bookings'
import { webchat } from './webchat'
import { aiAgents } from './ai-agents'
import { knowledgeBase } from './knowledge-base'
import { voice } from './voice'

export const interfaceCatalog: typeof englishInterface = (f: Formatter) => ({
  ...campaigns(f),
  ...common(f),
  ...contacts(f),
  ...frame(f),
  ...inbox(f),
  ...media(f),
  ...settings(f),
  ...account(f),
  ...tickets(f),
  ...bookings(f),
  ...webchat(f),
  ...aiAgents(f),
  ...knowledgeBase(f),
  ...voice(f),
})
