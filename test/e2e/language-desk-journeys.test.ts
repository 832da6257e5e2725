// The business views — account, support tickets, bookings, web chat, AI agents, knowledge
// base, voice — in each interface language, found by their words in that language's
// catalog, each screenshotted (language-<lang>-<view>.png) and held to axe-core. In Arabic
// they read right to left: a tab row and the Earlier/Later arrows run from the right, and
// counts use Arabic-Indic digits.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { messagesFor, type Messages } from '../../src/shared/i18n/messages'
import { chromiumAvailable, type Environment, journeyWithAccount } from './helpers/environment'
import { languages } from './helpers/languages'
import { expectNoSeriousA11y } from './helpers/page-checks'

declare const document: any

let env: Environment
let page: Page

journeyWithAccount((journey) => ({ env, page } = journey))

const noSeriousA11y = (name: string) => expectNoSeriousA11y(page, name)


describe.skipIf(!chromiumAvailable).each(languages)('the business views in $language', { timeout: 180_000 }, ({ language, digits, dir }) => {
  const t: Messages = messagesFor(language, digits)
  const shot = (view: string) => `language-${language}-${view}`
  const go = (label: string) => page.getByRole('navigation', { name: t.sidebar_label() }).getByRole('button', { name: label, exact: true }).click()
  /** Whether `a` sits before `b` in the reading direction. */
  const before = async (a: string, b: string) => {
    const [x, y] = [await page.locator(a).boundingBox(), await page.locator(b).boundingBox()]
    return dir === 'rtl' ? x!.x > y!.x : x!.x < y!.x
  }

  it('opens in the chosen language', async () => {
    expect((await env.core.dispatch('settings-set', { language, digits })).ok).toBe(true)
    await page.goto(env.host.url)
    await page.getByRole('navigation', { name: t.sidebar_label() }).waitFor()
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(dir)
  })

  it('shows the account’s plan and channels, the tabs in reading order', async () => {
    await go(t.view_account())
    await page.getByRole('heading', { name: t.account_plan(), exact: true }).waitFor()
    await expect.poll(() => page.getByRole('progressbar').count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(4)
    expect(await before('#account-tab-profile', '#account-tab-channels')).toBe(true)
    await noSeriousA11y(shot('account'))
    await page.getByRole('tab', { name: t.account_tab_channels() }).click()
    await page.getByRole('heading', { name: t.channel_whatsapp() }).waitFor()
    await noSeriousA11y(shot('channels'))
  })

  it('opens a support ticket', async () => {
    await go(t.view_tickets())
    await page.getByRole('button', { name: t.tickets_new() }).click()
    const subject = language === 'ar' ? 'الفاتورة لا تظهر' : 'Invoice missing'
    await page.getByLabel(t.tickets_subject()).fill(subject)
    await page.getByLabel(t.tickets_first_message()).fill(language === 'ar' ? 'لم تصلني فاتورة هذا الشهر.' : 'This month’s invoice never came.')
    await page.getByRole('button', { name: t.tickets_open() }).click()
    await page.getByRole('heading', { level: 2, name: subject }).waitFor()
    await page.getByRole('list', { name: t.tickets_replies() }).waitFor()
    // "إغلاق التذكرة" is wider than "Close ticket": the button keeps its words on one line.
    const close = page.getByRole('button', { name: t.tickets_close(), exact: true })
    await close.waitFor()
    const lines = await close.evaluate((el: unknown) => {
      const range = document.createRange()
      range.selectNodeContents(el)
      return new Set([...range.getClientRects()].map((r: { top: number }) => Math.round(r.top))).size
    })
    expect(lines).toBe(1)
    await noSeriousA11y(shot('ticket'))
  })

  it('shows the week’s bookings, Earlier before Later in reading order', async () => {
    await go(t.view_bookings())
    await page.getByRole('heading', { level: 2, name: t.bookings_title() }).waitFor()
    await page.getByRole('button', { name: t.bookings_range_week() }).click()
    expect(await before(`button[aria-label="${t.bookings_earlier()}"]`, `button[aria-label="${t.bookings_later()}"]`)).toBe(true)
    await noSeriousA11y(shot('bookings'))
  })

  it('lists the website’s chat sessions', async () => {
    // The inbox's button also carries its unread count: its shortcut is the sure way there.
    await page.keyboard.press('Control+1')
    await page.getByRole('button', { name: new RegExp(`^${t.inbox_web_chat()}`) }).click()
    const list = page.getByRole('list', { name: t.webchat_list_label() })
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 60_000 }).toBeGreaterThan(0)
    await list.getByRole('listitem').first().getByRole('button').click()
    await page.getByRole('list', { name: t.webchat_messages() }).waitFor()
    await noSeriousA11y(shot('web-chat'))
  })

  it('starts a new AI agent', async () => {
    await go(t.view_ai_agents())
    await page.getByRole('button', { name: t.agents_new() }).click()
    await page.getByRole('heading', { name: t.agents_form_new() }).waitFor()
    await page.getByRole('group', { name: t.agents_guidelines() }).waitFor()
    await noSeriousA11y(shot('ai-agent'))
  })

  it('shows the knowledge base and the voice settings', async () => {
    await go(t.view_knowledge_base())
    await page.getByRole('heading', { level: 2, name: t.kb_title() }).waitFor()
    await expect.poll(() => page.getByRole('list', { name: t.kb_list_label() }).getByRole('listitem').count(), { timeout: 60_000 }).toBeGreaterThan(0)
    await noSeriousA11y(shot('knowledge-base'))
    await go(t.view_voice())
    await page.getByRole('heading', { level: 3, name: t.voice_settings() }).waitFor()
    await noSeriousA11y(shot('voice'))
  })
})
