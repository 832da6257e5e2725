// The main flows in each interface language — inbox, send, search, contacts, media upload,
// campaign draft, settings — found by their words in that language's catalog, each view
// screenshotted (language-<lang>-<view>.png) and held to axe-core. In Arabic the document
// reads right to left, the sidebar sits on the right and numbers use Arabic-Indic digits;
// the language is switched in Settings, at once, keeping what was typed (no reload).
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { messagesFor, type Messages } from '../../src/shared/i18n/messages'
import { chromiumAvailable, type Environment, journeyWithAccount } from './helpers/environment'
import type { Language } from '../../src/shared/i18n/locale'
import { languages } from './helpers/languages'
import { dropFiles, expectNoSeriousA11y } from './helpers/page-checks'

declare const document: any
declare const window: any

let env: Environment
let page: Page

journeyWithAccount((journey) => ({ env, page } = journey))

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const noSeriousA11y = (name: string) => expectNoSeriousA11y(page, name)


describe.skipIf(!chromiumAvailable).each(languages)('the interface in $language', { timeout: 180_000 }, ({ language, digits, dir }) => {
  const t: Messages = messagesFor(language, digits)
  const shot = (view: string) => `language-${language}-${view}`
  const stamp = `${language}-${Date.now().toString(36)}`

  it('is chosen in Settings and takes effect at once: language, direction, the sidebar at the start of the line', async () => {
    // Chosen in Settings as a user would: it takes effect at once, no reload (and no page
    // load racing another journey's build of the interface).
    await page.keyboard.press('Control+5')
    const current = await page.evaluate(() => document.documentElement.lang)
    const before = messagesFor(current === 'ar' ? 'ar' : 'en', 'latin')
    await page.getByLabel(before.settings_language()).selectOption(language)
    await page.getByRole('heading', { level: 1, name: t.settings_title() }).waitFor()
    await page.getByRole('radio', { name: t.settings_digits_arabic() }).waitFor()
    await page.getByRole('radio', { name: digits === 'arabic' ? t.settings_digits_arabic() : t.settings_digits_latin() }).check()
    await expect
      .poll(async () => {
        const saved = await env.core.dispatch('settings-get', {})
        return saved.ok ? (saved.value as { language: string; digits: string }) : null
      })
      .toEqual(expect.objectContaining({ language, digits }))
    await page.getByRole('navigation', { name: t.sidebar_label() }).waitFor()
    expect(await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }))).toEqual({ lang: language, dir })
    const nav = await page.getByRole('navigation', { name: t.sidebar_label() }).boundingBox()
    const width = await page.evaluate(() => window.innerWidth)
    if (dir === 'rtl') expect(nav!.x).toBeGreaterThan(width / 2)
    else expect(nav!.x).toBeLessThan(width / 2)
  })

  it('reads the inbox and sends a reply', async () => {
    await page.keyboard.press('Control+1')
    const list = page.getByRole('listbox', { name: t.inbox_list_label() })
    await expect.poll(() => list.getByRole('option').count(), { timeout: 60_000 }).toBeGreaterThan(3)
    await list.getByRole('option').first().click()
    const thread = page.getByRole('log', { name: t.inbox_thread_label() })
    await expect.poll(() => thread.locator('.bubble').count()).toBeGreaterThan(0)
    // Names in either script start where the interface's lines start.
    const gaps = await page.evaluate((rtl: boolean) =>
      [...document.querySelectorAll('.conversation .name')].map((el: any) => {
        const range = document.createRange()
        range.selectNodeContents(el)
        const text = range.getBoundingClientRect()
        const box = el.getBoundingClientRect()
        return rtl ? box.right - text.right : text.left - box.left
      }),
    dir === 'rtl')
    expect(gaps.length).toBeGreaterThan(0)
    for (const gap of gaps) expect(gap).toBeLessThan(2)
    await noSeriousA11y(shot('inbox'))

    const text = `Reply ${stamp} — شكرًا لتواصلك`
    await page.getByRole('textbox', { name: t.inbox_reply() }).fill(text)
    await page.getByRole('button', { name: t.inbox_send(), exact: true }).click()
    await expect.poll(() => thread.locator('.bubble .text', { hasText: stamp }).count()).toBe(1)
    await expect.poll(() => thread.locator('.bubble', { hasText: stamp }).locator('.mark').getAttribute('data-mark'), { timeout: 60_000 }).not.toBe('pending')
    await noSeriousA11y(shot('sent'))
  })

  it('searches every message', async () => {
    await page.getByRole('searchbox', { name: t.search_label() }).fill(stamp)
    const hits = page.getByRole('listbox', { name: t.search_hits_label() })
    await expect.poll(() => hits.getByRole('option').count(), { timeout: 30_000 }).toBeGreaterThan(0)
    await expect.poll(() => page.locator('.search-results h3').last().textContent()).toContain(t.search_found({ n: 1 }))
    await noSeriousA11y(shot('search'))
    await page.getByRole('searchbox', { name: t.search_label() }).fill('')
  })

  it('shows contacts with a count in the chosen digits', async () => {
    await page.keyboard.press('Control+2')
    const list = page.getByRole('listbox', { name: t.contacts_list_label() })
    await expect.poll(() => list.getByRole('option').count()).toBeGreaterThan(0)
    await list.getByRole('option').first().click()
    await page.getByRole('article').getByRole('heading', { level: 3, name: t.contact_tags() }).waitFor()
    const counted = await page.locator('.list-count').textContent()
    expect(counted).toMatch(digits === 'arabic' ? /[٠-٩]/ : /[0-9]/)
    await noSeriousA11y(shot('contacts'))
  })

  it('uploads a dropped image to the media library', async () => {
    await page.keyboard.press('Control+3')
    await page.getByRole('list', { name: t.media_files() }).waitFor()
    await dropFiles(page, '.media-view', [{ name: `photo-${stamp}.png`, type: 'image/png', size: 0, png: true }])
    const uploads = page.getByRole('region', { name: t.uploads_title() })
    await expect.poll(() => uploads.locator('[data-phase="done"]').count(), { timeout: 60_000 }).toBe(1)
    await expect.poll(() => uploads.locator('[data-phase="done"] .tag').textContent()).toBe(t.uploads_done())
    await noSeriousA11y(shot('media'))
    await uploads.getByRole('button', { name: t.uploads_clear() }).click()
  })

  it('drafts a campaign', async () => {
    await page.keyboard.press('Control+4')
    await page.getByRole('button', { name: t.campaigns_new() }).click()
    const name = `Draft ${stamp}`
    await page.getByLabel(t.editor_name(), { exact: true }).fill(name)
    await page.getByLabel(t.editor_message(), { exact: true }).fill('عرض الربيع يبدأ غدًا')
    await page.getByRole('group', { name: t.audience_label() }).getByRole('group', { name: t.audience_lists() }).getByRole('checkbox').first().check()
    await expect.poll(() => page.locator('.audience-count').textContent()).toMatch(digits === 'arabic' ? /[١-٩]/ : /[1-9]/)
    await noSeriousA11y(shot('campaign-editor'))
    await page.getByRole('button', { name: t.editor_save() }).click()
    const campaigns = page.getByRole('listbox', { name: t.campaigns_list_label() })
    await expect.poll(() => campaigns.getByRole('option', { name: new RegExp(escape(name)) }).count(), { timeout: 30_000 }).toBe(1)
    await campaigns.getByRole('option', { name: new RegExp(escape(name)) }).click()
    await page.getByRole('heading', { level: 2, name }).waitFor()
    await noSeriousA11y(shot('campaign'))
  })

  it('switches the language in Settings at once, keeping what was typed', async () => {
    await page.keyboard.press('Control+5')
    await page.getByRole('heading', { level: 1, name: t.settings_title() }).waitFor()
    await noSeriousA11y(shot('settings'))
    const server = page.getByLabel(new RegExp(escape(t.add_server())))
    await server.fill('https://typed.example')

    const other: Language = language === 'en' ? 'ar' : 'en'
    const u = messagesFor(other, digits)
    await page.getByLabel(t.settings_language()).selectOption(other)
    await page.getByRole('heading', { level: 1, name: u.settings_title() }).waitFor()
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(other === 'ar' ? 'rtl' : 'ltr')
    expect(await page.getByLabel(new RegExp(escape(u.add_server()))).inputValue()).toBe('https://typed.example')
    await noSeriousA11y(shot('settings-switched'))

    // And back, without a reload either.
    await page.getByLabel(u.settings_language()).selectOption(language)
    await page.getByRole('heading', { level: 1, name: t.settings_title() }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language)
    expect(await server.inputValue()).toBe('https://typed.example')
    await server.fill('')
    expect(env.pageErrors).toEqual([])
  })
})
