// The English catalog: one module per area of the app. Add an area here and in ../ar/index.ts.
import type { Formatter } from '../../formatter'
import { campaigns } from './campaigns'
import { common } from './common'
import { contacts } from './contacts'
import { frame } from './frame'
import { inbox } from './inbox'
import { media } from './media'
import { outbox } from './outbox'
import { core } from './core'
import { settings } from './settings'

export const areas = { campaigns, common, contacts, core, frame, inbox, media, outbox, settings }

export const catalog = (f: Formatter) => ({
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
