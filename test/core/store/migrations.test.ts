import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { defaultMigrationsFolder, openStore, searchMessages, StoreError, upsertContacts, upsertMessages } from '../../../src/main/core/store'
import { readJournal, type JournalEntry } from '../../../src/main/core/store/migrate'
import { afterTest, apiContact, apiMessage, at, openTempStore, tempDir } from './helpers'

const journal = readJournal(defaultMigrationsFolder)

/** A migrations folder holding only the first `count` migrations: the schema at that version. */
function migrationsUpTo(count: number): string {
  const folder = join(tempDir(), `migrations-${count}`)
  mkdirSync(join(folder, 'meta'), { recursive: true })
  const entries = journal.slice(0, count)
  for (const entry of entries) copyFileSync(join(defaultMigrationsFolder, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`))
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'sqlite', entries }))
  return folder
}

function objects(path: string): string[] {
  const db = new Database(path, { readonly: true })
  try {
    return (db.prepare(`SELECT type || ':' || name AS o FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1`).all() as { o: string }[]).map(
      (r) => r.o,
    )
  } finally {
    db.close()
  }
}

/** What each migration must leave behind. A new migration without a check here fails. */
const expectations: Record<string, (objects: string[], path: string) => void> = {
  '0000_create-account-tables': (o) => {
    for (const table of [
      'account',
      'channels',
      'contacts',
      'contact_tags',
      'contact_notes',
      'tags',
      'lists',
      'segments',
      'list_members',
      'segment_members',
      'conversations',
      'messages',
      'media',
      'campaigns',
      'campaign_contacts',
      'sync_state',
    ]) {
      expect(o).toContain(`table:${table}`)
    }
    expect(o).toContain('index:conversations_recent_idx')
    expect(o).toContain('index:messages_thread_idx')
  },
  '0001_add-search-index': (o) => {
    expect(o).toContain('table:messages_fts')
    expect(o).toContain('table:contacts_fts')
  },
  '0002_track-synced-messages': (_o, path) => {
    const db = new Database(path, { readonly: true })
    try {
      const column = (db.pragma('table_info(conversations)') as { name: string; dflt_value: string }[]).find(
        (c) => c.name === 'messages_synced_ms',
      )
      expect(column?.dflt_value).toBe('-1')
    } finally {
      db.close()
    }
  },
  '0003_queue-outbox-actions': (o, path) => {
    expect(o).toContain('table:outbox_actions')
    expect(o).toContain('table:outbox_local_ids')
    expect(o).toContain('index:outbox_actions_state_idx')
    expect(o).toContain('index:outbox_actions_lane_idx')
    const db = new Database(path, { readonly: true })
    try {
      // The runner's two lookups: due actions by state and time, a lane's actions in order.
      const plan = (query: string) => (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((r) => r.detail).join('; ')
      expect(plan(`SELECT id FROM outbox_actions WHERE state = 'queued' AND next_attempt_at <= 0`)).toContain('outbox_actions_state_idx')
      expect(plan(`SELECT id FROM outbox_actions WHERE lane = 'contact:1' ORDER BY id`)).toContain('outbox_actions_lane_idx')
    } finally {
      db.close()
    }
  },
  '0004_merge-search-index-in-steps': (_o, path) => {
    const db = new Database(path, { readonly: true })
    try {
      // FTS5 keeps its options in the index's config table; sync does the merging in steps.
      for (const index of ['messages_fts', 'contacts_fts']) {
        expect(db.prepare(`SELECT v FROM ${index}_config WHERE k = 'automerge'`).get()).toEqual({ v: 0 })
      }
    } finally {
      db.close()
    }
  },
  '0005_add-team-webhooks-and-profile-address': (o, path) => {
    expect(o).toContain('table:team_members')
    expect(o).toContain('table:webhooks')
    expect(o).toContain('table:webhook_events')
    const db = new Database(path, { readonly: true })
    try {
      const columns = (table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name)
      expect(columns('account')).toEqual(expect.arrayContaining(['address', 'country']))
      // A webhook's signing secret is a credential: there is nowhere to put it.
      expect(columns('webhooks').some((c) => c.includes('secret'))).toBe(false)
      expect(columns('team_members').some((c) => c.includes('password'))).toBe(false)
    } finally {
      db.close()
    }
  },
  '0006_add-tickets-bookings-and-web-chat': (o, path) => {
    for (const table of ['tickets', 'ticket_replies', 'ticket_departments', 'bookings', 'booking_types', 'booking_resources', 'web_chat_sessions', 'web_chat_messages']) {
      expect(o).toContain(`table:${table}`)
    }
    expect(o).toContain('index:bookings_time_idx')
    const db = new Database(path)
    try {
      // A ticket's replies go with it, and follow it when a ticket made offline takes the server's id.
      db.pragma('foreign_keys = ON')
      db.prepare(`INSERT INTO tickets (id, subject, priority, status) VALUES (-1, 'Offline', 'medium', 'open')`).run()
      db.prepare(`INSERT INTO ticket_replies (ticket_id, local_id, message, from_support) VALUES (-1, 'a', 'Hello', 0)`).run()
      db.prepare('UPDATE tickets SET id = 14 WHERE id = -1').run()
      expect(db.prepare('SELECT ticket_id FROM ticket_replies').get()).toEqual({ ticket_id: 14 })
      db.prepare('DELETE FROM tickets WHERE id = 14').run()
      expect(db.prepare('SELECT count(*) AS n FROM ticket_replies').get()).toEqual({ n: 0 })
    } finally {
      db.close()
    }
  },
  '0007_add-ai-agents-knowledge-base-and-voice': (o, path) => {
    expect(o).toContain('table:voice_settings')
    expect(o).toContain('table:voice_dialects')
    expect(o).toContain('table:kb_entries')
    expect(o).toContain('table:kb_products')
    expect(o).toContain('table:ai_agents')
    expect(o).toContain('table:ai_agent_assignments')
    expect(o).toContain('index:ai_agent_assignments_agent_idx')
    const db = new Database(path, { readonly: true })
    try {
      // An assignment goes with its contact or its agent, and follows either's new id.
      const fks = db.pragma('foreign_key_list(ai_agent_assignments)') as { table: string; on_delete: string; on_update: string }[]
      expect(fks.map((f) => [f.table, f.on_delete, f.on_update]).sort()).toEqual([
        ['ai_agents', 'CASCADE', 'CASCADE'],
        ['contacts', 'CASCADE', 'CASCADE'],
      ])
    } finally {
      db.close()
    }
  },
  '0008_record-reconcile-evidence': (_o, path) => {
    const db = new Database(path, { readonly: true })
    try {
      const columns = (db.pragma('table_info(outbox_actions)') as { name: string }[]).map((c) => c.name)
      expect(columns).toContain('evidence')
    } finally {
      db.close()
    }
  },
  '0009_record-seen-unread': (_o, path) => {
    const db = new Database(path, { readonly: true })
    try {
      const column = (db.pragma('table_info(conversations)') as { name: string; dflt_value: string | null; notnull: number }[]).find((c) => c.name === 'seen_unread')
      expect(column).toMatchObject({ dflt_value: '0', notnull: 1 })
    } finally {
      db.close()
    }
  },
  '0010_index-search-prefixes': (o, path) => {
    expect(o).toContain('table:messages_fts')
    const db = new Database(path, { readonly: true })
    try {
      const { sql } = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'messages_fts'`).get() as { sql: string }
      expect(sql).toContain(`prefix='1 2 3'`)
      // Made again with the tokenizer and external content of 0001 and automerge off as in 0004.
      expect(sql).toContain(`content='messages'`)
      expect(sql).toContain(`tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'"`)
      expect(db.prepare(`SELECT v FROM messages_fts_config WHERE k = 'automerge'`).get()).toEqual({ v: 0 })
    } finally {
      db.close()
    }
  },
}

