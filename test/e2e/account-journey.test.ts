// The Account area in real Chromium, with the core and the sandbox behind it: the profile
// edited offline and sent when back online; WhatsApp connected by QR code (the sandbox's
// phone scans it a few seconds later); Instagram with its 2FA code; a team member added
// and removed; a webhook created, tested, its delivery seen and its secret rotated. Each
// screen is photographed and checked with axe; the strict CSP must raise no error.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { chromiumAvailable, type Environment, journeyWithAccount, untilEvent } from './helpers/environment'
import { expectNoSeriousA11y } from './helpers/page-checks'

let env: Environment
let page: Page
let accountId: string
const typedOrShown: string[] = ['journey-password', 'journey-member-pw']

journeyWithAccount((journey) => ({ env, page, accountId } = journey))

const server = () => env.sandbox.control.dump(env.sandbox.accounts[0]!.id)
const noSeriousA11y = (name: string) => expectNoSeriousA11y(page, name)
const tab = (name: string) => page.getByRole('tab', { name })

describe.skipIf(!chromiumAvailable)('running the account', { timeout: 180_000 }, () => {
  it('shows the profile and the plan with its usage bars', async () => {
    await page.getByRole('button', { name: 'Account' }).click()
    await page.getByRole('heading', { name: 'Plan' }).waitFor()
    await expect.poll(() => page.getByRole('progressbar').count()).toBeGreaterThanOrEqual(4)
    await noSeriousA11y('40-account-profile-plan')
  })

  it('edits the profile offline and sends it once back online', async () => {
    await env.sandbox.control.setOffline(true)
    await page.getByRole('button', { name: 'Sync now' }).click({ timeout: 60_000 })
    await untilEvent(env, 'sync-status', (s) => s.accountId === accountId && s.state === 'offline', 60_000)
    await page.getByRole('button', { name: 'Edit' }).click()
    await page.getByLabel('Company name').fill('Nakheel Trading — نخيل')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('Waiting to be sent').waitFor()
    await expect.poll(() => page.locator('.facts dd').first().textContent()).toBe('Nakheel Trading — نخيل')
    await env.sandbox.control.setOffline(false)
    await expect.poll(() => server().account.company_name, { timeout: 60_000 }).toBe('Nakheel Trading — نخيل')
    await expect.poll(() => page.getByText('Waiting to be sent').count(), { timeout: 60_000 }).toBe(0)
  })

  it('connects WhatsApp by QR code and sees it turn connected', async () => {
    await untilEvent(env, 'sync-status', (s) => s.accountId === accountId && s.state === 'idle', 60_000)
    await tab('Channels').click()
    const whatsapp = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'WhatsApp' }) })
    await whatsapp.getByRole('button', { name: 'Disconnect' }).click()
    const confirm = page.getByRole('dialog', { name: 'Disconnect WhatsApp?' })
    await expect.poll(() => confirm.textContent()).toMatch(/Messages to and from WhatsApp contacts stop/)
    await confirm.getByRole('button', { name: 'Disconnect' }).click()
    await expect.poll(() => whatsapp.textContent()).toMatch(/Not connected/)
    await whatsapp.getByRole('button', { name: 'Connect with QR code' }).click()
    const qr = page.getByRole('img', { name: 'QR code to link WhatsApp' })
    await qr.waitFor()
    await noSeriousA11y('41-account-whatsapp-qr')
    await page.getByText('WhatsApp is connected.').waitFor({ timeout: 60_000 })
    await page.getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => whatsapp.textContent()).toMatch(/Connected/)
    expect(server().channels.find((c) => c.type === 'whatsapp')?.is_connected).toBe(true)
    await noSeriousA11y('42-account-channels')
  })

  it('connects Instagram with a password and the 2FA code', async () => {
    const instagram = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Instagram' }) })
    await instagram.getByRole('button', { name: 'Connect with password' }).click()
    const dialog = page.getByRole('dialog', { name: 'Connect Instagram' })
    await dialog.getByLabel('Instagram username').fill('nakheel.shop')
    await dialog.getByLabel('Password').fill('journey-password')
    await dialog.getByRole('button', { name: 'Continue' }).click()
    await dialog.getByLabel('Verification code').waitFor()
    await dialog.getByRole('button', { name: 'Resend code' }).click()
    await dialog.getByText('A new code was sent.').waitFor()
    await noSeriousA11y('43-account-instagram-2fa')
    await dialog.getByLabel('Verification code').fill('123456')
    await dialog.getByRole('button', { name: 'Connect' }).click()
    await dialog.getByText('Instagram is connected.').waitFor()
    await dialog.getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => instagram.textContent()).toMatch(/Connected/)
  })

  it('tells of a channel that drops, wherever the user is, with the way to reconnect it', async () => {
    await page.getByRole('button', { name: 'Inbox' }).click()
    env.sandbox.control.setChannelConnected(env.sandbox.accounts[0]!.id, 'telegram', false)
    await page.getByRole('button', { name: 'Sync now' }).click({ timeout: 60_000 })
    const alert = page.getByRole('alert').filter({ hasText: 'Telegram is no longer connected' })
    await alert.waitFor({ timeout: 60_000 })
    await noSeriousA11y('47-channel-dropped-alert')
    await alert.getByRole('button', { name: 'Show channels' }).click()
    const telegram = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Telegram' }) })
    await expect.poll(() => telegram.textContent()).toMatch(/Not connected/)
    expect(await page.getByRole('tab', { name: 'Channels' }).getAttribute('aria-selected')).toBe('true')
  })

  it('adds a team member and removes them after a confirmation', async () => {
    await tab('Team').click()
    await page.getByRole('button', { name: 'Add member' }).click()
    await page.getByLabel('Name').fill('Omar Haddad')
    await page.getByLabel('Email').fill('omar.haddad@example.com')
    await page.getByLabel('Initial password').fill('short')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await page.getByText('The password needs at least 8 characters.').waitFor()
    await page.getByLabel('Initial password').fill('journey-member-pw')
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await page.getByRole('cell', { name: /^Omar Haddad/ }).waitFor()
    await expect.poll(() => server().team.some((m) => m.email === 'omar.haddad@example.com'), { timeout: 60_000 }).toBe(true)
    await noSeriousA11y('44-account-team')
    await expect.poll(() => page.getByRole('cell', { name: /^Omar Haddad/ }).textContent(), { timeout: 60_000 }).not.toMatch(/Waiting/)
    await page.getByRole('button', { name: 'Remove Omar Haddad' }).click()
    await page.getByRole('dialog', { name: 'Remove Omar Haddad?' }).getByRole('button', { name: 'Remove' }).click()
    await expect.poll(() => page.getByRole('cell', { name: /^Omar Haddad/ }).count()).toBe(0)
    await expect.poll(() => server().team.some((m) => m.email === 'omar.haddad@example.com'), { timeout: 60_000 }).toBe(false)
  })

  it('creates a webhook, sends a test, sees the delivery and rotates the secret', async () => {
    await tab('Webhooks').click()
    await page.getByRole('button', { name: 'New webhook' }).click()
    await page.getByLabel('Name').fill('Order desk')
    await page.getByLabel('URL').fill('https://orders.example.com/skylight')
    await page.getByRole('checkbox', { name: 'Contact', exact: true }).check()
    await noSeriousA11y('45-account-webhook-form')
    await page.getByRole('button', { name: 'Create' }).click()
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Order desk' }) })
    await card.waitFor()
    await expect.poll(() => server().webhooks.some((w) => w.name === 'Order desk'), { timeout: 60_000 }).toBe(true)
    await expect.poll(() => card.getByRole('button', { name: 'Send test' }).isEnabled(), { timeout: 60_000 }).toBe(true)
    await card.getByRole('button', { name: 'Send test' }).click()
    await page.getByText(/Test event delivered: HTTP 200/).waitFor()
    await card.getByRole('button', { name: 'Delivery log' }).click()
    await card.getByRole('cell', { name: 'webhook.test' }).waitFor()
    await card.getByRole('button', { name: 'Payload' }).first().click()
    await expect.poll(() => card.locator('pre.payload').textContent()).toMatch(/"event": "webhook.test"/)
    await noSeriousA11y('46-account-webhook-log')
    await card.getByRole('button', { name: 'Rotate secret' }).click()
    const confirm = page.getByRole('dialog', { name: 'Rotate the signing secret?' })
    await expect.poll(() => confirm.textContent()).toMatch(/stops working at once/)
    await confirm.getByRole('button', { name: 'Rotate' }).click()
    const shown = page.getByRole('dialog', { name: 'The new signing secret' })
    await expect.poll(() => shown.locator('code.secret').textContent()).toMatch(/^whsec_/)
    typedOrShown.push((await shown.locator('code.secret').textContent())!)
    await shown.getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => page.locator('code.secret').count()).toBe(0)
    expect(env.pageErrors).toEqual([])
  })

  it('left no password or webhook secret in the store file, its WAL or the outbox', async () => {
    const files: string[] = []
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) await walk(join(dir, entry.name))
        else files.push(join(dir, entry.name))
      }
    }
    await walk(env.dataDir)
    expect(files.some((f) => f.endsWith('account.sqlite'))).toBe(true)
    expect(typedOrShown).toHaveLength(3)
    for (const file of files) {
      const bytes = await readFile(file)
      for (const secret of typedOrShown) expect(bytes.includes(Buffer.from(secret)), `${secret.slice(0, 8)}… in ${file}`).toBe(false)
    }
    const outbox = await env.core.dispatch('outbox-list', { states: ['done', 'failed', 'queued', 'in-flight', 'cancelled'] })
    expect(JSON.stringify(outbox)).not.toMatch(/journey-|whsec_/)
  })
})
