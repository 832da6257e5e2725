// The inbox read closely, in real Chromium against the core in Node: a search that says
// how many messages match and pages through all of them, narrowed by channel, contact and
// day; a thread with a time per burst, day separators, "Jump to latest" with the count of
// what arrived, the contact beside it; a contact with no conversation named in the title;
// the palette, the skip link and the media grid from the keyboard — each view photographed
// and checked with axe.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { chromiumAvailable, type Environment, journeyWithAccount } from './helpers/environment'
import { checkView, expectNoSeriousA11y, screenshot } from './helpers/page-checks'

// Callbacks passed to page.evaluate run in the page; these names are the page's own there.
declare const document: any
declare const getComputedStyle: (el: unknown) => { opacity: string }

let env: Environment
let page: Page

journeyWithAccount((journey) => ({ env, page } = journey))

async function dispatch<T>(method: string, input: unknown): Promise<T> {
  const result = await env.core.dispatch(method as never, input as never)
  if (!result.ok) throw new Error(result.error.message)
  return result.value as T
}

const noSeriousA11y = (name: string) => expectNoSeriousA11y(page, name)

const focusedText = () => page.evaluate(() => (document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '').trim())

describe.skipIf(!chromiumAvailable)('inbox: search and thread', { timeout: 180_000 }, () => {
  // More hits than one page: 75 new messages with one word, 40 of them in one conversation
  // (long enough to scroll up in), each on two lines.
  const word = 'parcel'
  let total = 0
  let contactId = 0

  it('says how many messages match in all and pages through every one', async () => {
    const { items } = await dispatch<{ items: { contactId: number }[] }>('conversations-page', { limit: 3 })
    const sandboxId = env.sandbox.accounts[0]!.id
    contactId = items[0]!.contactId
    for (const [i, count] of [40, 20, 15].entries()) {
      for (let n = 0; n < count; n++) {
        env.sandbox.control.injectInbound({ accountId: sandboxId, contactId: items[i]!.contactId, content: `Your parcel ${n} is on its way\nTracking number follows` })
      }
    }
    await dispatch('sync-now', { kind: 'poll' })
    await expect.poll(async () => (total = (await dispatch<{ total: number }>('search-count', { query: word })).total), { timeout: 60_000 }).toBeGreaterThanOrEqual(75)

    await page.keyboard.press('Control+1')
    await page.getByLabel('Search all messages').fill(word)
    await expect.poll(() => page.locator('.search-count').textContent(), { timeout: 30_000 }).toBe(`${total.toLocaleString('en')} found`)
    const hits = page.getByRole('listbox', { name: 'Messages that match' })
    await expect.poll(() => hits.getByRole('option').first().getAttribute('aria-setsize')).toBe('50')
    // Scrolling to the end reads the next pages, up to every hit.
    await expect
      .poll(
        async () => {
          await hits.evaluate((el: any) => (el.scrollTop = el.scrollHeight))
          return Number(await hits.getByRole('option').last().getAttribute('aria-setsize'))
        },
        { timeout: 60_000 },
      )
      .toBe(total)
    // Each hit keeps to its row: its snippet is cut at two lines, never spilling into the next.
    const overflow = await hits.evaluate((el: any) =>
      [...el.querySelectorAll('.hit')].some((hit: any) => {
        const snippet = hit.querySelector('.snippet').getBoundingClientRect()
        return snippet.bottom > hit.getBoundingClientRect().bottom + 0.5
      }),
    )
    expect(overflow).toBe(false)
    await noSeriousA11y('60-search-count')
  })

  it('narrows the search by channel, day and contact, with the count to match', async () => {
    const channels = await dispatch<{ channels: { type: string }[] }>('channels-list', {})
    const channel = channels.channels[0]!.type
    const byChannel = (await dispatch<{ total: number }>('search-count', { query: word, channel })).total
    await page.getByLabel('Channel', { exact: true }).selectOption(channel)
    await expect.poll(() => page.locator('.search-count').textContent()).toMatch(new RegExp(`^${byChannel.toLocaleString('en')} found$`))

    // From tomorrow on: nothing can match, and the page says so.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
    await page.getByLabel('From', { exact: true }).fill(tomorrow)
    await expect.poll(() => page.locator('.search-results .empty').textContent()).toMatch(/with these filters/)
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect.poll(() => page.locator('.search-count').textContent()).toBe(`${total.toLocaleString('en')} found`)

    // A contact's messages only, from a contact hit.
    const first = (await dispatch<{ messages: { contactId: number; contactName: string }[] }>('search', { query: word, limit: 1 })).messages[0]!
    const theirs = (await dispatch<{ total: number }>('search-count', { query: word, contactId: first.contactId })).total
    await page.getByLabel('Search all messages').fill(`${first.contactName.split(' ')[0]}`)
    const only = page.getByRole('button', { name: `Search only messages with ${first.contactName}` })
    await expect.poll(() => only.count()).toBeGreaterThan(0)
    await only.first().click()
    await page.getByLabel('Search all messages').fill(word)
    await expect.poll(() => page.locator('.search-count').textContent()).toMatch(new RegExp(`^${theirs.toLocaleString('en')} found$`))
    await noSeriousA11y('61-search-filters')
    await page.getByLabel('Search all messages').fill('')
  })

  it('shows the hits of the last letter typed in every row, and opens the one chosen from the keyboard', async () => {
    type Hit = { contactName: string; snippet: { text: string }[] }
    await page.keyboard.press('Control+1')
    const box = page.getByLabel('Search all messages')
    const hits = page.getByRole('listbox', { name: 'Messages that match' })
    // Rows are reused from one keystroke to the next: each must show its own new hit.
    const shown = () =>
      hits.evaluate((el: any) =>
        [...el.querySelectorAll('.virtual-row')]
          .sort((a: any, b: any) => Number(a.dataset.index) - Number(b.dataset.index))
          .map((row: any) => `${row.querySelector('.name').textContent}|${row.querySelector('.snippet').textContent}`),
      )
    const expected = async (query: string) =>
      (await dispatch<{ messages: Hit[] }>('search', { query, limit: 50 })).messages.map((hit) => `${hit.contactName}|${hit.snippet.map((p) => p.text).join('')}`)
    const agrees = async (query: string) => {
      const want = await expected(query)
      await expect.poll(async () => {
        const rows = await shown()
        return rows.length > 0 && rows.every((row, i) => row === want[i]) ? 'ok' : JSON.stringify({ rows: rows.slice(0, 3), want: want.slice(0, 3) })
      }).toBe('ok')
      return want
    }
    // Another word's hits first (a word of a conversation's last message, not a parcel's), then the word a letter at a time.
    const { items } = await dispatch<{ items: { lastMessage: string | null }[] }>('conversations-page', { limit: 50 })
    const other = items
      .filter((item) => !/parcel/i.test(item.lastMessage ?? ''))
      .flatMap((item) => item.lastMessage?.match(/\p{L}{6,}/gu) ?? [])
      .find((w) => !/parcel|tracking|number|follows/i.test(w))!
    // Escape clears the words and the filters the search before this one left.
    await box.press('Escape')
    await box.fill(other)
    const before = await agrees(other)
    expect(before.some((row) => /parcel/i.test(row))).toBe(false)
    await box.fill('')
    await box.pressSequentially(word)
    await agrees(word)

    // ↓ ↓ opens the second hit's conversation; Enter keeps it open.
    const answer = (await dispatch<{ messages: Hit[] }>('search', { query: word, limit: 50 })).messages
    await hits.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.thread-head h2').textContent()).toBe(answer[1]!.contactName)
    await expect.poll(() => hits.getAttribute('aria-activedescendant')).toBe('hit-1')
    await box.fill('')
  })

  it('brings the conversation list back where it was left when the search is cleared', async () => {
    await page.keyboard.press('Control+1')
    const list = page.getByRole('listbox', { name: 'Conversations, newest first' })
    // Halfway down, a whole number of pixels.
    const place = await list.evaluate((el: any) => Math.floor((el.scrollHeight - el.clientHeight) / 2))
    expect(place).toBeGreaterThan(300)
    await list.evaluate((el: any, top: number) => el.scrollTo({ top }), place)
    await expect.poll(() => list.evaluate((el: any) => el.scrollTop)).toBe(place)
    // Rows are 60 px (ConversationList): the first whole row in view.
    const firstShown = Math.floor(place / 60) + 1
    const topRow = () => list.evaluate((el: any, i: number) => el.querySelector(`.virtual-row[data-index="${i}"] .name`)?.textContent ?? null, firstShown)
    const before = await topRow()
    expect(before).not.toBeNull()
    // Hidden meanwhile, the list keeps its rows: the same elements come back (those in view;
    // the ones rendered beyond it vary with the scroll's own state).
    const marked = (mark: boolean) =>
      // By CSS: a role locator does not find the list while it is hidden.
      page.locator('[aria-label="Conversations, newest first"]').evaluate(
        (el: any, [first, mark]: [number, boolean]) => {
          const inView = [...el.querySelectorAll('.virtual-row')].filter((row: any) => {
            const i = Number(row.dataset.index)
            return i >= first && i < first + 8
          })
          if (mark) for (const row of inView) row.dataset.kept = 'yes'
          return `${inView.filter((row: any) => row.dataset.kept === 'yes').length} of ${inView.length}`
        },
        [firstShown, mark] as [number, boolean],
      )
    const rows = await marked(true)
    expect(rows).toBe('8 of 8')
    const box = page.getByLabel('Search all messages')
    await box.fill(word)
    await page.getByRole('listbox', { name: 'Messages that match' }).getByRole('option').first().waitFor()
    expect(await list.isVisible()).toBe(false)
    expect(await marked(false)).toBe(rows)
    await box.press('Escape')
    await list.waitFor()
    expect(await list.evaluate((el: any) => el.scrollTop)).toBe(place)
    await expect.poll(topRow).toBe(before)
    expect(await marked(false)).toBe(rows)
  })

  it('starts a new word at its first hit, not where the last word’s hits were scrolled to', async () => {
    await page.keyboard.press('Control+1')
    const box = page.getByLabel('Search all messages')
    const hits = page.getByRole('listbox', { name: 'Messages that match' })
    for (const next of [word.slice(0, -1), word]) {
      const firstHitInView = () =>
        hits.evaluate((el: any, q: string) => {
          const row = el.querySelector('.virtual-row[data-index="0"]')
          return el.scrollTop === 0 && row !== null && row.getBoundingClientRect().top >= el.getBoundingClientRect().top ? 'yes' : `${q} at ${el.scrollTop}`
        }, next)
      await box.fill(word)
      await hits.getByRole('option').first().waitFor()
      await hits.evaluate((el: any) => (el.scrollTop = el.scrollHeight))
      await expect.poll(() => hits.evaluate((el: any) => el.scrollTop)).toBeGreaterThan(300)
      // Emptied first (the hits stay built, unseen), or changed in place.
      if (next === word) await box.fill('')
      await box.fill(next)
      await expect.poll(firstHitInView).toBe('yes')
      expect(await hits.getByRole('option').first().getAttribute('aria-posinset')).toBe('1')
    }
    await box.fill('')
    expect(await hits.isVisible()).toBe(false)
  })

  it('shows a thread with a time per burst, day separators and the contact beside it', async () => {
    const detail = await dispatch<{ name: string; phone: string | null }>('contact-get', { id: contactId })
    await page.keyboard.press('Control+k')
    await page.getByRole('combobox', { name: 'Name, phone or email' }).fill(detail.phone ?? detail.name)
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0)
    await page.keyboard.press('Enter')

    const log = page.getByRole('log', { name: 'Messages, oldest first' })
    await expect.poll(() => log.locator('.bubble').count()).toBeGreaterThan(5)
    // The 40 new ones came today: "Today" stands above them, another day's separator above older ones.
    await expect.poll(async () => {
      await log.evaluate((el: any) => (el.scrollTop = 0))
      return log.locator('.day-separator').count()
    }).toBeGreaterThan(0)
    expect(await log.locator('.day-separator').first().textContent()).toMatch(/Today|Yesterday|\d/)
    // Every bubble carries its time; a burst (the 40 that just came) shows it once, under its last.
    // Counted in one go: older pages may still be arriving above.
    const counts = await log.evaluate((el: any) => ({
      bubbles: el.querySelectorAll('.bubble').length,
      times: el.querySelectorAll('.bubble time').length,
      shown: el.querySelectorAll('.bubble time:not(.visually-hidden)').length,
    }))
    expect(counts.times).toBe(counts.bubbles)
    expect(counts.shown).toBeLessThan(counts.bubbles)
    await log.evaluate((el: any) => (el.scrollTop = el.scrollHeight))
    await expect.poll(() => log.locator('.bubble').last().locator('time:not(.visually-hidden)').count()).toBe(1)
    const aside = page.getByRole('complementary', { name: 'Contact details' })
    await expect.poll(() => aside.textContent()).toMatch(/Phone/)
    if (detail.phone) expect(await aside.textContent()).toContain(detail.phone)
    await noSeriousA11y('62-thread-contact')

    await page.getByRole('button', { name: 'Hide contact details' }).click()
    await expect.poll(() => aside.isVisible()).toBe(false)
    await page.getByRole('button', { name: 'Contact details', exact: true }).click()
    await expect.poll(() => aside.isVisible()).toBe(true)
  })

  it('keeps the place while new messages arrive, counting them on a “Jump to latest” reached by keyboard', async () => {
    const log = page.getByRole('log', { name: 'Messages, oldest first' })
    await log.evaluate((el: any) => (el.scrollTop = 0))
    const jump = page.getByRole('button', { name: /Jump to latest/ })
    await expect.poll(() => jump.count()).toBe(1)
    const sandboxId = env.sandbox.accounts[0]!.id
    env.sandbox.control.injectInbound({ accountId: sandboxId, contactId, content: 'First new one while you read' })
    env.sandbox.control.injectInbound({ accountId: sandboxId, contactId, content: 'Second new one while you read' })
    await dispatch('sync-now', { kind: 'poll' })
    await expect.poll(() => jump.textContent(), { timeout: 60_000 }).toMatch(/2 new/)
    // Still reading at the top.
    expect(await log.evaluate((el: any) => el.scrollTop)).toBeLessThan(300)
    await screenshot(page, '63-thread-jump-latest')
    expect((await checkView(page, '63-thread-jump-latest')).map((f) => f.id)).toEqual([])

    // From the keyboard: Tab reaches the button from the thread, Enter jumps.
    await log.focus()
    for (let i = 0; i < 3 && !/Jump to latest/.test(await focusedText()); i++) await page.keyboard.press('Tab')
    expect(await focusedText()).toMatch(/Jump to latest/)
    await page.keyboard.press('Enter')
    await expect.poll(() => jump.count()).toBe(0)
    await expect.poll(() => log.locator('.bubble', { hasText: 'Second new one while you read' }).isVisible()).toBe(true)
  })

  it('a reply waiting to send reads at full contrast (WCAG AA), told apart by its border and mark', async () => {
    await env.sandbox.control.setOffline(true)
    await dispatch('sync-now', { kind: 'poll' }).catch(() => undefined)
    const text = 'Waiting for the connection — سأرد قريباً'
    await page.getByRole('textbox', { name: 'Reply' }).fill(text)
    await page.keyboard.press('Enter')
    const bubble = page.locator('.bubble', { hasText: text })
    await expect.poll(() => bubble.locator('.mark').getAttribute('data-mark')).toBe('pending')
    expect(await bubble.evaluate((el: any) => getComputedStyle(el).opacity)).toBe('1')
    await noSeriousA11y('64-thread-pending-reply')
    await env.sandbox.control.setOffline(false)
    await dispatch('sync-now', { kind: 'poll' }).catch(() => undefined)
    await expect.poll(() => bubble.locator('.mark').getAttribute('data-mark'), { timeout: 60_000 }).not.toBe('pending')
  })

  it('names a contact without a conversation in the title when opened from Ctrl+K', async () => {
    // A contact just added has no conversation (and no message) yet.
    await dispatch('contact-create', { name: 'Nour Haddad Journey', phone: '+962790001234', type: 'whatsapp' })
    await page.keyboard.press('Control+k')
    await page.getByRole('combobox', { name: 'Name, phone or email' }).fill('Nour Haddad Journey')
    // The inbox's own list has options too: wait for the palette to show the new contact first.
    const palette = page.getByRole('dialog')
    await expect.poll(() => palette.getByRole('option').first().textContent()).toContain('Nour Haddad Journey')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.thread-head h2').textContent()).toBe('Nour Haddad Journey')
    await screenshot(page, '65-thread-new-contact')
  })
})

