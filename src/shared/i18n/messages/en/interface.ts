// What the interface shows, in English: every area but the core's own (core, store, sync,
// outbox), whose words the core makes itself. The renderer loads this module alone, and only
// for the chosen language (lib/i18n.svelte.ts); ./index.ts adds the core's areas to it.
import type { Formatter } from '../../formatter'
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

export const interfaceCatalog = (f: Formatter) => ({
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
