// What the other views show, in English: fetched with the views' states when one of them is
// first opened (src/renderer/src/lib/state/desk.svelte.ts). The core's own areas (core, store,
// sync, outbox) are in neither: the core makes those words itself (./index.ts).
import type { Formatter } from '../../formatter'
import { campaigns } from './campaigns'
import { media } from './media'
import { tickets } from './tickets'
import { bookings } from './bookings'
import { aiAgents } from './ai-agents'
import { knowledgeBase } from './knowledge-base'
import { voice } from './voice'

export const viewWords = (f: Formatter) => ({
  ...campaigns(f),
  ...media(f),
  ...tickets(f),
  ...bookings(f),
  ...aiAgents(f),
  ...knowledgeBase(f),
  ...voice(f),
})