describe.skipIf(!chromiumAvailable)('keyboard and screen readers across views', { timeout: 180_000 }, () => {
  it('palette: no nested buttons, Escape gives the focus back to what opened it', async () => {
    const search = page.getByLabel('Search all messages')
    await search.focus()
    await page.keyboard.press('Control+k')
    await page.getByRole('combobox', { name: 'Name, phone or email' }).fill('a')
    await expect.poll(() => page.getByRole('dialog').getByRole('option').count()).toBeGreaterThan(0)
    expect(await page.locator('[role="option"] button').count()).toBe(0)
    await noSeriousA11y('66-palette')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true)
  })

  it('every view has one h1 and a skip link first in the Tab order', async () => {
    for (const [key, name] of [
      ['1', 'Inbox'],
      ['2', 'Contacts'],
      ['3', 'Media'],
      ['4', 'Campaigns'],
      ['5', 'Settings'],
    ] as const) {
      await page.keyboard.press(`Control+${key}`)
      await expect.poll(() => page.getByRole('heading', { level: 1 }).allTextContents()).toEqual([name])
    }
    await page.keyboard.press('Control+1')
    // The skip link is the first thing Tab reaches in the page, and shows when focused.
    const first = await page.evaluate(() => document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')?.textContent?.trim())
    expect(first).toBe('Skip to content')
    const skip = page.getByRole('link', { name: 'Skip to content' })
    await skip.focus()
    expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('content')
  })

  it('media: one Tab stop for the grid, arrows move between files, the tile’s actions by F2 and Delete', async () => {
    await page.keyboard.press('Control+3')
    const grid = page.getByRole('list', { name: 'Media files' })
    await expect.poll(() => grid.locator('.tile').count(), { timeout: 60_000 }).toBeGreaterThan(3)
    expect(await grid.locator('[tabindex="0"], button:not([tabindex])').count()).toBe(1)
    await grid.locator('[data-tile][tabindex="0"]').focus()
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset'))).toBe('2')
    // Tab leaves the grid at once: the next stop is not another tile or its buttons.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => !!document.activeElement?.closest('.media-grid'))).toBe(false)
    await page.keyboard.press('Shift+Tab')
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset'))).toBe('2')
    // End and Home scroll the grid to the last and the first file shown, and focus them.
    const posinset = () => page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-posinset'))
    const setsize = await grid.locator('.tile').first().getAttribute('aria-setsize')
    await page.keyboard.press('End')
    await expect.poll(posinset).toBe(setsize)
    await page.keyboard.press('Home')
    await expect.poll(posinset).toBe('1')
    await expect.poll(() => page.evaluate(() => document.querySelector('.media-scroll')?.scrollTop)).toBe(0)
    await noSeriousA11y('67-media-grid')
  })
})
