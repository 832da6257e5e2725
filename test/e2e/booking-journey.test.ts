// The bookings journey in real Chromium: book a contact into a free slot found online,
// reschedule it to another free slot, then cancel it after a confirmation; offline, the
// form says slots need a connection and offers a typed time. Screenshots and axe each step.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { RequestLogEntry } from '../../src/sandbox/http/request-log'
import { actedRequests, chromiumAvailable, type Environment, journeyWithAccount, untilEvent } from './helpers/environment'
import { checkView } from './helpers/page-checks'

let env: Environment
let page: Page
let accountId: string
let contactName = ''
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)

journeyWithAccount((journey) => {
  ({ env, page, accountId } = journey)
  contactName = env.sandbox.control.dump(env.sandbox.accounts[0]!.id).contacts[0]!.name
})

const acted = (test: (e: RequestLogEntry) => boolean) => actedRequests(env, test)
const mine = () => env.sandbox.control.dump(env.sandbox.accounts[0]!.id).bookings.filter((b) => b.contact_id === env.sandbox.control.dump(env.sandbox.accounts[0]!.id).contacts[0]!.id)

async function pickSlot(day: string, index: number): Promise<void> {
  await page.getByLabel('Day', { exact: true }).fill(day)
  await page.getByRole('button', { name: 'Find free slots' }).click()
  const slots = page.getByRole('group', { name: 'Free slots' }).getByRole('radio')
  await expect.poll(() => slots.count(), { timeout: 60_000 }).toBeGreaterThan(index)
  await slots.nth(index).check()
}

describe.skipIf(!chromiumAvailable)('bookings', { timeout: 180_000 }, () => {
  it('shows the synced bookings as a list', async () => {
    await page.keyboard.press('Control+8')
    await page.getByRole('button', { name: 'List', exact: true }).click()
    await expect.poll(() => page.locator('.booking-row').count()).toBeGreaterThan(5)
    const findings = await checkView(page, '50-bookings-list')
    expect(findings).toEqual([])
  })

  it('books a contact into a free slot, sent once', async () => {
    await page.getByRole('button', { name: 'New booking' }).click()
    await page.getByLabel('Contact', { exact: true }).fill(contactName.slice(0, 4))
    await page.getByRole('list', { name: 'Matching contacts' }).getByRole('button', { name: new RegExp(contactName) }).first().click()
    await page.getByLabel('Resource', { exact: true }).selectOption({ index: 1 })
    await pickSlot(inDays(3), 1)
    const findings = await checkView(page, '51-booking-new')
    expect(findings).toEqual([])
    await page.getByRole('button', { name: 'Book', exact: true }).click()
    await expect.poll(() => acted((e) => e.method === 'POST' && /\/bookings$/.test(e.path)).length, { timeout: 60_000 }).toBe(1)
    await expect.poll(() => page.locator('#booking-title').textContent(), { timeout: 60_000 }).toContain(contactName)
    await expect.poll(() => page.locator('.booking-detail .status-tag').textContent(), { timeout: 60_000 }).toBe('Confirmed')
  })

  it('reschedules it to another free slot', async () => {
    const before = mine().map((b) => b.starts_at)
    await page.getByRole('button', { name: 'Reschedule' }).click()
    await pickSlot(inDays(4), 2)
    await page.getByRole('button', { name: 'Move booking' }).click()
    await expect.poll(() => acted((e) => e.method === 'PUT' && /\/bookings\/\d+$/.test(e.path)).length, { timeout: 60_000 }).toBe(1)
    await expect.poll(() => mine().map((b) => b.starts_at).filter((s) => !before.includes(s)).length, { timeout: 60_000 }).toBe(1)
    await expect.poll(() => page.locator('.booking-detail').count()).toBe(1)
    const findings = await checkView(page, '52-booking-detail')
    expect(findings).toEqual([])
  })

  it('cancels it after a confirmation', async () => {
    await page.getByRole('button', { name: 'Cancel booking' }).click()
    await page.getByRole('dialog', { name: 'Cancel this booking?' }).getByRole('button', { name: 'Cancel booking' }).click()
    await expect.poll(() => acted((e) => e.method === 'POST' && /\/bookings\/\d+\/cancel$/.test(e.path)).length, { timeout: 60_000 }).toBe(1)
    await expect.poll(() => page.locator('.booking-detail .status-tag').textContent(), { timeout: 60_000 }).toBe('Cancelled')
    expect(await page.getByRole('button', { name: 'Reschedule' }).count()).toBe(0)
  })

  it('offline, the form says slots need a connection and offers a typed time', async () => {
    await env.sandbox.control.setOffline(true)
    await page.getByRole('button', { name: 'Sync now' }).click({ timeout: 60_000 })
    await untilEvent(env, 'sync-status', (s) => s.accountId === accountId && s.state === 'offline', 60_000)
    await page.getByRole('button', { name: 'New booking' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Free slots need a connection' }).count()).toBe(1)
    expect(await page.getByLabel(/Time \(typed/).count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Save to the outbox' }).count()).toBe(1)
    const findings = await checkView(page, '53-booking-offline')
    expect(findings).toEqual([])
  })

  it('a typed time that turns out taken is refused on reconnect, and the view says so', async () => {
    const dump = env.sandbox.control.dump(env.sandbox.accounts[0]!.id)
    const at = new Date(`${inDays(6)}T10:00:00.000Z`)
    await page.getByLabel('Contact', { exact: true }).fill(contactName.slice(0, 4))
    await page.getByRole('list', { name: 'Matching contacts' }).getByRole('button', { name: new RegExp(contactName) }).first().click()
    const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
    await page.getByLabel(/Time \(typed/).fill(local)
    await page.getByRole('button', { name: 'Save to the outbox' }).click()
    await env.sandbox.control.setOffline(false)
    // Before the outbox goes, someone else takes that time (another agent, the AI).
    await fetch(`${env.sandbox.apiUrl}/bookings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': env.sandbox.accounts[0]!.apiKey },
      body: JSON.stringify({ contact_id: dump.contacts[2]!.id, booking_type_id: dump.booking_types[0]!.id, starts_at: at.toISOString() }),
    })
    env.core.resume()
    const alert = page.getByRole('alert').filter({ hasText: 'SkyLight refused' })
    await expect.poll(() => alert.count(), { timeout: 60_000 }).toBe(1)
    expect(await alert.textContent()).toMatch(/not available/)
    const findings = await checkView(page, '54-booking-refused')
    expect(findings).toEqual([])
    expect(env.pageErrors).toEqual([])
  })
})
