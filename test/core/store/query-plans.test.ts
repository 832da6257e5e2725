import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { Store } from '../../../src/main/core/store'
import { conversationPageQuery } from '../../../src/main/core/store/queries/conversations'
import { messageSearchQuery } from '../../../src/main/core/store/queries/search'
import { threadPageQuery } from '../../../src/main/core/store/queries/thread'
import { seedAccount } from './fixtures'
import { openTempStore } from './helpers'

function plan(store: Store, query: { toSQL(): { sql: string; params: unknown[] } }): string[] {
  const { sql, params } = query.toSQL()
  const rows = store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(params as unknown[])) as { detail: string }[]
  return rows.map((r) => r.detail)
}

/** Reads `table` through `index`, never a full scan of the table or a sort afterwards. */
function expectIndexed(details: string[], table: string, index: string) {
  expect(details.some((d) => d.includes(`${table} USING INDEX ${index}`) || d.includes(`${table} USING COVERING INDEX ${index}`))).toBe(true)
  expect(details.filter((d) => new RegExp(`^SCAN ${table}$`).test(d))).toEqual([])
  expect(details.filter((d) => d.includes('TEMP B-TREE'))).toEqual([])
}

describe('query plans', () => {
  it('has FTS5 rank message search hits itself, joining only the page it returns', () => {
    const store = openTempStore()
    seedAccount(store.db)
    store.sqlite.exec('ANALYZE')
    const details = (store.db.all(sql`EXPLAIN QUERY PLAN ${messageSearchQuery({ query: 'cafe', limit: 30 })}`) as { detail: string }[]).map(
      (r) => r.detail,
    )
    // No sort after the join: SQLite stops after one page, so snippets are made for 30 rows.
    expect(details.filter((d) => d.includes('TEMP B-TREE'))).toEqual([])
    expect(details[0]).toMatch(/^SCAN messages_fts VIRTUAL TABLE/)
    expect(details.join('\n')).toMatch(/SEARCH m USING INTEGER PRIMARY KEY/)
    // Within a rank window FTS5 reads only that rowid range (its plan string: M match, > and < bounds).
    const windowed = (store.db.all(sql`EXPLAIN QUERY PLAN ${messageSearchQuery({ query: 'cafe', limit: 30 }, { hi: 900, lo: 100 })}`) as { detail: string }[]).map((r) => r.detail)
    expect(windowed[0]).toMatch(/^SCAN messages_fts VIRTUAL TABLE INDEX \d+:M\d*(<>|><)/)
    expect(windowed.filter((d) => d.includes('TEMP B-TREE'))).toEqual([])
  })

  it('reads the conversation page from an index, first page, later pages and by channel', () => {
    const store = openTempStore()
    seedAccount(store.db)
    store.sqlite.exec('ANALYZE')
    expectIndexed(plan(store, conversationPageQuery(store.db, { limit: 50 })), 'conversations', 'conversations_recent_idx')
    const later = plan(store, conversationPageQuery(store.db, { before: { at: 1, contactId: 3 } }))
    expectIndexed(later, 'conversations', 'conversations_recent_idx')
    expect(later.join('\n')).toMatch(/SEARCH conversations USING INDEX conversations_recent_idx \(last_message_at_ms<\?\)/)
    expectIndexed(plan(store, conversationPageQuery(store.db, { channel: 'whatsapp' })), 'conversations', 'conversations_channel_recent_idx')
    // The contact's name is looked up by primary key, not scanned for.
    expect(plan(store, conversationPageQuery(store.db)).join('\n')).toMatch(/SEARCH contacts USING INTEGER PRIMARY KEY/)
  })

  it('reads a thread page from an index, first page and going back', () => {
    const store = openTempStore()
    seedAccount(store.db)
    store.sqlite.exec('ANALYZE')
    const first = plan(store, threadPageQuery(store.db, { contactId: 1 }))
    expectIndexed(first, 'messages', 'messages_thread_idx')
    expect(first.join('\n')).toMatch(/SEARCH messages USING INDEX messages_thread_idx \(contact_id=\?\)/)
    const back = plan(store, threadPageQuery(store.db, { contactId: 1, before: { at: 1, rowId: 5 } }))
    expect(back.join('\n')).toMatch(/SEARCH messages USING INDEX messages_thread_idx \(contact_id=\? AND sort_at_ms<\?\)/)
    expectIndexed(back, 'messages', 'messages_thread_idx')
  })
})
