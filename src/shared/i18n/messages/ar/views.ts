// What the other views show, in Arabic: as ../en/views.ts, typed against it.
import type { Formatter } from '../../formatter'
import type { viewWords as english } from '../en/views'
import { campaigns } from './campaigns'
import { media } from './media'
import { tickets } from './tickets'
import { bookings } from './bookings'
import { aiAgents } from './ai-agents'
import { knowledgeBase } from './knowledge-base'
import { voice } from './voice'

export const viewWords: typeof english = (f: Formatter) => ({
  ...campaigns(f),
  ...media(f),
  ...tickets(f),
  ...bookings(f),
  ...aiAgents(f),
  ...knowledgeBase(f),
  ...voice(f),
})
