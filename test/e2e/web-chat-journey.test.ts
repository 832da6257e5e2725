// The web chat journey in real Chromium: a visitor asks for a person (sandbox control), the
// session rises to the top of the inbox's web chat, marked and counted; the agent takes
// over, replies (sent once), returns it to the AI and ends it; the analytics panel draws
// its chart under the app's CSP. Screenshots and axe each step.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { RequestLogEntry } from '../../src/sandbox/http/request-log'
import { actedRequests, chromiumAvailable, type Environment, journeyWithAccount, untilEvent } from './helpers/environment'
import { checkView } from './helpers/page-checks'

let env: Environment
let page: Page
let accountId: string
let sessionId = ''
const reply = 'Hello Layla, I am here — مرحباً'

journeyWithAccount((journey) => ({ env, page, accountId } = journey))

const acted = (test: (e: RequestLogEntry) => boolean) => actedRequests(env, test)
const server = () => env.sandbox.control.dump(env.sandbox.accounts[0]!.id).web_chat_sessions.find((s) => s.session_id === sessionId)!

describe.skipIf(!chromiumAvailable)('web chat in the inbox', { timeout: 180_000 }, () => {
  it('shows web chat as a fourth channel', async () => {
    await page.getByRole('button', { name: /^Web chat/ }).click()
    const list = page.getByRole('list', { name: 'Web chat sessions, waiting first' })
    await expect.poll(() => list.getByRole('listitem').count()).toBeGreaterThan(3)
  })

  it('a visitor who asks for a person rises to the top, marked and counted', async () => {
    sessionId = env.sandbox.control.visitorMessage({ askForHuman: true, visitorName: 'Layla', message: 'Can I speak to someone?' }).session_id
    await env.core.dispatch('sync-now', { kind: 'poll' })
    const first = page.getByRole('list', { name: 'Web chat sessions, waiting first' }).getByRole('listitem').first()
    await expect.poll(() => first.textContent(), { timeout: 60_000 }).toMatch(/Layla/)
    expect(await first.textContent()).toMatch(/Waiting for a person/)
    await expect.poll(() => page.locator('[aria-live="polite"]', { hasText: 'Layla is waiting' }).count()).toBe(1)
    await expect.poll(() => page.getByRole('button', { name: /^Web chat/ }).textContent()).toMatch(/\d/)
    await first.getByRole('button').click()
    await expect.poll(() => page.locator('#webchat-visitor').textContent()).toBe('Layla')
    const findings = await checkView(page, '60-web-chat-waiting')
    expect(findings).toEqual([])
  })

  it('takes over and replies; the reply is sent once', async () => {
    await page.getByRole('button', { name: 'Take over' }).click()
    await expect.poll(() => acted((e) => e.method === 'POST' && e.path.endsWith('/take-over')).length, { timeout: 60_000 }).toBe(1)
    const box = page.getByRole('textbox', { name: 'Message to the visitor' })
    await expect.poll(() => box.count(), { timeout: 60_000 }).toBe(1)
    await box.fill(reply)
    await page.getByRole('button', { name: 'Send', exact: true }).click()
    await expect.poll(() => acted((e) => e.method === 'POST' && e.path.endsWith('/messages')).length, { timeout: 60_000 }).toBe(1)
    await expect.poll(() => page.locator('.webchat-message[data-sender="agent"]', { hasText: reply }).getAttribute('data-state'), { timeout: 60_000 }).toBe('sent')
    expect(server().messages.filter((m) => m.message === reply)).toHaveLength(1)
    const findings = await checkView(page, '61-web-chat-agent')
    expect(findings).toEqual([])
  })

  it('returns it to the AI, then ends it; each control only where it makes sense', async () => {
    await page.getByRole('button', { name: 'Return to the AI' }).click()
    await expect.poll(() => acted((e) => e.method === 'POST' && e.path.endsWith('/release')).length, { timeout: 60_000 }).toBe(1)
    await expect.poll(() => page.getByRole('button', { name: 'Take over' }).count(), { timeout: 60_000 }).toBe(1)
    expect(await page.getByRole('textbox', { name: 'Message to the visitor' }).count()).toBe(0)
    await page.getByRole('button', { name: 'End chat' }).click()
    await expect.poll(() => acted((e) => e.method === 'POST' && e.path.endsWith('/end')).length, { timeout: 60_000 }).toBe(1)
    await expect.poll(() => page.getByText('This chat has ended.').count(), { timeout: 60_000 }).toBe(1)
    expect(await page.getByRole('button', { name: 'Take over' }).count()).toBe(0)
    expect(server()).toMatchObject({ status: 'ended', handled_by: 'ai' })
  })

  it('draws the analytics chart for a period', async () => {
    await page.getByRole('button', { name: 'Analytics' }).click()
    await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'Year' }).click()
    await expect.poll(() => page.locator('.chart-box canvas').count(), { timeout: 60_000 }).toBe(1)
    await expect.poll(() => page.locator('.chart-box canvas').evaluate((c: any) => c.width > 0)).toBe(true)
    const findings = await checkView(page, '62-web-chat-analytics')
    expect(findings).toEqual([])
    expect(env.pageErrors).toEqual([])
  })
})
