// What the frame and the inbox show, in Arabic: as ../en/start.ts, typed against it.
import type { Formatter } from '../../formatter'
import type { startWords as english } from '../en/start'
import { common } from './common'
import { contacts } from './contacts'
import { frame } from './frame'
import { inbox } from './inbox'
import { settings } from './settings'
import { account } from './account'
import { webchat } from './webchat'

export const startWords: typeof english = (f: Formatter) => ({
  ...common(f),
  ...contacts(f),
  ...frame(f),
  ...inbox(f),
  ...settings(f),
  ...account(f),
  ...webchat(f),
})
