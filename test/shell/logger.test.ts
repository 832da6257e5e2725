import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger, redactText, type Logger } from '../../src/main/core/log'

const LIVE_KEY = 'sk_live_4f9Qz7RkA2mX8bT1wY6nC3vJ'
const TEST_KEY = 'sk_test_Zp0LqW3eR9tY7uI5oP1aS2dF'
// A key that matches no pattern: only the runtime registration can catch it.
const OPAQUE_KEY = 'opaque-3a7f1c9e-secret-token-value'

let dir: string
let log: Logger

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skylight-log-'))
})
afterEach(() => {
  log?.close()
  rmSync(dir, { recursive: true, force: true })
})

function everything(): string {
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n')
}

describe('the log', () => {
  it('never contains an API key, whichever path it takes', () => {
    log = createLogger({ dir })
    log.addSecret(OPAQUE_KEY)
    const withCause = new Error(`request failed for ${LIVE_KEY}`, {
      cause: new TypeError(`inner with ${OPAQUE_KEY} and ${TEST_KEY}`),
    })
    const withFields = Object.assign(new Error('rejected'), {
      request: { url: `https://api.skylight.chat/v1/contacts?api_key=${OPAQUE_KEY}`, headers: { 'X-Api-Key': OPAQUE_KEY } },
      apiKey: OPAQUE_KEY,
    })
    const stackOnly = new Error('plain')
    stackOnly.stack = `Error: plain\n    at send (client.ts:1:1) key=${LIVE_KEY}`

    log.info(`key ${LIVE_KEY} in a message`)
    log.info('in details', LIVE_KEY, { note: `embedded ${TEST_KEY}.` })
    log.warn('headers object', { headers: { Authorization: `Bearer ${OPAQUE_KEY}`, 'x-api-key': TEST_KEY, accept: 'json' } })
    log.warn('fetch Headers', new Headers({ authorization: `Bearer ${OPAQUE_KEY}` }))
    log.warn('a Map', new Map([['X-Api-Key', OPAQUE_KEY]]))
    log.error('error with cause', withCause)
    log.error('error with fields', withFields)
    log.error('error with key in stack', stackOnly)
    log.error('aggregate', new AggregateError([new Error(`one ${OPAQUE_KEY}`)], 'many'))
    log.error('raw header text', `curl -H "Authorization: Bearer ${OPAQUE_KEY}" -H 'X-Api-Key: ${OPAQUE_KEY}'`)
    log.error('json text', JSON.stringify({ key: OPAQUE_KEY, nested: { 'X-Api-Key': OPAQUE_KEY } }))
    log.error('a secret with quotes', { value: `x"${OPAQUE_KEY}"` })
    const circular: Record<string, unknown> = { token: OPAQUE_KEY }
    circular['self'] = circular
    log.error('circular', circular)

    const text = everything()
    for (const secret of [LIVE_KEY, TEST_KEY, OPAQUE_KEY, LIVE_KEY.slice(8), TEST_KEY.slice(8)]) {
      expect(text).not.toContain(secret)
    }
    // The entries are still there and still useful.
    expect(text).toContain('request failed for sk_live_[redacted]')
    expect(text).toContain('cause:')
    expect(text).toContain('inner with')
    expect(text).toContain('"accept":"json"')
    expect(text).toContain('at send (client.ts:1:1)')
    expect(text.match(/ (INFO|WARN|ERROR) /g)).toHaveLength(13)
  })

  it('stops redacting a secret that was removed, and ignores too-short ones', () => {
    log = createLogger({ dir })
    log.addSecret('abc')
    log.addSecret(OPAQUE_KEY)
    log.removeSecret(OPAQUE_KEY)
    log.info(`abc ${OPAQUE_KEY}`)
    expect(everything()).toContain(`abc ${OPAQUE_KEY}`)
  })

  it('rotates at its size cap and keeps a few generations', () => {
    log = createLogger({ dir, maxBytes: 2_000, generations: 2 })
    for (let i = 0; i < 200; i++) log.info(`entry ${String(i).padStart(3, '0')} ${'x'.repeat(40)} ${LIVE_KEY}`)
    const names = readdirSync(dir).sort()
    expect(names).toEqual(['main.log', 'main.log.1', 'main.log.2'])
    for (const name of names) expect(readFileSync(join(dir, name)).length).toBeLessThanOrEqual(2_000)
    // The newest entry is in the current file, older ones in .1, the oldest dropped.
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('entry 199')
    expect(readFileSync(join(dir, 'main.log.1'), 'utf8')).not.toContain('entry 199')
    expect(everything()).not.toContain('entry 000')
    expect(everything()).not.toContain(LIVE_KEY)
    expect(log.files()).toEqual(names.map((name) => join(dir, name)))
  })

  it('appends to the file a previous run left and cuts huge entries', () => {
    log = createLogger({ dir, maxEntryChars: 100 })
    log.info('first run')
    log.close()
    log = createLogger({ dir, maxEntryChars: 100 })
    log.info('second run', 'y'.repeat(1_000))
    const lines = readFileSync(join(dir, 'main.log'), 'utf8').trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/second run y+ … \[truncated\]$/)
  })
})

describe('redactText', () => {
  it('keeps ordinary text intact', () => {
    const text = 'Synced 40 conversations from account 7 in 1.2 s (page=3, tokenizer=porter)'
    expect(redactText(text)).toBe(text)
  })
})
