// Notices a channel that was connected and no longer is, after sync re-read the channels
// (or a live call answered): the core says so once per drop, so the shell can raise a
// notification. A disconnect the user asked for is not news.
import type { StoreDb } from './store'
import { channels } from './store/schema/account'

export interface ChannelDrop {
  type: string
  syncStatus: string | null
}

export class ChannelWatch {
  #connected = new Map<string, Set<string>>()
  #expected = new Map<string, Set<string>>()

  /** The user disconnected it: the next drop of this channel is expected. */
  expectDrop(accountId: string, type: string): void {
    const set = this.#expected.get(accountId) ?? new Set()
    set.add(type)
    this.#expected.set(accountId, set)
  }

  /** Channels that dropped since the last look; the first look only learns the states. */
  check(accountId: string, db: StoreDb): ChannelDrop[] {
    const rows = db.select({ type: channels.type, isConnected: channels.isConnected, syncStatus: channels.syncStatus }).from(channels).all()
    const before = this.#connected.get(accountId)
    const now = new Set(rows.filter((r) => r.isConnected).map((r) => r.type))
    this.#connected.set(accountId, now)
    if (!before) return []
    const expected = this.#expected.get(accountId)
    const drops: ChannelDrop[] = []
    for (const row of rows) {
      if (!before.has(row.type) || row.isConnected) continue
      if (expected?.delete(row.type)) continue
      drops.push({ type: row.type, syncStatus: row.syncStatus })
    }
    return drops
  }

  forget(accountId: string): void {
    this.#connected.delete(accountId)
    this.#expected.delete(accountId)
  }
}
