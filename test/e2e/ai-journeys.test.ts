// The AI side of the account in real Chromium: create an agent and make it the default;
// assign it to every contact a filter chooses, then to contacts chosen with the keyboard
// alone; drop a PDF, an MP3 and a renamed image on the knowledge base (the image refused
// with its reason) and a CSV catalog on its catalog area (previewed, then sent); crawl a
// website to completion and a bad one to failure; clone a voice, play a spoken sample, and
// save (then drop) the user's own provider key. A screenshot of each screen; axe finds
// nothing serious or critical.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { chromiumAvailable, type Environment, journeyWithAccount, untilEvent } from './helpers/environment'
import { checkView } from './helpers/page-checks'

// Callbacks passed to page.evaluate run in the page; these names are the page's own there.
declare const DataTransfer: any
declare const File: any
declare const document: any

let env: Environment
let page: Page
let accountId: string
const agentName = 'Support concierge'

journeyWithAccount((journey) => ({ env, page, accountId } = journey))

const dump = () => env.sandbox.control.dump(env.sandbox.accounts[0]!.id)

/** Drops files with the given bytes (base64) on an element, as a user dragging them would. */
async function drop(selector: string, files: { name: string; type: string; base64: string }[]): Promise<void> {
  const transfer = await page.evaluateHandle((specs) => {
    const data = new DataTransfer()
    for (const s of specs) data.items.add(new File([Uint8Array.from(atob(s.base64), (c: string) => c.charCodeAt(0))], s.name, { type: s.type }))
    return data
  }, files)
  await page.locator(selector).first().dispatchEvent('dragover', { dataTransfer: transfer })
  await page.locator(selector).first().dispatchEvent('drop', { dataTransfer: transfer })
}
const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64')

/** Presses a key until the focused element is the button with this name (keyboard-only journeys). */
async function pressUntilFocused(key: string, name: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press(key)
    const focused = await page.evaluate(() => {
      const el = document.activeElement
      return el?.tagName === 'BUTTON' ? (el.textContent ?? '').trim() : null
    })
    if (focused === name) return
  }
  throw new Error(`${key} never reached the “${name}” button`)
}

