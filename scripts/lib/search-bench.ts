// Search as the user types it: every prefix of a Latin and an Arabic word (1 to 5
// letters), each asked as the inbox asks it per keystroke (one page of 50 message hits
// with snippets, plus 8 contacts: the 'search' method), and the total as 'search-count'
// asks it once typing pauses. Beside each figure, raw SQLite doing the same work: the same
// SQL text through better-sqlite3 on its own connection to the same file, so what is left
// between the two is the store's own cost. Times are per call, wall and this thread's CPU.
import Database from 'better-sqlite3'
import { countMessageHits, searchContacts, searchMessages, type Store } from '../../src/main/core/store'
import { messageSearchQuery, RANK_WINDOW } from '../../src/main/core/store/queries/search'
import { toMatchQuery } from '../../src/main/core/store/search/normalize'
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core'
import { percentile } from './percentile'

/** What the inbox asks per keystroke and what the bench:ui journey types. */
export const TYPED_WORDS = { Latin: 'order', Arabic: 'مرحبا' } as const
const PAGE = 50
const CONTACTS = 8
/** The target for keystroke → results painted; the query is the core's share. */
export const KEYSTROKE_TARGET_MS = 50

export interface Timing {
  wallMs: number
  cpuMs: number
}

export interface PrefixFigures {
  script: keyof typeof TYPED_WORDS
  prefix: string
  hits: number
  store: Timing[]
  raw: Timing[]
  count: Timing[]
}

// The process's CPU, not the thread's: Linux reads a running thread's time as of its last
// scheduler tick, so a 3 ms call timed with process.threadCpuUsage() reads anywhere from 0
// to 5 ms (measured here), while the process's is exact. This bench is single-threaded
// while it runs, so the two differ only by the collector's helper threads.
const cpuNow = (): number => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

function time(fn: () => void): Timing {
  const cpu = cpuNow()
  const wall = performance.now()
  fn()
  return { wallMs: performance.now() - wall, cpuMs: cpuNow() - cpu }
}

/** Times every prefix `runs` times, the store and raw SQLite taking turns. */
export function benchPrefixSearch(store: Store, runs = 20): PrefixFigures[] {
  const raw = new Database(store.path, { readonly: true })
  try {
    const dialect = new SQLiteSyncDialect()
    const contactsSql = raw.prepare(`
      SELECT c.id, c.name, c.phone, c.email, c.type, c.blacklisted FROM contacts_fts
      JOIN contacts c ON c.id = contacts_fts.rowid WHERE contacts_fts MATCH ?
      ORDER BY bm25(contacts_fts, 10.0, 2.0, 2.0), c.sort_name LIMIT ${CONTACTS}`)
    const figures: PrefixFigures[] = []
    for (const [script, word] of Object.entries(TYPED_WORDS) as [keyof typeof TYPED_WORDS, string][]) {
      for (let n = 1; n <= word.length; n++) {
        const prefix = word.slice(0, n)
        const match = toMatchQuery(prefix)!
        // The core's first page: the first rank window's bounds, then its best hits.
        const bound = raw.prepare(`SELECT max(rowid) AS hi, min(rowid) AS lo, count(*) AS n FROM (
          SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ${RANK_WINDOW})`)
        const window = () => {
          const row = bound.get(match) as { hi: number; lo: number; n: number }
          return { hi: row.hi, lo: row.n < RANK_WINDOW ? null : row.lo }
        }
        const query = dialect.sqlToQuery(messageSearchQuery({ query: prefix, limit: PAGE }, window())!)
        const messagesSql = raw.prepare(query.sql)
        const f: PrefixFigures = { script, prefix, hits: 0, store: [], raw: [], count: [] }
        for (let r = 0; r < runs; r++) {
          f.store.push(
            time(() => {
              searchMessages(store.db, { query: prefix, limit: PAGE })
              searchContacts(store.db, { query: prefix, limit: CONTACTS })
            }),
          )
          f.raw.push(
            time(() => {
              window() // the same bounds each time: nothing is written meanwhile
              messagesSql.all(...query.params)
              contactsSql.all(match)
            }),
          )
          if (r < Math.max(3, runs / 4)) f.count.push(time(() => (f.hits = countMessageHits(store.db, { query: prefix }))))
        }
        figures.push(f)
      }
    }
    return figures
  } finally {
    raw.close()
  }
}

const ms = (n: number) => `${n.toFixed(2)} ms`.padStart(9)

/** The lines a benchmark prints: per prefix, then per script against the target. */
export function printPrefixSearch(figures: readonly PrefixFigures[], indent = '  '): void {
  const stat = (t: readonly Timing[], key: keyof Timing, p: number) => ms(percentile(t.map((x) => x[key]), p))
  console.log(`${indent}${'typed'.padEnd(8)}${'hits'.padStart(7)}   store (search: ${PAGE} hits + ${CONTACTS} contacts)     raw SQLite, same SQL          search-count`)
  for (const f of figures) {
    console.log(
      `${indent}${f.prefix.padEnd(8)}${String(f.hits).padStart(7)}   wall p50 ${stat(f.store, 'wallMs', 50)} p95 ${stat(f.store, 'wallMs', 95)}` +
        `   wall p50 ${stat(f.raw, 'wallMs', 50)} p95 ${stat(f.raw, 'wallMs', 95)}   p50 ${stat(f.count, 'wallMs', 50)}`,
    )
  }
  for (const script of Object.keys(TYPED_WORDS) as (keyof typeof TYPED_WORDS)[]) {
    const all = figures.filter((f) => f.script === script)
    const store = all.flatMap((f) => f.store)
    const raw = all.flatMap((f) => f.raw)
    const p95 = percentile(store.map((t) => t.wallMs), 95)
    console.log(
      `${indent}keystroke query, ${script.padEnd(6)} (1–5 letters): wall p50 ${stat(store, 'wallMs', 50)} p95 ${stat(store, 'wallMs', 95)}, CPU p50 ${stat(store, 'cpuMs', 50)} p95 ${stat(store, 'cpuMs', 95)}` +
        ` (target p95 ≤ ${KEYSTROKE_TARGET_MS} ms — ${p95 <= KEYSTROKE_TARGET_MS ? 'ok' : 'MISSED'});` +
        ` raw SQLite wall p95 ${stat(raw, 'wallMs', 95)}, CPU p95 ${stat(raw, 'cpuMs', 95)}; store at ${((percentile(raw.map((t) => t.cpuMs), 50) / Math.max(1e-6, percentile(store.map((t) => t.cpuMs), 50))) * 100).toFixed(0)}% of raw (CPU p50)`,
    )
  }
}
