// A short run of the outbox stress (scripts/stress-outbox.ts): faults and SIGKILLs, judged
// from the sandbox alone. `npm run stress:outbox -- --runs 1000` is the full run.
import { describe, expect, it } from 'vitest'
import { runStress } from '../../../scripts/stress-outbox'

describe('outbox stress', () => {
  it('loses and duplicates nothing through faults and kills', async () => {
    const result = await runStress({ runs: 5, seed: 11 })
    expect(result.problems).toEqual([])
    expect(result).toMatchObject({ runs: 5, lost: 0, duplicated: 0 })
    expect(result.actions).toBeGreaterThan(20)
  }, 300_000)
})
