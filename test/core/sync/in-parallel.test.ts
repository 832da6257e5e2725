// A few sync requests in flight at once, and nothing left running after a failure.
import { describe, expect, it } from 'vitest'
import { inParallel } from '../../../src/main/core/sync/in-parallel'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('inParallel', () => {
  it('runs every item, never more than `width` at once, starting them in order', async () => {
    let running = 0
    let most = 0
    const started: number[] = []
    await inParallel([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      started.push(n)
      most = Math.max(most, ++running)
      await tick()
      running--
    })
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(most).toBe(3)
  })

  it('starts nothing after a failure, and throws the first error once the others have settled', async () => {
    const settled: number[] = []
    const run = inParallel([1, 2, 3, 4, 5], 2, async (n) => {
      await tick()
      if (n === 1) throw new Error('first')
      if (n === 2) {
        await tick()
        await tick()
        settled.push(n)
        throw new Error('second')
      }
      settled.push(n)
    })
    await expect(run).rejects.toThrow('first')
    // 2 was running when 1 failed and was waited for; 3, 4 and 5 never started.
    expect(settled).toEqual([2])
  })
})
