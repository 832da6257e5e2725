// Every part of both languages' words is fetched before any test, as the app fetches the
// chosen language's before they are shown: a test can then switch language, or render any
// view, and read the result in the same tick.
import { beforeAll } from 'vitest'
import { loadWords, locale } from '../src/lib/i18n.svelte'

beforeAll(async () => {
  await Promise.all((['en', 'ar'] as const).flatMap((language) => [loadWords(language, 'start'), loadWords(language, 'views')]))
  await locale.addViews()
  await locale.apply({})
})
