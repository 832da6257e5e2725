import { describe, expect, it } from 'vitest'
import { openCore } from '../../src/main/core'
import { createDispatcher } from '../../src/main/core/contract/dispatch'
import { ValidationError } from '../../src/main/core/skylight/errors'
import type { Handlers } from '../../src/shared/contract'

describe('the contract dispatcher', () => {
  it('answers a known method with its validated output', async () => {
    const core = await openCore({ dataDir: '/nonexistent', appVersion: '1.2.3' })
    const result = await core.dispatch('app-info', {})
    expect(result).toEqual({ ok: true, value: { name: 'SkyLight Desk', version: '1.2.3', platform: process.platform } })
    await core.close()
  })

  it('refuses unknown methods and malformed inputs with a clear error', async () => {
    const core = await openCore({ dataDir: '/nonexistent', appVersion: '1.2.3' })
    expect(await core.dispatch('drop-tables', {})).toMatchObject({ ok: false, error: { type: 'unknown-method' } })
    expect(await core.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { type: 'unknown-method' } })
    const bad = await core.dispatch('app-info', { extra: true })
    expect(bad).toMatchObject({ ok: false, error: { type: 'invalid-input' } })
    expect(bad.ok === false && bad.error.message).toMatch(/app-info/)
  })

  it('passes typed errors through and hides unexpected ones', async () => {
    const seen: unknown[] = []
    const failing = (error: Error): Handlers => ({ 'app-info': async () => Promise.reject(error) })
    const typed = createDispatcher(failing(new ValidationError('Name is required', 422, { name: ['Required'] })))
    expect(await typed('app-info', {})).toEqual({
      ok: false,
      error: { type: 'validation', message: 'Name is required', fields: { name: ['Required'] } },
    })
    const hidden = createDispatcher(failing(new Error('SQLITE_CORRUPT at /home/x/secret')), (e) => seen.push(e))
    const result = await hidden('app-info', {})
    expect(result).toMatchObject({ ok: false, error: { type: 'internal' } })
    expect(JSON.stringify(result)).not.toContain('SQLITE_CORRUPT')
    expect(seen).toHaveLength(1)
  })
})
