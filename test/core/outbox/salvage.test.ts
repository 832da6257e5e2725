import { closeSync, openSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { actionDefs } from '../../../src/main/core/outbox/actions'
import { restoreSalvaged, salvageOutbox, WAITING_MESSAGE } from '../../../src/main/core/outbox/salvage'
import { listActions } from '../../../src/main/core/outbox/queue-store'
import { nextLocalId, openStore } from '../../../src/main/core/store'
import { tempDir } from '../store/helpers'

describe('salvaging the outbox of a damaged file', () => {
  it('keeps the unsent actions on both sides of a damaged page, in order, and never reuses a local id', () => {
    const path = join(tempDir(), 'account.sqlite')
    const store = openStore({ path })
    const insert = store.sqlite.prepare(
      `INSERT INTO outbox_actions (kind, version, payload, lane, state, attempts, needs_reconcile, created_at, updated_at) VALUES ('send-message', 2, ?, ?, ?, ?, 0, ?, ?)`,
    )
    const states = ['queued', 'in-flight', 'failed', 'done'] as const
    for (let i = 1; i <= 600; i++) {
      const state = states[i % 4]!
      insert.run(JSON.stringify({ contactId: 7, text: `message ${i} ${'z'.repeat(300)}`, localId: `l${i}` }), 'contact:7', state, state === 'queued' ? 0 : 1, i, i)
    }
    for (let i = 0; i < 5; i++) nextLocalId(store.db, 'contact')
    // A leaf page in the middle of the outbox table, found by SQLite itself: a fixed offset
    // lands elsewhere whenever the schema gains tables.
    const leaves = store.sqlite.prepare("SELECT pageno FROM dbstat WHERE name = 'outbox_actions' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number }[]
    store.close()
    const fd = openSync(path, 'r+')
    writeSync(fd, Buffer.alloc(4096), 0, 4096, (leaves[Math.floor(leaves.length / 2)]!.pageno - 1) * 4096)
    closeSync(fd)

    const salvage = salvageOutbox(path)
    const texts = salvage.actions.map((a) => Number((a.payload as { text: string }).text.split(' ')[1]))
    // Some rows were on the zeroed page; those before and after it are kept, in order.
    expect(texts.length).toBeGreaterThan(300)
    expect(texts.length).toBeLessThan(450)
    expect(texts[0]).toBe(1)
    expect(texts.at(-1)).toBe(600)
    expect([...texts].sort((a, b) => a - b)).toEqual(texts)
    expect(salvage.actions.every((a) => a.state !== ('done' as string))).toBe(true)
    // In flight or tried: looked for before being sent again.
    expect(salvage.actions.filter((a) => a.state === 'in-flight').every((a) => a.needsReconcile)).toBe(true)
    expect(salvage.localIds).toEqual({ contact: -5 })

    const fresh = openStore({ path: join(tempDir(), 'account.sqlite') })
    try {
      const waiting = restoreSalvaged(fresh.db, actionDefs, salvage, 1000)
      const rows = listActions(fresh.db)
      expect(rows).toHaveLength(salvage.actions.length)
      expect(rows.every((r) => r.state === 'failed')).toBe(true)
      expect(waiting).toEqual(rows.filter((r) => (r.lastError as { message: string }).message === WAITING_MESSAGE).map((r) => r.id))
      expect(waiting.length).toBe(salvage.actions.filter((a) => a.state !== 'failed').length)
      expect(nextLocalId(fresh.db, 'contact')).toBe(-6)
    } finally {
      fresh.close()
    }
  })
})
