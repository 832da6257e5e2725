// The support journey in real Chromium: open a ticket, see support's answer arrive, reply
// while offline (shown at once, sent once on reconnect) and close the ticket after a
// confirmation — each screen photographed and checked with axe.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { RequestLogEntry } from '../../src/sandbox/http/request-log'
import { actedRequests, chromiumAvailable, type Environment, journeyWithAccount, untilEvent } from './helpers/environment'
import { checkView } from './helpers/page-checks'

let env: Environment
let page: Page
let accountId: string
const subject = 'Widget shows a blank page — الويدجت لا يظهر'
const offlineReply = 'Written offline: it happens on Safari only'

journeyWithAccount((journey) => ({ env, page, accountId } = journey))

const acted = (test: (e: RequestLogEntry) => boolean) => actedRequests(env, test)
const ticketId = () => env.sandbox.control.dump(env.sandbox.accounts[0]!.id).tickets.find((t) => t.subject === subject)?.id

describe.skipIf(!chromiumAvailable)('support tickets', { timeout: 180_000 }, () => {
  it('lists the synced tickets with reference, status and department', async () => {
    await page.keyboard.press('Control+7')
    const list = page.getByRole('listbox', { name: 'Tickets, newest first' })
    await expect.poll(() => list.getByRole('option').count()).toBeGreaterThan(3)
    expect(await list.textContent()).toMatch(/[A-Z0-9]{8}/)
  })

  it('opens a ticket in the first department by default, and it is sent once', async () => {
    await page.getByRole('button', { name: 'New ticket' }).click()
    await page.getByLabel('Subject', { exact: true }).fill(subject)
    await page.getByLabel('First message').fill('The chat widget is blank since this morning.')
    await page.getByLabel('Priority', { exact: true }).selectOption('high')
    expect(await page.locator('#department-hint').textContent()).toMatch(/first one/)
    const findings = await checkView(page, '40-ticket-new')
    expect(findings).toEqual([])
    await page.getByRole('button', { name: 'Open ticket' }).click()
    await expect.poll(() => acted((e) => e.method === 'POST' && /\/tickets$/.test(e.path)).length, { timeout: 60_000 }).toBe(1)
    await expect.poll(() => page.locator('#ticket-subject').textContent(), { timeout: 60_000 }).toBe(subject)
    await expect.poll(() => page.locator('.ticket-detail code').textContent(), { timeout: 60_000 }).toMatch(/^[A-Z0-9]{8}$/)
  })

  it('shows support’s answer after the next refresh', async () => {
    env.sandbox.control.supportReply({ ticketId: ticketId()!, message: 'Thanks — can you tell us the browser?' })
    await env.core.dispatch('sync-now', { kind: 'refresh' })
    const answer = page.locator('.ticket-reply.support', { hasText: 'can you tell us the browser' })
    await expect.poll(() => answer.count(), { timeout: 60_000 }).toBe(1)
    await expect.poll(() => page.locator('.ticket-detail .status-tag').textContent()).toBe('Answered')
    await expect.poll(() => page.locator('[aria-live="polite"]', { hasText: 'Support answered' }).count()).toBe(1)
  })

  it('replies offline: the reply shows at once and is sent once on reconnect', async () => {
    await env.sandbox.control.setOffline(true)
    // The refresh asked for above may still be reading every collection (Sync now stays
    // disabled meanwhile); a poll from the core finds the server gone just the same.
    await env.core.dispatch('sync-now', { kind: 'poll' })
    await untilEvent(env, 'sync-status', (s) => s.accountId === accountId && s.state === 'offline', 60_000)
    await page.getByRole('textbox', { name: 'Your reply' }).fill(offlineReply)
    await page.getByRole('button', { name: 'Send reply' }).click()
    const pending = page.locator('.ticket-reply', { hasText: offlineReply })
    await expect.poll(() => pending.getAttribute('data-state')).toBe('pending')
    const findings = await checkView(page, '41-ticket-offline-reply')
    expect(findings).toEqual([])
    await env.sandbox.control.setOffline(false)
    env.core.resume()
    await expect.poll(() => acted((e) => e.method === 'POST' && /\/tickets\/\d+\/reply$/.test(e.path)).length, { timeout: 60_000 }).toBe(1)
    await expect.poll(() => pending.getAttribute('data-state'), { timeout: 60_000 }).toBe('sent')
  })

  it('closes the ticket after a confirmation; then it takes no reply', async () => {
    await page.getByRole('button', { name: 'Close ticket' }).click()
    const dialog = page.getByRole('dialog', { name: 'Close this ticket?' })
    await dialog.getByRole('button', { name: 'Close ticket' }).click()
    await expect.poll(() => acted((e) => e.method === 'POST' && /\/tickets\/\d+\/close$/.test(e.path)).length, { timeout: 60_000 }).toBe(1)
    await expect.poll(() => page.getByText('This ticket is closed.').count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Send reply' }).count()).toBe(0)
    const findings = await checkView(page, '42-ticket-closed')
    expect(findings).toEqual([])
    expect(env.pageErrors).toEqual([])
  })
})
