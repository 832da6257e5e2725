// Journeys in real Chromium against the core in Node: first run with the demo account,
// then an account added by key, read everywhere — inbox, search, Ctrl+K, contacts, media,
// campaigns, settings — by keyboard where a person would, each view screenshotted and
// checked with axe-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { buildRenderer, chromiumAvailable, startEnvironment, untilEvent, type Environment } from './helpers/environment'
import { expectNoSeriousA11y, screenshot } from './helpers/page-checks'

// Callbacks passed to page.evaluate run in the page; these names are the page's own there.
// Declared in this module only, so the Node-side type check needs no DOM library.
declare const window: any
declare const document: any
declare const getComputedStyle: (el: unknown) => { direction: string }
declare const requestAnimationFrame: (callback: (time: number) => void) => number
declare const DataTransfer: any
declare const File: any

let env: Environment
let page: Page

beforeAll(async () => {
  if (!chromiumAvailable) return
  buildRenderer()
  env = await startEnvironment()
  page = env.page
}, 180_000)
afterAll(async () => env?.close())

/** The element is inside its scrolling container's visible part. */
async function inView(locator: ReturnType<Page['locator']>): Promise<boolean> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect()
    const scroller = el.closest('.virtual-scroller')?.getBoundingClientRect()
    return !!scroller && box.bottom > scroller.top && box.top < scroller.bottom
  })
}

const noSeriousA11y = (name: string) => expectNoSeriousA11y(page, name)

