// @vitest-environment jsdom
// Only the chosen language's words are fetched, and a choice shows once they are here: never
// a frame half in one language, and the last choice wins over one still fetching. A fresh
// copy of the module, so nothing is loaded yet (the setup file loads both for other tests).
import { beforeEach, describe, expect, it, vi } from 'vitest'

let i18n: typeof import('../src/lib/i18n.svelte')
beforeEach(async () => {
  vi.resetModules()
  i18n = await import('../src/lib/i18n.svelte')
})

describe('fetching a language', () => {
  it('keeps the words shown until the chosen language has arrived', async () => {
    const { locale, m } = i18n
    await locale.apply({ language: 'en' })
    expect(m.inbox_send()).toBe('Send')
    const switching = locale.apply({ language: 'ar', digits: 'arabic' })
    expect(locale.language).toBe('en')
    expect(m.inbox_send()).toBe('Send')
    await switching
    expect(locale.language).toBe('ar')
    expect(m.inbox_send()).toBe('إرسال')
    expect(m.contacts_count({ n: 3 })).toBe('٣ جهات اتصال')
  })

  it('shows the last choice when an earlier one arrives later', async () => {
    const { locale, m } = i18n
    const arabic = locale.apply({ language: 'ar' })
    const english = locale.apply({ language: 'en' })
    await Promise.all([arabic, english])
    expect(locale.language).toBe('en')
    expect(m.inbox_send()).toBe('Send')
  })

  it('says so when a message is asked for before any words were fetched', () => {
    expect(() => i18n.m.inbox_send()).toThrow(/before they were loaded/)
  })
})
