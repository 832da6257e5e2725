// Everything one sandbox holds: its accounts, id sequences shared by all accounts
// (so one account's ids never resolve in another), the clock and the public origin.
import type { AccountStore } from './account-store'
import { Prng } from './prng'

/**
 * The name of an id sequence ('contact', 'kbProduct'): one per kind of record, shared by
 * every account. A new resource's routes simply name theirs.
 */
export type IdKind = string

export class IdSequences {
  private readonly last = new Map<IdKind, number>()

  next(kind: IdKind): number {
    const id = (this.last.get(kind) ?? 0) + 1
    this.last.set(kind, id)
    return id
  }
}

export type MessageOrder = 'desc' | 'asc'

export class World {
  readonly ids = new IdSequences()
  readonly accounts: AccountStore[] = []
  private readonly byKey = new Map<string, AccountStore>()
  /** Randomness for things that happen at run time (inbound picks, upload file names). */
  readonly runtimeRandom: Prng
  /** Set once the server listens, e.g. http://127.0.0.1:4010 */
  origin = ''
  /** Where uploaded files are written. */
  storageDir = ''

  constructor(
    readonly seed: number,
    readonly now: () => number,
    readonly messageOrder: MessageOrder,
  ) {
    this.runtimeRandom = new Prng(seed ^ 0x5eed)
  }

  addAccount(account: AccountStore): void {
    this.accounts.push(account)
    for (const key of account.apiKeys) this.byKey.set(key, account)
  }

  accountByKey(key: string): AccountStore | undefined {
    return this.byKey.get(key)
  }

  account(id: number): AccountStore | undefined {
    return this.accounts.find((a) => a.id === id)
  }
}
