// What every view is held to in the browser: a screenshot to look at, and no serious or
// critical axe-core violations. axe is served by the host from the page's own origin, so
// the app's strict Content-Security-Policy stays as it ships.
import { expect } from 'vitest'
import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Page } from 'playwright-core'

// Callbacks passed to page.evaluate run in the page; these names are the page's own there.
// Declared in this module only, so the Node-side type check needs no DOM library.
declare const window: any
declare const document: any
declare const getComputedStyle: (el: unknown) => { direction: string }
declare const requestAnimationFrame: (callback: (time: number) => void) => number
declare const DataTransfer: any
declare const File: any

export const SCREENSHOTS = resolve('test-results/screenshots')

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true })
  const path = resolve(SCREENSHOTS, `${name}.png`)
  // Let lists measure and images decode before the picture is taken.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  await page.screenshot({ path })
  return path
}

export interface AxeFinding {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/** Serious and critical accessibility violations on the page as it is now. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => 'axe' in window)
  if (!loaded) await page.addScriptTag({ url: '/axe.js' })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => String(n.target.join(' '))) }))
  })
}

/** A view passes when axe finds nothing serious; the message lists what it found. */
export async function checkView(page: Page, name: string): Promise<AxeFinding[]> {
  await screenshot(page, name)
  return axeFindings(page)
}

/** Photographs the view and fails the test on a serious or critical axe finding, naming each. */
export async function expectNoSeriousA11y(page: Page, name: string): Promise<void> {
  const findings = await checkView(page, name)
  expect(findings, `${name}: ${JSON.stringify(findings, null, 1)}`).toEqual([])
}

/** Drops files built inside the page (so big ones never pass through the test's memory). */
export async function dropFiles(page: Page, selector: string, files: { name: string; type: string; size: number; png?: boolean }[]): Promise<void> {
  const transfer = await page.evaluateHandle((specs) => {
    // A 1×1 PNG, so an image dropped in the test is a real one.
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC'), (c) => c.charCodeAt(0))
    const data = new DataTransfer()
    for (const spec of specs) {
      const bytes = spec.png ? png : new Uint8Array(spec.size)
      if (!spec.png && spec.size >= 8) bytes.set([0, 0, 0, 24, 102, 116, 121, 112]) // an MP4 'ftyp' box start
      data.items.add(new File([bytes], spec.name, { type: spec.type }))
    }
    return data
  }, files)
  await page.locator(selector).dispatchEvent('dragover', { dataTransfer: transfer })
  await page.locator(selector).dispatchEvent('drop', { dataTransfer: transfer })
}
