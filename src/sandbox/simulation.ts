// Time passing in the sandbox: message statuses move on and running campaigns deliver,
// either when a test asks (advance N steps) or on an auto-advance timer (demo, CLI).
import { completeIfDone } from './campaign-machine'
import type { AccountStore } from './data/account-store'
import { deliverNext } from './data/campaigns'
import { advanceMessageStatuses } from './data/messaging'
import type { World } from './data/world'
import type { AutoAdvanceOptions } from './options'
import type { TimerSet } from './timers'

/** Recipients a running campaign reaches per step. */
export const CONTACTS_PER_STEP = 5

function accountsOf(world: World, accountId?: number): AccountStore[] {
  if (accountId === undefined) return world.accounts
  const store = world.account(accountId)
  if (!store) throw new Error(`No account ${accountId}`)
  return [store]
}

/** Returns how many status changes happened. */
export function advanceMessages(world: World, steps: number, accountId?: number): number {
  let moved = 0
  for (let i = 0; i < steps; i++) {
    for (const store of accountsOf(world, accountId)) moved += advanceMessageStatuses(store)
  }
  return moved
}

/** Each step, every running campaign (paused ones wait) reaches its next few recipients. Returns how many were reached. */
export function advanceCampaigns(world: World, steps: number, accountId?: number): number {
  let reached = 0
  for (let i = 0; i < steps; i++) {
    for (const store of accountsOf(world, accountId)) {
      for (const campaign of store.campaigns.values()) {
        if (campaign.status !== 'running') continue
        const now = world.now()
        reached += deliverNext(world, store, campaign, CONTACTS_PER_STEP, now)
        completeIfDone(campaign, now)
      }
    }
  }
  return reached
}

export class AutoAdvance {
  private handles: NodeJS.Timeout[] = []
  private current: AutoAdvanceOptions | null = null

  constructor(
    private readonly world: World,
    private readonly timers: TimerSet,
  ) {}

  get settings(): AutoAdvanceOptions | null {
    return this.current ? { ...this.current } : null
  }

  set(options: AutoAdvanceOptions | null): void {
    for (const handle of this.handles) this.timers.cancel(handle)
    this.handles = []
    this.current = options ? { ...options } : null
    if (!options) return
    this.handles.push(this.timers.every(options.messageMs, () => advanceMessages(this.world, 1)))
    this.handles.push(this.timers.every(options.campaignMs, () => advanceCampaigns(this.world, 1)))
  }
}