describe.skipIf(!chromiumAvailable)('first run and reading', { timeout: 180_000 }, () => {
  it('starts on the first-run screen and opens a demo account, showing its first sync', async () => {
    await page.goto(env.host.url)
    await page.getByRole('heading', { name: 'Welcome to SkyLight Desk' }).waitFor()
    await noSeriousA11y('01-first-run')

    await page.getByRole('button', { name: 'Try a demo account' }).click()
    // The first sync's progress per resource shows in the status strip while it runs (on a
    // busy machine it may be done before a first figure is drawn: then the inbox shows).
    await expect
      .poll(async () => (await page.locator('.progress-list li').count()) > 0 || (await page.locator('.conversation').count()) > 5, { timeout: 60_000 })
      .toBe(true)
    await screenshot(page, '02-first-sync')
    const demo = (await untilEvent(env, 'accounts-changed', (l) => l.accounts.some((a) => a.isDemo))).accounts.find((a) => a.isDemo)!
    await untilEvent(env, 'sync-status', (s) => s.accountId === demo.id && s.firstSyncDone, 60_000)
    await expect.poll(() => page.locator('.conversation').count(), { timeout: 60_000 }).toBeGreaterThan(5)
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Last synced' }).textContent()).toMatch(/just now|min ago/)
    await screenshot(page, '03-inbox-demo')
  })

  it('adds an account by key in Settings: a wrong key is refused with the core’s message, the right one syncs', async () => {
    await page.keyboard.press('Control+5')
    await page.getByRole('heading', { name: 'Settings' }).waitFor()
    await page.getByLabel('API key').fill('sk_test_not_a_real_key')
    await page.getByLabel(/Server address/).fill(env.sandbox.url)
    await page.getByRole('button', { name: 'Add account' }).click()
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/did not accept|key/i)

    await page.getByLabel('API key').fill(env.sandbox.accounts[0]!.apiKey)
    await page.getByRole('button', { name: 'Add account' }).click()
    const added = await untilEvent(env, 'accounts-changed', (l) => l.accounts.some((a) => !a.isDemo && a.baseUrl.startsWith(env.sandbox.url)))
    const account = added.accounts.find((a) => !a.isDemo)!
    await untilEvent(env, 'sync-status', (s) => s.accountId === account.id && s.firstSyncDone, 60_000)
    await expect.poll(() => page.getByLabel('Account', { exact: true }).inputValue()).toBe(account.id)
    await noSeriousA11y('04-settings')
  })

  it('reads the inbox from the keyboard: arrows open conversations, Arabic reads right to left', async () => {
    await page.keyboard.press('Control+1')
    const list = page.getByRole('listbox', { name: 'Conversations, newest first' })
    await list.waitFor()
    await expect.poll(() => list.getByRole('option').count()).toBeGreaterThan(5)
    // The sidebar's unread badge is the core's count over the whole account, not the rows
    // loaded; opening a conversation with unread messages clears them from it.
    const unreadTotal = async () => ((await env.core.dispatch('unread-counts', {})) as { ok: true; value: { total: number } }).value.total
    const badge = page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /Inbox/ }).locator('.badge').first()
    await expect.poll(async () => Number((await badge.textContent()) ?? 0) === (await unreadTotal()) && (await unreadTotal()) > 0).toBe(true)
    const loaded = async () => ((await env.core.dispatch('conversations-page', { limit: 50 })) as { ok: true; value: { items: { contactId: number; name: string; unreadCount: number }[] } }).value.items
    const unreadOne = (await loaded()).find((c) => c.unreadCount > 0)!
    await list.getByRole('option').filter({ hasText: unreadOne.name }).first().click()
    await expect.poll(() => list.getByRole('option', { selected: true }).locator('.badge').count()).toBe(0)
    await expect.poll(async () => (await loaded()).find((c) => c.contactId === unreadOne.contactId)?.unreadCount).toBe(0)
    await expect.poll(async () => Number((await badge.textContent()) ?? 0) === (await unreadTotal())).toBe(true)
    await screenshot(page, '05a-inbox-read-clears-badge')

    await list.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => list.getByRole('option', { selected: true }).count()).toBe(1)
    const thread = page.getByRole('log', { name: 'Messages, oldest first' })
    await expect.poll(() => thread.locator('.bubble').count()).toBeGreaterThan(0)
    // Every message and name is laid out by its own text direction.
    expect(await thread.locator('.bubble .text').first().getAttribute('dir')).toBe('auto')
    const arabic = await page.evaluate(() =>
      [...document.querySelectorAll('[dir="auto"]')].some((el) => /[\u0600-\u06FF]/.test(el.textContent ?? '') && getComputedStyle(el).direction === 'rtl'),
    )
    const anyArabic = await page.evaluate(() => /[\u0600-\u06FF]/.test(document.body.textContent ?? ''))
    if (anyArabic) expect(arabic).toBe(true)
    // …but an Arabic name in the English list starts where the English ones do, at the left.
    const offsets = await page.evaluate(() =>
      [...document.querySelectorAll('.conversation .name')].map((el) => {
        const range = document.createRange()
        range.selectNodeContents(el)
        return { arabic: /[\u0600-\u06FF]/.test(el.textContent ?? ''), gap: range.getBoundingClientRect().left - el.getBoundingClientRect().left }
      }),
    )
    expect(offsets.some((o) => o.arabic)).toBe(true)
    for (const o of offsets) expect(o.gap).toBeLessThan(2)
    await noSeriousA11y('05-inbox')
  })

  it('searches every message offline-capable, highlights hits and jumps to one in its thread', async () => {
    // A word that certainly occurs: taken from a stored message.
    const first = await env.core.dispatch('conversations-page', { limit: 5 })
    const contactId = (first as { ok: true; value: { items: { contactId: number }[] } }).value.items[3]!.contactId
    const thread = (await env.core.dispatch('thread-page', { contactId, limit: 50 })) as { ok: true; value: { items: { content: string | null }[] } }
    const word = thread.value.items
      .flatMap((m) => (m.content ?? '').split(/\s+/))
      .map((w) => w.replace(/[^\p{L}]/gu, ''))
      .find((w) => w.length >= 5)!
    await page.getByLabel('Search all messages').fill(word)
    const hits = page.getByRole('listbox', { name: 'Messages that match' })
    await expect.poll(() => hits.getByRole('option').count()).toBeGreaterThan(0)
    await expect.poll(() => hits.locator('mark').first().isVisible()).toBe(true)
    await hits.focus()
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.locator('.bubble.highlighted').count()).toBe(1)
    await expect.poll(() => inView(page.locator('.bubble.highlighted'))).toBe(true)
    await noSeriousA11y('06-inbox-search')
    await page.getByLabel('Search all messages').fill('')
  })

  it('jumps anywhere with Ctrl+K', async () => {
    const contacts = (await env.core.dispatch('contacts-page', { limit: 3 })) as { ok: true; value: { items: { id: number; name: string }[] } }
    const target = contacts.value.items[2]!
    await page.keyboard.press('Control+k')
    const box = page.getByRole('combobox', { name: 'Name, phone or email' })
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true)
    await box.fill(target.name.split(' ')[0]!)
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0)
    await screenshot(page, '07-palette')
    await page.keyboard.press('Shift+Enter')
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().isVisible()).toBe(true)
    await expect.poll(() => page.locator('nav [aria-current="page"]').textContent()).toMatch(/Contacts/)
  })

  it('filters contacts by list and shows a contact with its tags, lists, segments and notes', async () => {
    await page.keyboard.press('Control+2')
    const lists = await env.core.dispatch('groups-list', {})
    const list = (lists as { ok: true; value: { lists: { id: number; name: string }[] } }).value.lists[0]!
    await page.getByLabel('List', { exact: true }).selectOption(String(list.id))
    const listbox = page.getByRole('listbox', { name: 'Contacts by name' })
    await expect.poll(() => listbox.getByRole('option').count()).toBeGreaterThan(0)
    await listbox.focus()
    await page.keyboard.press('ArrowDown')
    const detail = page.getByRole('article')
    await expect.poll(() => detail.getByRole('region', { name: 'Lists' }).textContent()).toMatch(list.name)
    await expect.poll(() => detail.getByRole('checkbox', { name: /Blacklisted/ }).isVisible()).toBe(true)
    await noSeriousA11y('08-contacts')
  })

  it('shows the media library with real thumbnails from the local cache, filters it, and previews an image', async () => {
    await page.keyboard.press('Control+3')
    const grid = page.getByRole('list', { name: 'Media files' })
    await expect.poll(() => grid.locator('img[src^="data:image/"]').count(), { timeout: 60_000 }).toBeGreaterThan(3)
    await noSeriousA11y('09-media')
    await page.getByRole('button', { name: 'Videos' }).click()
    await expect.poll(() => grid.locator('.tile').count()).toBeGreaterThan(0)
    await expect.poll(() => grid.locator('img').count()).toBe(0)
    await page.getByRole('button', { name: 'Images' }).click()
    // The grid keeps the videos on screen until the images arrive; wait for them to go.
    await expect.poll(() => grid.locator('.file-icon', { hasText: '▶' }).count()).toBe(0)
    await expect.poll(() => grid.locator('img').count()).toBeGreaterThan(0)
    await grid.locator('.thumb').first().focus()
    await page.keyboard.press('Enter')
    const preview = page.getByRole('dialog')
    await expect.poll(() => preview.locator('img').getAttribute('src', { timeout: 1000 }).catch(() => null), { timeout: 60_000 }).toMatch(/^blob:/)
    await screenshot(page, '10-media-preview')
    await page.keyboard.press('Escape')
    await expect.poll(() => preview.count()).toBe(0)
    await page.getByRole('button', { name: 'All', exact: true }).click()
  })

  it('shows campaigns with status and progress, one in detail with its delivery table, and counts an audience live', async () => {
    await page.keyboard.press('Control+4')
    const list = page.getByRole('listbox', { name: 'Campaigns, newest first' })
    await expect.poll(() => list.getByRole('option').count()).toBeGreaterThan(0)
    const started = await env.core.dispatch('campaigns-list', {})
    const items = (started as { ok: true; value: { items: { id: number; status: string }[] } }).value.items
    const index = Math.max(0, items.findIndex((c) => c.status !== 'draft'))
    await list.focus()
    for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.getByRole('definition').first().isVisible()).toBe(true)
    await expect.poll(() => page.getByRole('heading', { name: 'Delivery per contact' }).isVisible()).toBe(true)
    await noSeriousA11y('11-campaigns')

    await page.getByRole('button', { name: 'New campaign' }).click()
    await page.getByRole('group', { name: 'Audience' }).getByRole('checkbox').first().check()
    await expect.poll(() => page.locator('.audience-count').textContent()).toMatch(/^[1-9][\d,]* unique recipients?/)
    await noSeriousA11y('12-campaign-editor')
    await page.getByRole('button', { name: 'Cancel' }).click()
  })

  it('opens the outbox panel and keeps the CSP: no console errors anywhere', async () => {
    await page.getByRole('button', { name: /Outbox/ }).click()
    await expect.poll(() => page.getByRole('complementary', { name: 'Outbox' }).isVisible()).toBe(true)
    await noSeriousA11y('13-outbox')
    await page.getByRole('button', { name: 'Close the outbox' }).click()
    expect(env.pageErrors.filter((e) => !/unknown-method|cannot do that yet/i.test(e))).toEqual([])
  })
})
