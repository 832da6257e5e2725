// The start (the frame and the inbox, what index.html loads) is fetched with the frame's and
// the inbox's words only; the other views' words come later with their states
// (src/renderer/src/lib/state/view-states.svelte.ts). A start that asked for one of those
// would fail before they arrive, so the built start must name none of them.
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { formatterFor } from '../../src/shared/i18n/formatter'
import { startWords } from '../../src/shared/i18n/messages/en/start'
import { viewWords } from '../../src/shared/i18n/messages/en/views'
import { buildRenderer } from './helpers/environment'

const assets = resolve('out/renderer/assets')
const english = formatterFor('en', 'latin')
const viewKeys = Object.keys(viewWords(english))
const named = (code: string) => viewKeys.filter((key) => new RegExp(`[.'"]${key}\\b`).test(code))

let start: string[] = []
beforeAll(() => {
  buildRenderer()
  const html = readFileSync(resolve('out/renderer/index.html'), 'utf8')
  start = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((hit) => hit[1]!)
})

describe('the built start', () => {
  it('names none of the other views\' words', () => {
    expect(start.length).toBeGreaterThan(0)
    expect(start.flatMap((file) => named(readFileSync(join(assets, file), 'utf8')).map((key) => `${file}: ${key}`))).toEqual([])
  })

  it('is checked by a search that finds them where they are used', () => {
    const later = readdirSync(assets).filter((file) => file.endsWith('.js') && !start.includes(file))
    expect(later.flatMap((file) => named(readFileSync(join(assets, file), 'utf8'))).length).toBeGreaterThan(viewKeys.length / 2)
  })

  it('keeps the two parts apart', () => {
    const startKeys = new Set(Object.keys(startWords(english)))
    expect(viewKeys.filter((key) => startKeys.has(key))).toEqual([])
  })
})
