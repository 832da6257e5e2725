// The offline journey in real Chromium: read and reply online, lose the connection, keep
// working — reply, drop three files (one over 50 MB, refused with a message), draft a
// campaign for a list — come back online and see everything carried out exactly once
// (the sandbox's request log), then start the campaign and watch its delivery progress.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { RequestLogEntry } from '../../src/sandbox/http/request-log'
import { actedRequests, chromiumAvailable, type Environment, journeyWithAccount, untilEvent } from './helpers/environment'
import { checkView, dropFiles, screenshot } from './helpers/page-checks'

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
let accountId: string
const reply = 'Thanks, we will ship it today — شكراً'
const offlineReply = 'Sent while offline: your order is ready'
const campaignName = 'Offline draft for a list'

journeyWithAccount((journey) => ({ env, page, accountId } = journey))

const acted = (test: (e: RequestLogEntry) => boolean) => actedRequests(env, test)
const waiting = () => page.locator('.status-strip').textContent()

describe.skipIf(!chromiumAvailable)('working offline', { timeout: 180_000 }, () => {
  it('replies online: Enter sends, the message shows at once and is sent once', async () => {
    const list = page.getByRole('listbox', { name: 'Conversations, newest first' })
    await expect.poll(() => list.getByRole('option').count()).toBeGreaterThan(3)
    await list.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter') // Enter in the list moves to the reply box
    const composer = page.getByRole('textbox', { name: 'Reply' })
    await expect.poll(() => composer.evaluate((el) => el === document.activeElement)).toBe(true)
    await composer.fill(reply)
    await page.keyboard.press('Shift+Enter')
    expect(await composer.inputValue()).toBe(`${reply}\n`)
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.bubble .text', { hasText: reply }).count()).toBe(1)
    await expect.poll(() => acted((e) => e.method === 'POST' && e.path.endsWith('/messages/send')).length, { timeout: 60_000 }).toBe(1)
    await expect.poll(() => page.locator('.bubble', { hasText: reply }).locator('.mark').getAttribute('data-mark'), { timeout: 60_000 }).not.toBe('pending')
  })

  it('goes offline and says so, with the number of actions waiting', async () => {
    await env.sandbox.control.setOffline(true)
    await page.getByRole('button', { name: 'Sync now' }).click({ timeout: 60_000 })
    await untilEvent(env, 'sync-status', (s) => s.accountId === accountId && s.state === 'offline', 60_000)
    await expect.poll(waiting).toMatch(/Offline — 0 actions waiting/)
  })

  it('replies offline: the message appears at once as pending', async () => {
    const composer = page.getByRole('textbox', { name: 'Reply' })
    await composer.fill(offlineReply)
    await page.keyboard.press('Enter')
    const bubble = page.locator('.bubble', { hasText: offlineReply })
    await expect.poll(() => bubble.count()).toBe(1)
    expect(await bubble.locator('.mark').getAttribute('data-mark')).toBe('pending')
    await expect.poll(waiting).toMatch(/Offline — 1 action waiting/)
    await screenshot(page, '20-offline-reply')
  })

  it('drops three files: the one over 50 MB is refused with a message, two are queued', async () => {
    await page.keyboard.press('Control+3')
    await page.getByRole('list', { name: 'Media files' }).waitFor()
    await dropFiles(page, '.media-view', [
      { name: 'offline-photo.png', type: 'image/png', size: 0, png: true },
      { name: 'offline-clip.mp4', type: 'video/mp4', size: 64 * 1024 },
      { name: 'too-big.mp4', type: 'video/mp4', size: 51 * 1024 * 1024 },
    ])
    const uploads = page.getByRole('region', { name: 'Uploads' })
    await expect.poll(() => uploads.locator('[data-phase="refused"]').textContent()).toMatch(/too-big\.mp4.*51\.0 MB.*up to 50 MB/)
    await expect.poll(() => uploads.locator('[data-phase="queued"]').count(), { timeout: 60_000 }).toBe(2)
    await expect.poll(waiting).toMatch(/Offline — 3 actions waiting/)
    const findings = await checkView(page, '21-offline-media')
    expect(findings).toEqual([])
  })

  it('drafts a campaign for a list, with the live count, while offline', async () => {
    await page.keyboard.press('Control+4')
    await page.getByRole('button', { name: 'New campaign' }).click()
    // Saved empty, the editor says what is missing; each message goes once its field is put right.
    await page.getByRole('button', { name: 'Save draft' }).click()
    const errors = () => page.locator('.campaign-editor .error').allTextContents()
    await expect.poll(errors).toContain('Give the campaign a name.')
    await page.getByLabel('Name', { exact: true }).fill(campaignName)
    await page.getByLabel('Message', { exact: true }).fill('Our spring sale starts tomorrow — خصم ٢٠٪')
    await expect.poll(errors).toEqual(['Choose who receives it: a list, a segment or contacts.'])
    await page.getByRole('group', { name: 'Audience' }).getByRole('group', { name: 'Lists' }).getByRole('checkbox').first().check()
    await expect.poll(errors).toEqual([])
    // …and one contact by name, shown as a chip with that name.
    const someone = ((await env.core.dispatch('contacts-page', { limit: 20 })) as { ok: true; value: { items: { name: string; blacklisted: boolean }[] } }).value.items.find((c) => !c.blacklisted && c.name.length > 3)!
    await page.getByLabel('Add a contact by name, phone or email').fill(someone.name)
    await page.getByRole('list', { name: 'Matching contacts' }).getByRole('button').first().click()
    await expect.poll(() => page.locator('.chip').first().textContent()).toMatch(/\S/)
    const chip = (await page.locator('.chip span').first().textContent())!
    expect(chip).not.toMatch(/^Contact \d+$/)
    await expect.poll(() => page.locator('.audience-count').textContent()).toMatch(/^[1-9]\d* unique recipients?/)
    const recipients = /^(\S+) unique/.exec((await page.locator('.audience-count').textContent())!)![1]
    await page.getByRole('button', { name: 'Save draft' }).click()
    const list = page.getByRole('listbox', { name: 'Campaigns, newest first' })
    await expect.poll(() => list.getByRole('option', { name: new RegExp(campaignName) }).count()).toBe(1)
    // The draft SkyLight does not have yet names its channel and counts its recipients.
    const detail = page.getByRole('article')
    await expect.poll(() => detail.locator('#campaign-name').textContent()).toBe(campaignName)
    await expect.poll(() => detail.locator('p.muted').first().textContent()).not.toMatch(/Unknown channel/)
    await expect.poll(() => detail.getByRole('definition').first().textContent()).toBe(recipients)
    await screenshot(page, '21a-offline-draft-detail')
    // Edited again, the chosen contact is still a name, not an id.
    await page.getByRole('button', { name: 'Edit draft' }).click()
    await expect.poll(() => page.locator('.chip span').first().textContent()).toBe(chip)
    await page.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(waiting).toMatch(/Offline — 4 actions waiting/)
    await page.getByRole('button', { name: /Outbox/ }).click()
    await expect.poll(() => page.locator('.outbox-item').count()).toBe(4)
    await screenshot(page, '22-offline-outbox')
    await page.getByRole('button', { name: 'Close the outbox' }).click()
    // Nothing reached SkyLight while offline.
    expect(acted((e) => e.method === 'POST' && e.path.endsWith('/messages/send'))).toHaveLength(1)
  })

  it('comes back online and carries out everything exactly once', async () => {
    await env.sandbox.control.setOffline(false)
    env.core.resume()
    await expect.poll(waiting, { timeout: 60_000 }).not.toMatch(/Offline|waiting|sending/)
    await expect.poll(() => acted((e) => e.method === 'POST' && e.path.endsWith('/media')).length, { timeout: 60_000 }).toBe(2)
    // Give the runner a moment to do anything twice, if it would.
    await new Promise((r) => setTimeout(r, 1_000))
    const sends = acted((e) => e.method === 'POST' && e.path.endsWith('/messages/send'))
    expect(sends.map((e) => (e.body as { message?: string; content?: string }) ?? {})).toHaveLength(2)
    expect(acted((e) => e.method === 'POST' && e.path.endsWith('/media'))).toHaveLength(2)
    expect(acted((e) => e.method === 'POST' && /\/campaigns$/.test(e.path))).toHaveLength(1)
    await page.keyboard.press('Control+1')
    await expect.poll(() => page.locator('.bubble', { hasText: offlineReply }).locator('.mark').getAttribute('data-mark'), { timeout: 60_000 }).not.toBe('pending')
  })

  it('starts the campaign and shows its delivery progress', async () => {
    await page.keyboard.press('Control+4')
    const list = page.getByRole('listbox', { name: 'Campaigns, newest first' })
    await list.getByRole('option', { name: new RegExp(campaignName) }).click()
    await page.getByRole('button', { name: 'Publish and start' }).click()
    // Starting cannot be undone: the app asks first, with how many it reaches and where.
    const confirm = page.getByRole('dialog', { name: new RegExp(`Start “${campaignName}”`) })
    await expect.poll(() => confirm.textContent()).toMatch(/sends its message to [1-9][\d,]* contacts? on (WhatsApp|Telegram)\b/)
    expect(await checkView(page, '23a-campaign-start-confirm')).toEqual([])
    await confirm.getByRole('button', { name: 'Start campaign' }).click()
    await expect.poll(() => acted((e) => e.method === 'POST' && /\/campaigns\/\d+\/start$/.test(e.path)).length, { timeout: 60_000 }).toBe(1)
    env.sandbox.control.advanceCampaigns(5)
    await env.core.dispatch('sync-now', { kind: 'refresh' })
    const succeeded = page.getByRole('definition').nth(1)
    await expect.poll(async () => Number((await succeeded.textContent())?.replace(/\D/g, '') || 0), { timeout: 60_000 }).toBeGreaterThan(0)
    await expect.poll(() => page.locator('table.deliveries tbody tr').count()).toBeGreaterThan(0)
    const findings = await checkView(page, '23-campaign-progress')
    expect(findings).toEqual([])
  })
})
