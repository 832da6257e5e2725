// The rate budget across a thread boundary: RemoteBudget (the sync thread's) and
// BudgetServer (the core's), joined by a real MessageChannel as the worker's port joins them.
import { MessageChannel } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { CancelledError, RateBudget } from '../../../src/main/core/skylight'
import { BudgetServer } from '../../../src/main/core/sync/thread/budget-server'
import type { BudgetReply, BudgetRequest } from '../../../src/main/core/sync/thread/protocol'
import { RemoteBudget } from '../../../src/main/core/sync/thread/remote-budget'

const channels: MessageChannel[] = []
afterEach(() => {
  for (const c of channels.splice(0)) c.port1.close()
})

function link(budget: RateBudget) {
  const channel = new MessageChannel()
  channels.push(channel)
  const remote = new RemoteBudget({ limit: budget.limit, windowMs: budget.windowMs, send: (r) => channel.port1.postMessage(r) })
  const server = new BudgetServer(budget, (reply) => channel.port2.postMessage(reply))
  channel.port2.on('message', (request: BudgetRequest) => server.handle(request))
  channel.port1.on('message', (reply: BudgetReply) => remote.granted(reply.id))
  return { remote, server }
}

describe('the rate budget across threads', () => {
  it('grants slots from the shared budget and counts them until released', async () => {
    const budget = new RateBudget({ limit: 2, windowMs: 100 })
    const { remote } = link(budget)
    const slot = await remote.acquire('sync')
    expect(budget.used).toBe(1)
    slot.release()
    slot.release() // twice is once
    await expect.poll(() => budget.used).toBe(0)
  })

  it('stops waiting when the request is cancelled, leaving no slot taken', async () => {
    const budget = new RateBudget({ limit: 1, windowMs: 100 })
    const { remote } = link(budget)
    const held = await budget.acquire('user')
    const controller = new AbortController()
    const waiting = remote.acquire('sync', controller.signal)
    await expect.poll(() => budget.waiting).toBe(1)
    controller.abort()
    await expect(waiting).rejects.toBeInstanceOf(CancelledError)
    await expect.poll(() => budget.waiting).toBe(0)
    held.release()
    await expect.poll(() => budget.used).toBe(0)
  })

  it('gives back a slot granted while its request was being cancelled', async () => {
    const budget = new RateBudget({ limit: 1, windowMs: 100 })
    const { remote } = link(budget)
    const controller = new AbortController()
    // Granted at once on the core's side; cancelled here before the grant arrives.
    const waiting = remote.acquire('sync', controller.signal)
    controller.abort()
    await expect(waiting).rejects.toBeInstanceOf(CancelledError)
    await expect.poll(() => budget.used).toBe(0)
  })

  it('takes back what a thread held when it ends without releasing', async () => {
    const budget = new RateBudget({ limit: 1, windowMs: 100 })
    const { remote, server } = link(budget)
    await remote.acquire('sync') // never released: the thread died mid-request
    const next = remote.acquire('sync') // and this one waits behind it
    await expect.poll(() => budget.waiting).toBe(1)
    server.close()
    expect(budget.waiting).toBe(0)
    await expect.poll(() => budget.used).toBe(0)
    remote.dispose()
    await expect(next).rejects.toBeInstanceOf(CancelledError)
  })

  it('leaves a few slots of every window free of background requests, for a poll that falls due', async () => {
    // 20 a window: background requests may hold 18 at once, the poll still gets its 2.
    const budget = new RateBudget({ limit: 20, windowMs: 300 })
    budget.observe(undefined, undefined) // as after a first answer: more than one at a time
    const { remote } = link(budget)
    for (let i = 0; i < 18; i++) (await remote.acquire('background')).release()
    let granted = false
    const nineteenth = remote.acquire('background').then((slot) => {
      granted = true
      return slot
    })
    const poll = await remote.acquire('sync')
    const next = await remote.acquire('sync')
    expect(granted).toBe(false)
    expect(budget.used).toBe(20)
    poll.release()
    next.release()
    // Once the first of them leaves the window, background requests go on.
    ;(await nineteenth).release()
    expect(granted).toBe(true)
    remote.dispose()
  })
})
