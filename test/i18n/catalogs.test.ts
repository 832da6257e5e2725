// The catalogs stay complete and lean: every key in English is in Arabic and the other way
// round, area by area; no key is defined twice; every key is used somewhere in the app; and
// the plural forms pick what each language's rules say (Arabic has six).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatterFor } from '../../src/shared/i18n/formatter'
import { messageKeys, messagesFor } from '../../src/shared/i18n/messages'
import { areas as arabicAreas } from '../../src/shared/i18n/messages/ar'
import { areas as englishAreas } from '../../src/shared/i18n/messages/en'

const root = resolve('src')
const catalogDir = join(root, 'shared', 'i18n', 'messages')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (path === catalogDir) return []
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(ts|svelte)$/.test(name) ? [path] : []
  })
}

const keysOf = (area: (f: ReturnType<typeof formatterFor>) => object, language: 'en' | 'ar') =>
  Object.keys(area(formatterFor(language, 'latin'))).sort()

describe('the catalogs', () => {
  it('have the same areas and, in each, the same keys in English and Arabic', () => {
    expect(Object.keys(arabicAreas).sort()).toEqual(Object.keys(englishAreas).sort())
    for (const [name, english] of Object.entries(englishAreas)) {
      const arabic = arabicAreas[name as keyof typeof arabicAreas]
      const en = keysOf(english, 'en')
      const ar = keysOf(arabic, 'ar')
      expect({ area: name, missingInArabic: en.filter((k) => !ar.includes(k)), missingInEnglish: ar.filter((k) => !en.includes(k)) }).toEqual({
        area: name,
        missingInArabic: [],
        missingInEnglish: [],
      })
    }
  })

  it('define each key in one area only', () => {
    const seen = new Map<string, string>()
    const twice: string[] = []
    for (const [name, area] of Object.entries(englishAreas)) {
      for (const key of keysOf(area, 'en')) {
        if (seen.has(key)) twice.push(`${key} (${seen.get(key)} and ${name})`)
        seen.set(key, name)
      }
    }
    expect(twice).toEqual([])
    expect(messageKeys.length).toBe(seen.size)
  })

  it('have no key the app does not use', () => {
    const code = sources(root).map((path) => readFileSync(path, 'utf8')).join('\n')
    const unused = messageKeys.filter((key) => !new RegExp(`\\b${key}\\b`).test(code))
    expect(unused).toEqual([])
  })

  it('give every message in both languages, with no empty one', () => {
    for (const language of ['en', 'ar'] as const) {
      const messages = messagesFor(language, 'latin') as unknown as Record<string, (p: unknown) => string>
      for (const key of messageKeys) expect(typeof messages[key], `${language}.${key}`).toBe('function')
    }
  })
})

describe('plural forms', () => {
  it('follow Arabic’s six categories and English’s two', () => {
    const ar = messagesFor('ar', 'latin')
    expect([0, 1, 2, 3, 11, 100].map((n) => ar.notify_unread({ n }))).toEqual([
      'لا رسائل غير مقروءة',
      'رسالة واحدة غير مقروءة',
      'رسالتان غير مقروءتين',
      '3 رسائل غير مقروءة',
      '11 رسالة غير مقروءة',
      '100 رسالة غير مقروءة',
    ])
    const en = messagesFor('en', 'latin')
    expect([1, 2, 12_345].map((n) => en.notify_unread({ n }))).toEqual(['1 unread message', '2 unread messages', '12,345 unread messages'])
  })

  it('write numbers in the chosen digits', () => {
    expect(messagesFor('ar', 'arabic').notify_unread({ n: 12 })).toBe('١٢ رسالة غير مقروءة')
    expect(messagesFor('en', 'arabic').notify_unread({ n: 3 })).toBe('٣ unread messages')
  })
})
