// Fault injection for /api/v1 and file URLs: seeded random faults at configured rates,
// plus one-shot rules that tests use to make a precise request fail in a precise way.
import { Prng } from '../data/prng'

export type FaultKind = 'status' | 'drop-before' | 'drop-after' | 'truncate' | 'latency' | 'rate-limit' | AnswerFault['kind']

/**
 * Faults in a well-formed answer (one-shot rules only): SkyLight receives the request and
 * carries it out only after `ms` (`slow-answer`), even if the client has given up waiting
 * meanwhile — a look right after the client's timeout finds nothing yet; a list
 * page whose `data` is empty while its meta still counts rows (`empty-page`); a list that
 * says it is empty (`empty-list`: no rows, total 0); a page whose every item is unreadable
 * (`invalid-items`).
 */
export type AnswerFault = { kind: 'slow-answer'; ms: number } | { kind: 'empty-page' } | { kind: 'empty-list' } | { kind: 'invalid-items' }

export interface FaultRule {
  method?: string
  /** A RegExp is tested against the full path; a string must equal it, with or without the /api/v1 prefix. */
  path?: RegExp | string
  kind: FaultKind
  /** For 'status' (default 500). */
  status?: number
  /** Seconds, for 'rate-limit' (default 1). */
  retryAfter?: number
  /** For 'latency' and 'slow-answer'. */
  ms?: number
  /** How many matching requests the rule applies to (default 1). */
  times?: number
}

export interface FaultSettings {
  latencyMs: number
  /** Each rate is a probability 0..1 per request. */
  errorRate: number
  dropBeforeRate: number
  dropAfterRate: number
  truncateRate: number
  offline: boolean
  rules: FaultRule[]
}

export type FaultAction =
  | { kind: 'none' }
  | { kind: 'status'; status: number }
  | { kind: 'drop-before' }
  | { kind: 'drop-after' }
  | { kind: 'truncate' }
  | { kind: 'rate-limit'; retryAfter: number }
  | AnswerFault

export interface FaultDecision {
  latencyMs: number
  action: FaultAction
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  errorRate: 0,
  dropBeforeRate: 0,
  dropAfterRate: 0,
  truncateRate: 0,
  offline: false,
  rules: [],
}

function ruleMatches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false
  if (rule.path === undefined) return true
  if (rule.path instanceof RegExp) return rule.path.test(path)
  return rule.path === path || `/api/v1${rule.path}` === path
}

export class FaultInjector {
  private current: FaultSettings = { ...NO_FAULTS, rules: [] }
  private readonly random: Prng

  constructor(seed: number) {
    this.random = new Prng(seed ^ 0xfa17)
  }

  get settings(): FaultSettings {
    return { ...this.current, rules: this.current.rules.map((r) => ({ ...r })) }
  }

  /** Merges; `rules` given here are appended to the pending ones. */
  update(patch: Partial<FaultSettings>): void {
    const rules = [...this.current.rules, ...(patch.rules ?? []).map((r) => ({ ...r, times: r.times ?? 1 }))]
    this.current = { ...this.current, ...patch, rules }
  }

  clear(): void {
    this.current = { ...NO_FAULTS, offline: this.current.offline, rules: [] }
  }

  decide(method: string, path: string): FaultDecision {
    let latencyMs = this.current.latencyMs
    const index = this.current.rules.findIndex((r) => ruleMatches(r, method, path))
    const rule = this.current.rules[index]
    if (rule) {
      rule.times = (rule.times ?? 1) - 1
      if (rule.times <= 0) this.current.rules.splice(index, 1)
      switch (rule.kind) {
        case 'latency':
          latencyMs += rule.ms ?? 0
          break
        case 'status':
          return { latencyMs, action: { kind: 'status', status: rule.status ?? 500 } }
        case 'rate-limit':
          return { latencyMs, action: { kind: 'rate-limit', retryAfter: Math.max(1, Math.ceil(rule.retryAfter ?? 1)) } }
        case 'slow-answer':
          return { latencyMs, action: { kind: 'slow-answer', ms: rule.ms ?? 1_000 } }
        default:
          return { latencyMs, action: { kind: rule.kind } as FaultAction }
      }
    }
    return { latencyMs, action: this.randomAction() }
  }

  /** One draw per request, so the sequence of faults depends only on the seed and the request count. */
  private randomAction(): FaultAction {
    const c = this.current
    if (c.errorRate + c.dropBeforeRate + c.dropAfterRate + c.truncateRate <= 0) return { kind: 'none' }
    let r = this.random.next()
    if ((r -= c.errorRate) < 0) return { kind: 'status', status: 500 }
    if ((r -= c.dropBeforeRate) < 0) return { kind: 'drop-before' }
    if ((r -= c.dropAfterRate) < 0) return { kind: 'drop-after' }
    if ((r -= c.truncateRate) < 0) return { kind: 'truncate' }
    return { kind: 'none' }
  }
}
