// Timing inside the page, where the user sees it: an action, then the first frame after the
// DOM shows its outcome. Runs in the page through playwright's evaluate (not subject to the
// page's CSP); the CPU the renderer spent comes from the DevTools protocol beside it.
import type { CDPSession, Page } from 'playwright-core'

/** Installed once per page: `__probe(act, done)` resolves with ms from act to the presented frame. */
export const PROBE_SOURCE = `
window.__probeSeq = 0
window.__probe = (act, done, timeoutMs = 10000) => new Promise((resolve) => {
  const started = performance.now()
  // The frame that shows the outcome, timed as the browser presents it: a mark added in the
  // same turn is drawn by the same frame, and Element Timing reports when that frame was
  // presented (main-thread paint ends a few ms earlier; the next frame, a frame later).
  const painted = () => {
    const id = 'probe-' + ++window.__probeSeq
    const mark = document.createElement('span')
    mark.setAttribute('elementtiming', id)
    mark.textContent = '.'
    mark.style.cssText = 'position:fixed;left:0;top:0;font-size:8px;pointer-events:none;z-index:2147483647'
    const finish = (ms) => {
      clearTimeout(unseen)
      seen.disconnect()
      mark.remove()
      resolve(ms)
    }
    const seen = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.identifier === id) finish(entry.renderTime - started)
    })
    // A mark never reported (hidden by the page) counts as a step that timed out.
    const unseen = setTimeout(() => finish(-1), timeoutMs)
    seen.observe({ type: 'element' })
    document.body.append(mark)
  }
  act()
  // Shown at once: the next frame draws it, and the mark with it.
  if (done()) return painted()
  const check = () => {
    // The DOM changed before this frame's callbacks ran: this frame draws it.
    if (done()) return painted()
    if (performance.now() - started > timeoutMs) return resolve(-1)
    requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
})
// Sets a control as the user would, and waits for the frame showing the core's answer to
// \`method\` asked with that value (as input[key]; absent counts as '').
window.__setAndAnswer = (selector, value, event, method, key) => {
  let from = 0
  return window.__probe(
    () => {
      from = window.__answers.length
      const control = document.querySelector(selector)
      control.value = value
      control.dispatchEvent(new Event(event, { bubbles: true }))
    },
    () => window.__answers.slice(from).some((a) => a.method === method && (a.input[key] ?? '') === value),
  )
}
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
