// One entry per /api/v1 request, enough for a test to count requests and spot duplicate sends or uploads.

export type Outcome =
  | 'ok' | 'unauthorized' | 'rate-limited' | 'fault:5xx' | 'fault:drop-before' | 'fault:drop-after' | 'fault:truncate' | 'fault:slow-answer' | 'fault:empty-page' | 'fault:empty-list' | 'fault:invalid-items' | 'error'

export interface RequestLogEntry {
  seq: number
  /** ISO time on the sandbox clock. */
  at: string
  accountId: number | null
  method: string
  path: string
  query: Record<string, string>
  /** null when no response was sent (dropped connection). */
  status: number | null
  outcome: Outcome
  /** Did the server perform/record the action? */
  acted: boolean
  /** Parsed JSON body; for uploads {original_name, name, size, sha256}; else null. */
  body: unknown
  createdId?: number
}

/** Old entries are dropped past this many, so a long demo session cannot grow without bound. */
const MAX_ENTRIES = 50_000

export class RequestLog {
  private entries: RequestLogEntry[] = []
  private seq = 0

  start(fields: Pick<RequestLogEntry, 'at' | 'method' | 'path' | 'query'>): RequestLogEntry {
    const entry: RequestLogEntry = { seq: ++this.seq, accountId: null, status: null, outcome: 'ok', acted: false, body: null, ...fields }
    this.entries.push(entry)
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES)
    return entry
  }

  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e }))
  }

  clear(): void {
    this.entries = []
  }
}