describe.skipIf(!chromiumAvailable)('the AI side of the account', { timeout: 180_000 }, () => {
  it('creates an agent with its persona and makes it the default', async () => {
    await page.keyboard.press('Control+9')
    await page.getByRole('button', { name: 'New agent' }).click()
    await page.getByLabel('Name', { exact: true }).fill(agentName)
    await page.getByLabel(/^System prompt/).fill('You help customers with orders, politely and briefly.')
    await page.getByLabel(/^Personality/).fill('Warm and concise')
    await page.getByLabel('Guideline 1 value').fill('Arabic')
    await page.getByRole('button', { name: 'Create agent' }).click()
    const row = page.locator('.agent-row', { hasText: agentName })
    await expect.poll(() => row.count()).toBe(1)
    await expect.poll(() => dump().ai_agents.filter((a) => a.name === agentName).length, { timeout: 60_000 }).toBe(1)
    await page.getByRole('button', { name: 'Make default' }).click()
    await expect.poll(() => row.locator('.default-tag').count()).toBe(1)
    await expect.poll(() => dump().ai_agents.find((a) => a.name === agentName)?.is_default, { timeout: 60_000 }).toBe(true)
    expect(dump().ai_agents.filter((a) => a.is_default)).toHaveLength(1)
    expect(await checkView(page, '60-ai-agents')).toEqual([])
  })

  it('assigns the agent to every contact a filter chooses, in one action', async () => {
    await page.keyboard.press('Control+2')
    await page.getByLabel('Channel').selectOption('whatsapp')
    const whatsapp = dump().contacts.filter((c) => c.type === 'whatsapp').map((c) => c.id)
    await page.getByRole('button', { name: /^Select all .* matching$/ }).click()
    await page.getByRole('button', { name: 'Assign AI agent…' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('AI agent').selectOption({ label: `${agentName} (default)` })
    await dialog.getByRole('button', { name: 'Assign' }).click()
    const agentId = dump().ai_agents.find((a) => a.name === agentName)!.id
    await expect.poll(() => whatsapp.every((id) => dump().ai_agent_assignments[id] === agentId), { timeout: 60_000 }).toBe(true)
    const assigns = env.sandbox.control.requestLog().filter((e) => e.acted && e.path.endsWith(`/ai-agents/${agentId}/assign`))
    expect(assigns).toHaveLength(1)
    await expect.poll(() => page.locator('.agent-label', { hasText: agentName }).count()).toBeGreaterThan(0)
    expect(await checkView(page, '61-contacts-assigned')).toEqual([])
  })

  it('chooses several contacts with the keyboard alone and assigns the agent to them', async () => {
    const counts = new Map<string, number>()
    for (const c of dump().contacts) if (c.type && c.type !== 'whatsapp') counts.set(c.type, (counts.get(c.type) ?? 0) + 1)
    const type = [...counts].sort((a, b) => b[1] - a[1])[0]![0]
    await page.getByLabel('Channel').selectOption(type)
    const listbox = page.getByRole('listbox', { name: 'Contacts by name' })
    expect(await listbox.getAttribute('aria-multiselectable')).toBe('true')
    await expect.poll(() => listbox.getByRole('option').first().textContent()).toBeTruthy()
    const read = await env.core.dispatch('contacts-page', { type: type as 'telegram', limit: 5 })
    const { items, total } = (read as { ok: true; value: { items: { id: number }[]; total: number } }).value
    const rows = items.map((c) => c.id)
    expect(rows.length).toBe(5)
    await listbox.focus()
    // Ctrl+A takes every contact the filter matches; Escape lets them go.
    await page.keyboard.press('Control+A')
    await expect.poll(() => page.locator('.chosen-count').textContent()).toBe(`${total} contacts chosen`)
    await page.keyboard.press('Escape')
    await expect.poll(() => listbox.getByRole('option', { selected: true }).count()).toBe(0)
    // Rows 1–3 by Shift+arrows, then row 5 by Space.
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Shift+ArrowDown')
    await page.keyboard.press('Shift+ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Space')
    await expect.poll(() => listbox.getByRole('option', { selected: true }).count()).toBe(4)
    await expect.poll(() => page.locator('.chosen-count').textContent()).toBe('4 contacts chosen')
    expect(await checkView(page, '61b-contacts-chosen-by-keyboard')).toEqual([])
    // Back from the list to the bar's button, and through the dialog, by keyboard.
    await pressUntilFocused('Shift+Tab', 'Assign AI agent…')
    await page.keyboard.press('Enter')
    await page.getByRole('dialog').waitFor()
    await pressUntilFocused('Tab', 'Assign')
    await page.keyboard.press('Enter')
    const agentId = dump().ai_agents.find((a) => a.name === agentName)!.id
    const chosen = [rows[0]!, rows[1]!, rows[2]!, rows[4]!]
    await expect.poll(() => chosen.every((id) => dump().ai_agent_assignments[id] === agentId), { timeout: 60_000 }).toBe(true)
    expect(dump().ai_agent_assignments[rows[3]!]).not.toBe(agentId)
    // The row the keyboard is on is scrolled into view, however far it goes.
    await listbox.focus()
    await page.keyboard.press('End')
    const focused = page.locator(`#${await listbox.getAttribute('aria-activedescendant')}`)
    await expect.poll(() => focused.isVisible()).toBe(true)
    const [box, row] = [await listbox.boundingBox(), await focused.boundingBox()]
    expect(row!.y).toBeGreaterThanOrEqual(box!.y - 1)
    expect(row!.y + row!.height).toBeLessThanOrEqual(box!.y + box!.height + 1)
  })

  it('drops a PDF, an MP3 and a renamed image (refused with its reason) and a CSV catalog', async () => {
    await page.locator('.nav-item', { hasText: 'Knowledge base' }).click()
    await drop('.knowledge-base', [
      { name: 'Menu.pdf', type: 'application/pdf', base64: b64(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20_000, 32)])) },
      { name: 'welcome.mp3', type: 'audio/mpeg', base64: b64(Buffer.concat([Buffer.from('ID3'), Buffer.alloc(5_000, 1)])) },
      { name: 'photo.pdf', type: 'application/pdf', base64: b64(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')) },
    ])
    await expect.poll(() => page.locator('.upload', { hasText: 'photo.pdf' }).textContent(), { timeout: 30_000 }).toMatch(/not really a PDF file/)
    await expect.poll(() => dump().knowledge_base.filter((e) => e.file_name === 'Menu.pdf' || e.file_name === 'welcome.mp3').length, { timeout: 60_000 }).toBe(2)
    await drop('.catalog-drop', [{ name: 'coffee.csv', type: 'text/csv', base64: b64('name,price,sku\nArabica 250g,45,AR-250\nقهوة سعودية,60,KSA-1\n') }])
    await expect.poll(() => page.locator('table.preview tbody tr').count()).toBe(2)
    expect(await checkView(page, '62-knowledge-base-catalog-preview')).toEqual([])
    await page.getByRole('button', { name: 'Create catalog' }).click()
    await expect.poll(() => dump().knowledge_base.find((e) => e.title === 'coffee')?.products.length, { timeout: 60_000 }).toBe(2)
    expect(dump().knowledge_base.some((e) => e.file_name === 'photo.pdf')).toBe(false)
    expect(await checkView(page, '63-knowledge-base-dropped')).toEqual([])
  })

  it('crawls a website to completion and a bad one to failure, with the reason', async () => {
    for (const url of ['https://shop.example/', 'https://gone.invalid/']) {
      await page.getByRole('button', { name: 'Add website' }).click()
      await page.getByLabel('Address').fill(url)
      await page.getByRole('button', { name: 'Start crawl' }).click()
      await expect.poll(() => dump().knowledge_base.some((e) => e.url === url), { timeout: 60_000 }).toBe(true)
    }
    const good = page.locator('.kb-row', { hasText: 'shop.example' })
    const bad = page.locator('.kb-row', { hasText: 'gone.invalid' })
    await expect.poll(() => good.locator('[data-status]').textContent(), { timeout: 40_000 }).toBe('Ready')
    await expect.poll(() => bad.textContent(), { timeout: 40_000 }).toMatch(/Failed.*could not be reached/)
    expect(await checkView(page, '64-knowledge-base-crawls')).toEqual([])
  })

  it('clones a voice from a picked sample and plays a spoken sentence', async () => {
    await page.locator('.nav-item', { hasText: 'Voice' }).click()
    await page.getByLabel('Name for a new clone').fill('Noura')
    await page.locator('input[type=file][accept*=".mp3"]').setInputFiles({ name: 'noura.mp3', mimeType: 'audio/mpeg', buffer: Buffer.concat([Buffer.from('ID3'), Buffer.alloc(50_000, 2)]) })
    await expect.poll(() => dump().voice.voice_name, { timeout: 60_000 }).toBe('Noura')
    await expect.poll(() => page.getByText('In use:').textContent()).toMatch(/Noura/)
    await page.getByLabel('Sentence').fill('أهلاً بكم في متجرنا')
    await page.getByRole('button', { name: 'Speak' }).click()
    await expect.poll(() => page.locator('audio').getAttribute('src'), { timeout: 60_000 }).toMatch(/^blob:/)
    // The user's own provider key: kept in the keychain, sent to SkyLight, shown by its ending.
    const providerKey = 'sk_voice_journey_51c9e0a7d3f2'
    const keysSent = () =>
      env.sandbox.control.requestLog().filter((r) => r.acted && r.path.endsWith('/voice/settings') && r.body && 'api_key' in (r.body as object)).map((r) => (r.body as { api_key: string | null }).api_key)
    await page.getByLabel('Use my own key').check()
    await page.getByLabel('Your voice provider key').fill(providerKey)
    await page.getByRole('button', { name: 'Save key' }).click()
    await expect.poll(() => page.getByText(/key ending in/).textContent()).toMatch(/d3f2/)
    expect(await page.getByLabel('Your voice provider key').inputValue()).toBe('')
    await expect.poll(() => keysSent(), { timeout: 60_000 }).toEqual([providerKey])
    expect(await page.content()).not.toContain(providerKey)
    expect(await checkView(page, '65-voice')).toEqual([])
    const files = (await readdir(env.dataDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())
    for (const f of files) expect((await readFile(join(f.parentPath, f.name))).includes(providerKey)).toBe(false)
    await page.getByLabel('Use SkyLight’s key').check()
    await expect.poll(() => keysSent().at(-1), { timeout: 60_000 }).toBeNull()
    await expect.poll(() => page.getByText(/key ending in/).count()).toBe(0)
    expect(dump().voice.uses_own_key).toBe(false)
    expect(env.pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
  })
})
