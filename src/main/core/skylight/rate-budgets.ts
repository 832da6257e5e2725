// One RateBudget per API key for the whole core: every client made for the same key shares
// it, so sync, outbox and views together stay under the server's limit.
import { createHash } from 'node:crypto'
import { RateBudget } from './rate-budget'

export interface RateLimitSettings {
  limit: number
  windowMs: number
}

/** The documented limit: 120 requests per minute per key. */
export const SKYLIGHT_RATE_LIMIT: RateLimitSettings = { limit: 120, windowMs: 60_000 }

export class RateBudgets {
  readonly #settings: RateLimitSettings
  readonly #byKey = new Map<string, RateBudget>()

  constructor(settings: RateLimitSettings = SKYLIGHT_RATE_LIMIT) {
    this.#settings = settings
  }

  for(baseUrl: string, apiKey: string): RateBudget {
    // Keyed by a digest so this map never holds a key in clear.
    const id = createHash('sha256').update(`${baseUrl}\n${apiKey}`).digest('hex')
    let budget = this.#byKey.get(id)
    if (!budget) {
      budget = new RateBudget(this.#settings)
      this.#byKey.set(id, budget)
    }
    return budget
  }

  dispose(): void {
    for (const budget of this.#byKey.values()) budget.dispose()
    this.#byKey.clear()
  }
}
