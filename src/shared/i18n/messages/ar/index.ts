// The Arabic catalog, area by area as ../en/index.ts; typed against it so nothing is missing.
import type { Formatter } from '../../formatter'
import type { areas as englishAreas, catalog as englishCatalog } from '../en'
import { campaigns } from './campaigns'
import { common } from './common'
import { contacts } from './contacts'
import { frame } from './frame'
import { inbox } from './inbox'
import { media } from './media'
import { outbox } from './outbox'
import { core } from './core'
import { settings } from './settings'

export const areas: typeof englishAreas = { campaigns, common, contacts, core, frame, inbox, media, outbox, settings }

export const catalog: typeof englishCatalog = (f: Formatter) => ({
  ...campaigns(f),
  ...common(f),
  ...contacts(f),
  ...core(f),
  ...frame(f),
  ...inbox(f),
  ...media(f),
  ...outbox(f),
  ...settings(f),
})
