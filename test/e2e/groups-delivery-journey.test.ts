// Tags managed from the contacts view (created, renamed by keyboard, deleted after a
// confirmation that counts the contacts it touches), and a campaign's whole delivery table:
// paged past the first hundred, filtered by status, searched, exported as CSV (a download
// in the browser host) — each screen photographed and checked with axe.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { Download, Page } from 'playwright-core'
import type { RequestLogEntry } from '../../src/sandbox/http/request-log'
import { actedRequests, chromiumAvailable, type Environment, journeyWithAccount } from './helpers/environment'
import { expectNoSeriousA11y, screenshot } from './helpers/page-checks'

let env: Environment
let page: Page

journeyWithAccount((journey) => ({ env, page } = journey))

const serverId = () => env.sandbox.accounts[0]!.id
const dump = () => env.sandbox.control.dump(serverId())
const acted = (test: (e: RequestLogEntry) => boolean) => actedRequests(env, test)

const noSeriousA11y = (name: string) => expectNoSeriousA11y(page, name)

async function downloaded(click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()])
  const path = await download.path()
  return { download, text: await readFile(path!, 'utf8') }
}

async function api(method: string, path: string, body?: unknown): Promise<{ data: { id: number } }> {
  const answer = await fetch(`${env.sandbox.url}/api/v1${path}`, {
    method,
    headers: { 'X-Api-Key': env.sandbox.accounts[0]!.apiKey, Accept: 'application/json', 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return (await answer.json()) as { data: { id: number } }
}

describe.skipIf(!chromiumAvailable)('tags, lists and segments', { timeout: 180_000 }, () => {
  it('creates a tag from the contacts view: listed and offered as a filter at once, created once on SkyLight', async () => {
    await page.keyboard.press('Control+2')
    await page.getByRole('button', { name: 'Manage tags, lists and segments' }).click()
    const manager = page.getByRole('region', { name: 'Tags, lists and segments' })
    await manager.getByLabel('New tag name').fill('Wholesale — جملة')
    await manager.getByLabel('New tag name').press('Enter')
    await expect.poll(() => manager.getByRole('list', { name: 'Tags' }).textContent()).toContain('Wholesale — جملة')
    await expect.poll(() => page.getByLabel('Tag', { exact: true }).locator('option', { hasText: 'Wholesale — جملة' }).count()).toBe(1)
    await expect.poll(() => acted((e) => e.method === 'POST' && e.path.endsWith('/tags')).length, { timeout: 60_000 }).toBe(1)
    await expect.poll(() => dump().tags.filter((t) => t.title === 'Wholesale — جملة').length).toBe(1)
    await noSeriousA11y('60-groups-manage')
  })

  it('renames a tag by keyboard: every contact that has it shows the new name, here and on SkyLight', async () => {
    const used = dump().tags.filter((t) => t.contacts_count > 0).sort((a, b) => b.contacts_count - a.contacts_count)[0]!
    const manager = page.getByRole('region', { name: 'Tags, lists and segments' })
    await manager.getByRole('button', { name: `Rename tag ${used.title}` }).focus()
    await page.keyboard.press('Enter')
    const input = manager.getByLabel(`New name for tag ${used.title}`)
    await expect.poll(() => input.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await page.keyboard.press('Escape') // leaves the editor, focus back on its button
    await expect.poll(() => input.count()).toBe(0)
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Top customers')
    await page.keyboard.press('Enter')
    await expect.poll(() => manager.getByRole('list', { name: 'Tags' }).textContent()).toContain('Top customers')
    await expect.poll(() => dump().tags.find((t) => t.id === used.id)?.title, { timeout: 60_000 }).toBe('Top customers')

    await page.getByLabel('Tag', { exact: true }).selectOption('Top customers')
    const listbox = page.getByRole('listbox', { name: 'Contacts by name' })
    await expect.poll(() => listbox.getByRole('option').count()).toBeGreaterThan(0)
    const shown = (await env.core.dispatch('contacts-page', { tag: 'Top customers', limit: 1 })) as { ok: true; value: { total: number } }
    expect(shown.value.total).toBe(used.contacts_count)
  })

  it('deletes a tag after a confirmation that says how many contacts have it', async () => {
    const used = dump().tags.find((t) => t.title === 'Top customers')!
    const manager = page.getByRole('region', { name: 'Tags, lists and segments' })
    await manager.getByRole('button', { name: 'Delete tag Top customers' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete tag “Top customers”?' })
    await expect.poll(() => dialog.textContent()).toContain(`It is taken off ${used.contacts_count} contacts that have it.`)
    await screenshot(page, '61-group-delete-confirm')
    await noSeriousA11y('61-group-delete-confirm')
    await dialog.getByRole('button', { name: 'Delete tag' }).click()
    await expect.poll(() => manager.getByRole('list', { name: 'Tags' }).textContent()).not.toContain('Top customers')
    // The filter on it is gone with it: every contact shows again.
    await expect.poll(() => page.getByLabel('Tag', { exact: true }).inputValue()).toBe('')
    await expect.poll(() => acted((e) => e.method === 'DELETE' && e.path.endsWith(`/tags/${used.id}`)).length, { timeout: 60_000 }).toBe(1)
    expect(dump().contacts.filter((c) => c.tags.includes('Top customers'))).toEqual([])
  })

  it('exports the contacts list under its filter as a CSV download', async () => {
    await page.getByRole('button', { name: 'Done with tags, lists and segments' }).click()
    const listName = dump().lists.find((l) => l.contacts_count > 0)!
    await page.getByLabel('List', { exact: true }).selectOption(String(listName.id))
    await expect.poll(() => page.getByRole('listbox', { name: 'Contacts by name' }).getByRole('option').count()).toBeGreaterThan(0)
    const { download, text } = await downloaded(() => page.getByRole('button', { name: 'Export matching (CSV)' }).click())
    expect(download.suggestedFilename()).toBe('contacts.csv')
    expect(text.startsWith('\uFEFFName,Phone,Email,Channel')).toBe(true)
    expect(text.trimEnd().split('\r\n')).toHaveLength(listName.contacts_count + 1)
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Downloaded contacts.csv' }).count()).toBe(1)
    await page.getByRole('button', { name: 'Clear filters' }).click()
  })
})

describe.skipIf(!chromiumAvailable)('the delivery table', { timeout: 180_000 }, () => {
  let campaignId = 0
  let total = 0

  it('pages through every recipient of a large campaign', async () => {
    // A campaign past one page: more contacts on the server, all in its audience.
    for (let i = 0; i < 130; i++) await api('POST', '/contacts', { name: `Recipient ${String(i).padStart(3, '0')}`, phone: `+96650${String(1_000_000 + i)}`, type: 'whatsapp' })
    const state = dump()
    const channel = state.channels.find((c) => c.is_connected && c.type === 'whatsapp')!
    const audience = state.contacts.filter((c) => !c.blacklisted).map((c) => c.id)
    campaignId = (await api('POST', '/campaigns', { name: 'Big launch', channel_id: channel.id, message: 'Hello', contact_ids: audience })).data.id
    await api('POST', `/campaigns/${campaignId}/start`)
    env.sandbox.control.advanceCampaigns(30, serverId())
    total = dump().campaigns.find((c) => c.id === campaignId)!.campaign_contacts_count
    expect(total).toBeGreaterThan(100)
    await env.core.dispatch('sync-now', { kind: 'refresh' })
    await expect.poll(async () => ((await env.core.dispatch('campaign-deliveries', { id: campaignId, limit: 1 })) as { ok: true; value: { total: number } }).value.total, { timeout: 60_000 }).toBe(total)

    await page.keyboard.press('Control+4')
    const list = page.getByRole('listbox', { name: 'Campaigns, newest first' })
    // Newest first: the campaign just made is the first.
    await expect.poll(() => list.getByRole('option').first().textContent(), { timeout: 60_000 }).toContain('Big launch')
    await list.focus()
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.locator('#campaign-name').textContent()).toBe('Big launch')
    const range = page.locator('#deliveries-range')
    await expect.poll(() => range.textContent(), { timeout: 60_000 }).toBe(`1–100 of ${total.toLocaleString('en-US')} recipients`)
    const pager = page.getByRole('navigation', { name: 'Delivery pages' })
    await pager.getByRole('button', { name: 'Next' }).click()
    await expect.poll(() => range.textContent()).toBe(`101–${Math.min(200, total)} of ${total.toLocaleString('en-US')} recipients`)
    await pager.getByRole('button', { name: 'First' }).click()
    await expect.poll(() => range.textContent()).toBe(`1–100 of ${total.toLocaleString('en-US')} recipients`)
    await pager.getByRole('button', { name: 'Last' }).click()
    const lastPage = Math.floor((total - 1) / 100) * 100
    await expect.poll(() => range.textContent()).toBe(`${lastPage + 1}–${total} of ${total.toLocaleString('en-US')} recipients`)
    await expect.poll(() => page.locator('.deliveries tbody tr').count()).toBe(total - lastPage)
    await screenshot(page, '62-delivery-last-page')
    await noSeriousA11y('62-delivery-last-page')
  })

  it('filters by status and searches by name, showing send times', async () => {
    const detail = (await env.core.dispatch('campaign-get', { id: campaignId })) as { ok: true; value: { deliveryByStatus: Record<string, number> } }
    const sent = detail.value.deliveryByStatus.sent ?? 0
    expect(sent).toBeGreaterThan(0)
    await page.getByLabel('Delivery status').selectOption('sent')
    const range = page.locator('#deliveries-range')
    await expect.poll(() => range.textContent()).toBe(`1–${Math.min(100, sent)} of ${sent} matching recipients`)
    await expect.poll(() => page.locator('.deliveries tbody time').count()).toBe(Math.min(100, sent))
    await page.getByLabel('Delivery status').selectOption('')
    await page.getByLabel('Search deliveries by name or phone').fill('recipient 12')
    await expect.poll(() => range.textContent()).toBe('1–10 of 10 matching recipients')
    expect(await page.locator('.deliveries tbody td:first-child').allTextContents()).toEqual(Array.from({ length: 10 }, (_, i) => `Recipient 12${i}`))
    await screenshot(page, '63-delivery-search')
  })

  it('exports every matching row as a CSV download, not just the page shown', async () => {
    await page.getByLabel('Search deliveries by name or phone').fill('')
    const range = page.locator('#deliveries-range')
    await expect.poll(() => range.textContent()).toBe(`1–100 of ${total.toLocaleString('en-US')} recipients`)
    const { download, text } = await downloaded(() => page.getByRole('button', { name: 'Export CSV' }).click())
    expect(download.suggestedFilename()).toBe('Big launch delivery.csv')
    expect(text.startsWith('\uFEFFContact,Phone,Status,Sent at,Error,Contact ID\r\n')).toBe(true)
    expect(text.trimEnd().split('\r\n')).toHaveLength(total + 1)
    // Phones start with "+": kept as text, never run as a formula.
    expect(text).toContain("\r\nRecipient 000,'+966501000000,")
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Big launch delivery.csv' }).count()).toBe(1)
    await screenshot(page, '64-delivery-exported')
  })
})
