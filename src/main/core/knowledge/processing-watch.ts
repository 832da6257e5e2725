// Knowledge-base entries whose processing (a crawl, mostly) finishes or fails while the app
// runs: the knowledge_base.processing.* webhooks never reach a desktop app, so the local
// copy is compared after each change to it (sync or a status poll), and each entry seen
// processing and now settled is announced once (the app shows a notification).
import { kbList, type StoreDb } from '../store'

export interface KbSettled {
  accountId: string
  entryId: number
  title: string
  status: 'active' | 'failed'
  error: string | null
}

export class ProcessingWatch {
  readonly #last = new Map<string, Map<number, string>>()
  readonly #announce: (settled: KbSettled) => void

  constructor(announce: (settled: KbSettled) => void) {
    this.#announce = announce
  }

  /** Compares the account's entries with the last look; the first look only remembers. */
  check(accountId: string, db: StoreDb): void {
    const before = this.#last.get(accountId)
    const now = new Map<number, string>()
    for (const e of kbList(db)) {
      now.set(e.id, e.status)
      if (before?.get(e.id) === 'processing' && (e.status === 'active' || e.status === 'failed')) {
        this.#announce({ accountId, entryId: e.id, title: e.title, status: e.status, error: e.error })
      }
    }
    this.#last.set(accountId, now)
  }

  forget(accountId: string): void {
    this.#last.delete(accountId)
  }
}
