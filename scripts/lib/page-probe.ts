// Timing inside the page, where the user sees it: an action, then the first frame after the
// DOM shows its outcome. Runs in the page through playwright's evaluate (not subject to the
// page's CSP); the CPU the renderer spent comes from the DevTools protocol beside it.
import type { CDPSession, Page } from 'playwright-core'

/** Installed once per page: `__probe(act, done)` resolves with ms from act to the painted frame. */
export const PROBE_SOURCE = `
window.__probe = (act, done, timeoutMs = 10000) => new Promise((resolve) => {
  const started = performance.now()
  // A task queued from a frame's callbacks runs once that frame has painted.
  const painted = () => setTimeout(() => resolve(performance.now() - started))
  act()
  // Shown at once: the next frame paints it.
  if (done()) return requestAnimationFrame(painted)
  const check = () => {
    // The DOM changed before this frame's callbacks ran, so this frame paints it (waiting
    // for the next one as well would charge every step a frame it did not take).
    if (done()) return painted()
    if (performance.now() - started > timeoutMs) return resolve(-1)
    requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
})
// Every answer the page got from the core, so a step can wait for its own.
window.__answers = []
window.__watchAnswers = () => {
  if (!window.desk || window.desk.__watched) return
  const invoke = window.desk.invoke
  window.desk.invoke = async (method, input) => {
    const result = await invoke(method, input)
    window.__answers.push({ method, input, at: performance.now() })
    return result
  }
  window.desk.__watched = true
}
window.__longTasks = []
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration) }).observe({ type: 'longtask' })
`

export interface Sample {
  ms: number
  cpuMs: number
}

/** The renderer's main-thread CPU so far (ms), from the DevTools protocol. */
export async function rendererCpuMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000
}

/** Runs `step` (which returns the page's own ms) and the renderer CPU it took. */
export async function sample(cdp: CDPSession, step: () => Promise<number>): Promise<Sample> {
  const before = await rendererCpuMs(cdp)
  const ms = await step()
  return { ms, cpuMs: (await rendererCpuMs(cdp)) - before }
}

/**
 * Waits as a person would before the next action: a quarter of a second, then until the
 * window is idle, so what the last action set going (a read mark, a contact card) is not
 * charged to the next; `longTasksDuring` still sees it.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate('new Promise((resolve) => setTimeout(() => requestIdleCallback(() => resolve(), { timeout: 2000 }), 250))')
}

/** Long tasks (> 50 ms) the page saw while `run` ran (`fromStart`: since the document began). */
export async function longTasksDuring(page: Page, run: () => Promise<void>, options: { fromStart?: boolean } = {}): Promise<number[]> {
  // Page-side code as strings: this project's Node tsconfig has no DOM types.
  if (!options.fromStart) await page.evaluate('window.__longTasks = []')
  await run()
  // Long-task entries arrive after the task ends; give them a frame.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)))')
  return (await page.evaluate('window.__longTasks')) as number[]
}
