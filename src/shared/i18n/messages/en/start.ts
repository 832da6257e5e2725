// What the frame and the inbox show, in English: the words fetched before the first frame
// (src/renderer/src/lib/i18n.svelte.ts). Their code (the frame, the inbox, the states
// they use) may use no other words: test/e2e/start-words.test.ts checks the built start.
import type { Formatter } from '../../formatter'
import { common } from './common'
import { contacts } from './contacts'
import { frame } from './frame'
import { inbox } from './inbox'
import { settings } from './settings'
import { account } from './account'
import { webchat } from './webchat'

export const startWords = (f: Formatter) => ({
  ...common(f),
  ...contacts(f),
  ...frame(f),
  ...inbox(f),
  ...settings(f),
  ...account(f),
  ...webchat(f),
})
