import { describe, expect, it } from 'vitest'
import { RateBudget, type Priority } from '../../../src/main/core/skylight/rate-budget'
import { CancelledError } from '../../../src/main/core/skylight/errors'

async function take(budget: RateBudget, n: number, priority: Priority = 'sync') {
  const slots = await Promise.all(Array.from({ length: n }, () => budget.acquire(priority)))
  return slots
}

describe('RateBudget', () => {
  it('grants up to the limit at once, then only as answered requests age out of the window', async () => {
    const budget = new RateBudget({ limit: 5, windowMs: 300 })
    budget.observe(undefined, undefined) // calibrated: skip the cold-start probe
    const first = await take(budget, 5)
    let sixth = false
    const pending = budget.acquire().then((slot) => {
      sixth = true
      return slot
    })
    await new Promise((r) => setTimeout(r, 100))
    expect(sixth).toBe(false) // all five are still in flight
    const releasedAt = Date.now()
    first[0]!.release()
    const slot = await pending
    // The slot frees a full window after the first answer, not when it was sent.
    expect(Date.now() - releasedAt).toBeGreaterThanOrEqual(290)
    slot.release()
    budget.dispose()
  })

  it('sends one request at a time until the first answer calibrates it (cold start)', async () => {
    const budget = new RateBudget({ limit: 10, windowMs: 1000 })
    const first = await budget.acquire()
    let second = false
    void budget.acquire().then(() => (second = true))
    await new Promise((r) => setTimeout(r, 30))
    expect(second).toBe(false)
    first.release()
    budget.observe(9, undefined)
    await new Promise((r) => setTimeout(r, 10))
    expect(second).toBe(true)
    budget.dispose()
  })

  it('serves user actions before background sync', async () => {
    const budget = new RateBudget({ limit: 1, windowMs: 100 })
    budget.observe(undefined, undefined)
    const holder = await budget.acquire()
    const order: string[] = []
    const waits = [
      budget.acquire('background').then((s) => (order.push('background'), s.release())),
      budget.acquire('sync').then((s) => (order.push('sync'), s.release())),
      budget.acquire('user').then((s) => (order.push('user'), s.release())),
    ]
    holder.release()
    await Promise.all(waits)
    expect(order).toEqual(['user', 'sync', 'background'])
    budget.dispose()
  })

  it('holds everyone back while paused by a 429', async () => {
    const budget = new RateBudget({ limit: 100, windowMs: 1000 })
    budget.observe(undefined, undefined)
    budget.pauseFor(200)
    const start = Date.now()
    ;(await budget.acquire('user')).release()
    expect(Date.now() - start).toBeGreaterThanOrEqual(190)
    budget.dispose()
  })

  it('obeys the server when it says the key is spent', async () => {
    const budget = new RateBudget({ limit: 100, windowMs: 1000 })
    budget.observe(1, Date.now() + 250)
    const start = Date.now()
    ;(await budget.acquire()).release() // the one the server still allows
    ;(await budget.acquire()).release() // must wait for the server's reset
    expect(Date.now() - start).toBeGreaterThanOrEqual(240)
    budget.dispose()
  })

  it('lets a waiter cancel, and rejects waiters on dispose', async () => {
    const budget = new RateBudget({ limit: 1, windowMs: 10_000 })
    budget.observe(undefined, undefined)
    await budget.acquire()
    const controller = new AbortController()
    const cancelled = budget.acquire('user', controller.signal)
    controller.abort()
    await expect(cancelled).rejects.toBeInstanceOf(CancelledError)
    const disposed = budget.acquire()
    budget.dispose()
    await expect(disposed).rejects.toBeInstanceOf(CancelledError)
    expect(budget.waiting).toBe(0)
  })
})
