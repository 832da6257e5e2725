// @vitest-environment jsdom
// Only the chosen language's words are fetched, the other views' with them once wanted, and a
// choice shows once they are here: never a frame half in one language, and the last choice
// wins over one still fetching. A fresh
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

  it('says so when a message is asked for before its words were fetched', async () => {
    expect(() => i18n.m.inbox_send()).toThrow(/before its words were loaded/)
    await i18n.locale.apply({ language: 'en' })
    expect(() => i18n.m.tickets_title()).toThrow(/before its words were loaded/)
  })

  it('adds the other views\' words, and a later switch brings both parts in the new language', async () => {
    const { locale, m } = i18n
    await locale.apply({ language: 'en' })
    await locale.addViews()
    expect(m.tickets_title()).toBe('Support')
    const switching = locale.apply({ language: 'ar' })
    expect(m.tickets_title()).toBe('Support')
    await switching
    expect(m.inbox_send()).toBe('إرسال')
    expect(m.tickets_title()).not.toBe('Support')
  })

  it('keeps a language choice made while the views\' words are on their way', async () => {
    const { locale, m } = i18n
    await locale.apply({ language: 'en' })
    const views = locale.addViews()
    const arabic = locale.apply({ language: 'ar' })
    await Promise.all([views, arabic])
    expect(locale.language).toBe('ar')
    expect(m.inbox_send()).toBe('إرسال')
    expect(m.tickets_title()).not.toBe('Support')
  })
})
