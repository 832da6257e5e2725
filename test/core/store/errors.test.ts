import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { getCampaign, getContact, getMedia, openStore, saveSubscription, setMediaCachePath, StoreError } from '../../../src/main/core/store'
import { openError } from '../../../src/main/core/store/errors'
import { openTempStore, tempDir } from './helpers'

function openFails(run: () => unknown): StoreError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError)
    return error as StoreError
  }
  throw new Error('expected the call to fail')
}

describe('store errors', () => {
  it('says a damaged file is damaged, and what to do', () => {
    const path = join(tempDir(), 'account.sqlite')
    writeFileSync(path, 'this is not a database, just some bytes that happen to be here '.repeat(100))
    const error = openFails(() => openStore({ path }))
    expect(error.code).toBe('corrupt')
    expect(error.message).toContain('damaged')
    expect(error.message).toContain('Rebuild it from SkyLight')
  })

  it('says the file is in use when another connection holds it', () => {
    const path = join(tempDir(), 'account.sqlite')
    openStore({ path }).close()
    const other = new Database(path)
    other.pragma('locking_mode = EXCLUSIVE')
    other.exec('BEGIN EXCLUSIVE')
    try {
      const error = openFails(() => openStore({ path, busyTimeoutMs: 50 }))
      expect(error.code).toBe('locked')
      expect(error.message).toContain('another program')
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
  })

  it('says when the folder cannot be used', () => {
    const file = join(tempDir(), 'plain-file')
    writeFileSync(file, '')
    // A file where the folder should be: neither the folder nor the database can be made.
    const error = openFails(() => openStore({ path: join(file, 'account.sqlite') }))
    expect(error.code).toBe('cannot-open')
  })

  it('maps read-only and full-disk failures to codes a user can act on', () => {
    // Tests run as root, for whom file permissions do not apply, so SQLite's errors are
    // fed in directly.
    const readOnly = openError(Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }), '/x.sqlite')
    expect(readOnly).toMatchObject({ code: 'read-only' })
    expect((readOnly as StoreError).message).toContain('/x.sqlite')
    expect(openError(Object.assign(new Error(), { code: 'SQLITE_READONLY_DBMOVED' }), '/x')).toMatchObject({ code: 'read-only' })
    expect(openError(Object.assign(new Error(), { code: 'EACCES' }), '/x')).toMatchObject({ code: 'read-only' })
    expect(openError(Object.assign(new Error(), { code: 'SQLITE_FULL' }), '/x')).toMatchObject({ code: 'disk-full' })
    const other = new TypeError('a bug')
    expect(openError(other, '/x')).toBe(other)
  })

  it('throws not-found with a readable message for a missing row', () => {
    const { db } = openTempStore()
    for (const call of [() => getContact(db, 404), () => getCampaign(db, 404), () => getMedia(db, 404)]) {
      const error = openFails(call)
      expect(error.code).toBe('not-found')
      expect(error.message).toMatch(/404 is not in the local copy/)
    }
    expect(openFails(() => setMediaCachePath(db, 9, '/cache/9.jpg')).code).toBe('not-found')
    expect(openFails(() => saveSubscription(db, { plan: null, status: null, expires_at: null, limits: {}, features: {} })).code).toBe(
      'not-found',
    )
  })
})
