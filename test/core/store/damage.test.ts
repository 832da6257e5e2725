import { closeSync, openSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore, StoreError, upsertConversations, upsertMessages } from '../../../src/main/core/store'
import { apiConversation, apiMessage, tempDir } from './helpers'

/** A store with a few hundred pages of messages, closed (checkpointed) so every page is in the main file. */
function filledStore(): string {
  const path = join(tempDir(), 'account.sqlite')
  const store = openStore({ path })
  upsertConversations(store.db, [apiConversation({ id: 1, contact_id: 1, contact: { id: 1, name: 'Noura' } })])
  for (let page = 0; page < 20; page++) {
    const list = Array.from({ length: 100 }, (_, i) => {
      const id = page * 100 + i + 1
      return apiMessage({ id, content: `message ${id} ${'x'.repeat(200)}`, sent_at: new Date(Date.UTC(2026, 0, 1, 0, 0, id)).toISOString() })
    })
    upsertMessages(store.db, 1, list)
  }
  store.close()
  return path
}

function zeroPage(path: string, page: number): void {
  const pageSize = 4096
  const fd = openSync(path, 'r+')
  writeSync(fd, Buffer.alloc(pageSize), 0, pageSize, (page - 1) * pageSize)
  closeSync(fd)
}

describe('a damaged account file', () => {
  it('is noticed at open when a page inside it was zeroed, and the message never blames the key', () => {
    const path = filledStore()
    const pages = statSync(path).size / 4096
    zeroPage(path, Math.floor(pages / 2))
    let error: unknown
    try {
      openStore({ path }).close()
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(StoreError)
    expect((error as StoreError).code).toBe('corrupt')
    expect((error as StoreError).message).toContain('damaged')
    expect((error as StoreError).message).toContain('Rebuild')
    expect((error as StoreError).message).not.toMatch(/key/i)
  })

  it('opens a sound file', () => {
    const path = filledStore()
    expect(() => openStore({ path }).close()).not.toThrow()
  })
})

describe('durability of commits', () => {
  it('the core’s connection (which writes the outbox) waits for the disk at every commit; the sync thread’s does not', () => {
    const path = join(tempDir(), 'account.sqlite')
    const core = openStore({ path })
    const sync = openStore({ path, prepareSchema: false, durability: 'normal' })
    try {
      // 2 = FULL, 1 = NORMAL
      expect(core.sqlite.pragma('synchronous', { simple: true })).toBe(2)
      expect(sync.sqlite.pragma('synchronous', { simple: true })).toBe(1)
    } finally {
      sync.close()
      core.close()
    }
  })
})
