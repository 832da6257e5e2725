// A refused reply, as a user meets it in real Chromium with the real core: it stays where it
// was written with SkyLight's reason (through the next poll), the outbox names the contact,
// Edit offers the message's own text, and the corrected reply is sent once; one the user
// sent another way is marked as done, after a confirmation, and never sent.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { chromiumAvailable, type Environment, journeyWithAccount, untilEvent } from './helpers/environment'
import { checkView, screenshot } from './helpers/page-checks'

let env: Environment
let page: Page
let accountId: string
const refused = 'Hello, this is a long enough message to be cut in the summary — مرحبا'
const corrected = 'Corrected reply, sent once — تم التصحيح'

journeyWithAccount((journey) => ({ env, page, accountId } = journey))

const sends = (text: string) =>
  env.sandbox.control.requestLog().filter((e) => e.acted && e.method === 'POST' && e.path.endsWith('/messages/send') && JSON.stringify(e.body ?? '').includes(text.slice(0, 20)))

describe.skipIf(!chromiumAvailable)('a refused reply', { timeout: 180_000 }, () => {
  it('stays at the end of the thread with SkyLight’s reason, through the next poll', async () => {
    // Instagram starts disconnected in the sandbox: a reply there is refused.
    await page.getByRole('group', { name: 'Channel' }).getByRole('button', { name: 'Instagram' }).click()
    const list = page.getByRole('listbox', { name: 'Conversations, newest first' })
    await expect.poll(() => list.getByRole('option').count()).toBeGreaterThan(0)
    await list.getByRole('option').first().click()
    const composer = page.getByRole('textbox', { name: 'Reply' })
    await composer.fill(refused)
    await page.keyboard.press('Enter')
    const last = page.locator('.bubble').last()
    await expect.poll(() => last.locator('.mark').getAttribute('data-mark'), { timeout: 60_000 }).toBe('failed')
    expect(await last.locator('.text').textContent()).toBe(refused)
    await expect.poll(() => last.locator('.error').textContent()).toMatch(/No instagram channel connected/i)

    await page.getByRole('button', { name: 'Sync now' }).click({ timeout: 60_000 })
    await untilEvent(env, 'sync-status', (s) => s.accountId === accountId && s.state === 'idle' && s.kind === null, 60_000)
    await expect.poll(() => page.locator('.bubble').last().locator('.error').textContent()).toMatch(/No instagram channel connected/i)
    await screenshot(page, '30-refused-reply')
  })

  it('is named by contact in the outbox, edited with its own text, and sent once', async () => {
    await page.getByRole('button', { name: /Outbox/ }).click()
    const outbox = page.getByRole('complementary', { name: 'Outbox' })
    const item = outbox.locator('.outbox-item.failed').first()
    await expect.poll(() => item.locator('.summary').textContent()).toMatch(/^Send “Hello, this is a long enough message to…” to “.+”$/)
    expect(await item.locator('.summary').textContent()).not.toMatch(/contact \d+/)
    await item.getByRole('button', { name: 'Edit' }).click()
    const editor = item.getByRole('textbox')
    expect(await editor.inputValue()).toBe(refused)
    expect(await checkView(page, '31-outbox-edit')).toEqual([])

    env.sandbox.control.setChannelConnected(env.sandbox.accounts[0]!.id, 'instagram', true)
    await editor.fill(corrected)
    await item.getByRole('button', { name: 'Save and send' }).click()
    await expect.poll(() => sends(corrected).length, { timeout: 60_000 }).toBe(1)
    await expect.poll(() => outbox.locator('.error[role="alert"]').count()).toBe(0)
    await expect.poll(() => outbox.locator('.outbox-item.failed').count(), { timeout: 60_000 }).toBe(0)
  })

  it('is marked as done, after saying the app will not send it, and is never sent', async () => {
    const other = 'Sent from my phone instead — أرسلتها من الهاتف'
    env.sandbox.control.setChannelConnected(env.sandbox.accounts[0]!.id, 'instagram', false)
    const composer = page.getByRole('textbox', { name: 'Reply' })
    await composer.fill(other)
    await page.keyboard.press('Enter')
    const outbox = page.getByRole('complementary', { name: 'Outbox' })
    if (!(await outbox.isVisible())) await page.getByRole('button', { name: /Outbox/ }).click()
    const item = outbox.locator('.outbox-item.failed').first()
    await expect.poll(() => item.locator('.summary').textContent(), { timeout: 60_000 }).toMatch(/^Send “Sent from my phone instead/)
    const refusedSends = sends(other).length
    await item.getByRole('button', { name: 'Mark as done…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Mark this action as done?' })
    await expect.poll(() => dialog.textContent()).toMatch(/will not send it/)
    expect(await checkView(page, '32-outbox-mark-done')).toEqual([])
    await dialog.getByRole('button', { name: 'Mark as done' }).click()
    await expect.poll(() => outbox.locator('.outbox-item.failed').count(), { timeout: 60_000 }).toBe(0)
    // Nothing reaches SkyLight after the user said it was done, even with the channel back.
    env.sandbox.control.setChannelConnected(env.sandbox.accounts[0]!.id, 'instagram', true)
    await page.getByRole('button', { name: 'Sync now' }).click({ timeout: 60_000 })
    await untilEvent(env, 'sync-status', (st) => st.accountId === accountId && st.state === 'idle' && st.kind === null, 60_000)
    expect(sends(other)).toHaveLength(refusedSends)
  })
})