describe('migrations', () => {
  it('has a check for every migration in the journal, named for what it does', () => {
    expect(journal.map((e: JournalEntry) => e.tag)).toEqual(Object.keys(expectations))
    for (const entry of journal) expect(entry.tag).toMatch(/^\d{4}_[a-z]+(-[a-z]+)+$/)
  })

  it('migrates a file from every earlier version to the latest, one step at a time', () => {
    for (let start = 0; start < journal.length; start++) {
      const path = join(tempDir(), 'account.sqlite')
      // Build the file at version `start`, then walk it up one migration at a time.
      if (start > 0) openStore({ path, migrationsFolder: migrationsUpTo(start) }).close()
      for (let step = start + 1; step <= journal.length; step++) {
        const store = openStore({ path, migrationsFolder: migrationsUpTo(step) })
        expect(store.appliedMigrations).toEqual([journal[step - 1]!.tag])
        store.close()
        const now = objects(path)
        for (const entry of journal.slice(0, step)) expectations[entry.tag]!(now, path)
      }
      // At the latest version, the default folder has nothing left to apply.
      const latest = openStore({ path })
      expect(latest.appliedMigrations).toEqual([])
      latest.close()
    }
  })

  it('creates everything on a fresh open and applies nothing on reopen', () => {
    const path = join(tempDir(), 'account.sqlite')
    const first = openStore({ path })
    expect(first.appliedMigrations).toEqual(journal.map((e) => e.tag))
    first.close()
    const all = objects(path)
    for (const check of Object.values(expectations)) check(all, path)
    const again = openStore({ path })
    afterTest(() => again.close())
    expect(again.appliedMigrations).toEqual([])
    expect(objects(path)).toEqual(all)
  })

  it('opens in WAL mode with foreign keys on and the agreed pragmas', () => {
    const store = openTempStore()
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    // FULL on the core's connection, which writes the outbox (issue 11 item 8: NORMAL could lose an in-flight mark).
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(store.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(250)
  })

  it('indexes data that was stored before the search index existed', () => {
    const path = join(tempDir(), 'account.sqlite')
    const old = openStore({ path, migrationsFolder: migrationsUpTo(1) })
    // Written by hand: at version 1 the store's write functions (which index) do not apply.
    old.sqlite.prepare(`INSERT INTO contacts (id, name, blacklisted) VALUES (1, 'مُحَمَّد', 0)`).run()
    old.sqlite
      .prepare(`INSERT INTO messages (server_id, contact_id, content, sort_at_ms) VALUES (7, 1, 'مرحباً يا مُحَمَّد', 1)`)
      .run()
    old.close()
    const store = openStore({ path })
    afterTest(() => store.close())
    expect(searchMessages(store.db, { query: 'محمد' }).map((h) => h.serverId)).toEqual([7])
    // And the index stays consistent for later writes to the same rows.
    upsertContacts(store.db, [apiContact({ id: 1, name: 'Mohammed' })])
    upsertMessages(store.db, 1, [apiMessage({ id: 7, content: 'Hello Mohammed', sent_at: at(1) })])
    expect(searchMessages(store.db, { query: 'محمد' })).toEqual([])
    expect(searchMessages(store.db, { query: 'mohammed' }).map((h) => h.serverId)).toEqual([7])
  })

  it('re-indexes the messages of a file from before the prefix index, so short prefixes find them', () => {
    const path = join(tempDir(), 'account.sqlite')
    const before = journal.findIndex((e) => e.tag === '0010_index-search-prefixes')
    const old = openStore({ path, migrationsFolder: migrationsUpTo(before) })
    upsertMessages(old.db, 1, [apiMessage({ id: 7, content: 'Order packed', sent_at: at(1) }), apiMessage({ id: 8, content: 'مَرحباً', sent_at: at(2) })])
    old.close()
    const store = openStore({ path })
    afterTest(() => store.close())
    expect(store.appliedMigrations).toContain('0010_index-search-prefixes')
    expect(searchMessages(store.db, { query: 'o' }).map((h) => h.serverId)).toEqual([7])
    expect(searchMessages(store.db, { query: 'pa' }).map((h) => h.serverId)).toEqual([7])
    expect(searchMessages(store.db, { query: 'مر' }).map((h) => h.serverId)).toEqual([8])
    // And the rebuilt index stays consistent for later writes to the same rows.
    upsertMessages(store.db, 1, [apiMessage({ id: 7, content: 'Parcel shipped', sent_at: at(1) })])
    expect(searchMessages(store.db, { query: 'o' })).toEqual([])
    expect(searchMessages(store.db, { query: 'pa' }).map((h) => h.serverId)).toEqual([7])
  })

  it('refuses a file written by a newer version of the app', () => {
    const path = join(tempDir(), 'account.sqlite')
    openStore({ path }).close()
    const raw = new Database(path)
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 10 * 365 * 86_400_000)
    raw.close()
    expect(() => openStore({ path })).toThrowError(expect.objectContaining({ code: 'too-new' }) as StoreError)
  })

  it('rolls back a migration that fails and says so', () => {
    const path = join(tempDir(), 'account.sqlite')
    const folder = migrationsUpTo(journal.length)
    const broken = { idx: journal.length, when: Date.now() + 1000, tag: '9999_break-things', breakpoints: true }
    writeFileSync(join(folder, `${broken.tag}.sql`), 'CREATE TABLE works (id integer);\n--> statement-breakpoint\nNOT SQL AT ALL;')
    writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'sqlite', entries: [...journal, broken] }))
    expect(() => openStore({ path, migrationsFolder: folder })).toThrowError(
      expect.objectContaining({ code: 'migration-failed' }) as StoreError,
    )
    // Nothing of any migration was kept: they run in one transaction.
    expect(objects(path).filter((o) => !o.includes('__drizzle_migrations'))).toEqual([])
  })
})
