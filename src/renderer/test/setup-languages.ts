// Both languages' words are fetched before any test, as main.ts fetches the chosen one before
// the first frame: a test can then switch language and read the result in the same tick.
import { beforeAll } from 'vitest'
import { loadLanguage, locale } from '../src/lib/i18n.svelte'

beforeAll(async () => {
  await Promise.all([loadLanguage('en'), loadLanguage('ar')])
  await locale.apply({})
})
