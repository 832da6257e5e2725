// The store's message writes against raw SQLite doing the same work: the same migrated
// file (same table, same indexes, same FTS5 index with the same normalised text and the
// same merge step), the same pages of at most 100 messages of one contact, one
// transaction a page, each page first looking up which of its messages are stored. What
// is left between the two is the store's own cost: drizzle, partitioning, pending-delete
// and contact checks. Both start from a file whose contacts exist, so neither creates them.
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Message } from '../../src/main/core/skylight/resources/messages'
import { epochMs, openStore, upsertMessages } from '../../src/main/core/store'
import { normalizeForSearch } from '../../src/main/core/store/search/normalize'

export interface WriteFigures {
  rows: number
  pages: number
  store: { wallMs: number; cpuMs: number; rows: number }
  raw: { wallMs: number; cpuMs: number; rows: number }
}

export type ContactMessages = [contactId: number, messages: Message[]]

const PER_PAGE = 100
const MERGE_PAGES = 16

function pagesOf(histories: readonly ContactMessages[]): ContactMessages[] {
  const pages: ContactMessages[] = []
  for (const [contactId, list] of histories) {
    for (let i = 0; i < list.length; i += PER_PAGE) pages.push([contactId, list.slice(i, i + PER_PAGE)])
  }
  return pages
}

function timed(run: () => number): { wallMs: number; cpuMs: number; rows: number } {
  const cpu = process.cpuUsage()
  const started = performance.now()
  const rows = run()
  const wallMs = performance.now() - started
  const used = process.cpuUsage(cpu)
  return { wallMs, cpuMs: (used.user + used.system) / 1000, rows }
}

export function benchWrites(dir: string, histories: readonly ContactMessages[]): WriteFigures {
  const pages = pagesOf(histories)
  // One migrated file with every contact, copied so both writers start from the same bytes.
  const template = join(dir, 'writes-template.sqlite')
  const setup = openStore({ path: template })
  setup.sqlite.transaction(() => {
    const insert = setup.sqlite.prepare('INSERT INTO contacts (id, name, blacklisted) VALUES (?, ?, 0)')
    for (const [contactId] of histories) insert.run(contactId, `Contact ${contactId}`)
  })()
  setup.sqlite.pragma('wal_checkpoint(TRUNCATE)')
  setup.close()
  const storePath = join(dir, 'writes-store.sqlite')
  const rawPath = join(dir, 'writes-raw.sqlite')
  copyFileSync(template, storePath)
  copyFileSync(template, rawPath)

  const store = openStore({ path: storePath, prepareSchema: false })
  const storeFigures = timed(() => {
    let rows = 0
    for (const [contactId, page] of pages) rows += upsertMessages(store.db, contactId, page).inserted.length
    return rows
  })
  store.close()

  const raw = new Database(rawPath)
  // The store's own pragmas (store/open.ts).
  raw.pragma('journal_mode = WAL')
  raw.pragma('synchronous = NORMAL')
  raw.pragma('wal_autocheckpoint = 250')
  raw.pragma('foreign_keys = ON')
  raw.pragma('temp_store = MEMORY')
  const insert = raw.prepare(
    `INSERT INTO messages (server_id, contact_id, direction, channel, content, status, error, sent_at, created_at, sort_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const index = raw.prepare('INSERT INTO messages_fts(rowid, content) VALUES (?, ?)')
  const merge = raw.prepare(`INSERT INTO messages_fts(messages_fts, rank) VALUES('merge', ${MERGE_PAGES})`)
  // One JSON parameter for the page's ids: cheaper than a hundred parameters.
  const lookup = raw.prepare('SELECT server_id FROM messages WHERE server_id IN (SELECT value FROM json_each(?))')
  const writePage = raw.transaction((contactId: number, page: Message[]) => {
    const known = new Set((lookup.all(JSON.stringify(page.map((m) => m.id))) as { server_id: number }[]).map((r) => r.server_id))
    let rows = 0
    for (const m of page) {
      if (known.has(m.id)) continue
      const { lastInsertRowid } = insert.run(m.id, contactId, m.direction, m.channel, m.content, m.status, m.error, m.sent_at, m.created_at, epochMs(m.sent_at, m.created_at))
      if (m.content) index.run(lastInsertRowid, normalizeForSearch(m.content))
      rows++
    }
    merge.run()
    return rows
  })
  const rawFigures = timed(() => {
    let rows = 0
    for (const [contactId, page] of pages) rows += writePage(contactId, page)
    return rows
  })
  raw.close()
  return { rows: histories.reduce((n, [, list]) => n + list.length, 0), pages: pages.length, store: storeFigures, raw: rawFigures }
}
