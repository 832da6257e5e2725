// The log never shows an API key the app holds, whatever shape the key took on its way to
// the log. Each registered key is fed to the real logger in 21 forms; the file is then
// searched for the key by decoding everything that could hide it.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger, KnownSecrets, redactText, type Logger } from '../../src/main/core/log'

const KEYS = {
  // The documented shape: 40 letters and digits, no prefix (nothing but registration finds it).
  opaque: 'Q7vN2kLp9XwR4tYc8mZa1HsD6fJb3GeU5oKi0TnW',
  live: 'sk_live_Hq4Tz9WmB2xK7cR1vN8pL3sY6dF0gJ5a',
  // Characters every encoding treats differently: + / = ~ quote, backslash, space, non-ASCII.
  awkward: 'k3Y+/=~!*()\'"\\ é-Rz81Lq0Vx_mN7wQ',
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
const half = (key: string) => Math.floor(key.length / 2)

/** The 21 forms, each a line as some code path might log it. */
const FORMS: { name: string; line: (key: string) => string }[] = [
  { name: '1 raw, in a sentence', line: (k) => `using key ${k} for the request` },
  { name: '2 glued to other characters', line: (k) => `id${k}x` },
  { name: '3 URL-encoded', line: (k) => `body=${encodeURIComponent(k)}` },
  { name: '4 URL-encoded twice', line: (k) => `next=${encodeURIComponent(encodeURIComponent(k))}` },
  {
    name: '5 URL-encoded with lower-case escapes',
    line: (k) => `v=${encodeURIComponent(k).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())}`,
  },
  { name: '6 form-encoded body', line: (k) => `POST body: ${new URLSearchParams({ note: 'hi', credential: k })}` },
  { name: '7 in a URL query under an unremarkable name', line: (k) => `GET https://desk.example/api/v1/contacts?page=2&q=${encodeURIComponent(k)}` },
  { name: '8 as the password of a URL', line: (k) => `connecting to https://desk:${encodeURIComponent(k)}@desk.example/api/v1` },
  { name: '9 after the token scheme in its header', line: (k) => `Authorization: Bearer ${k}` },
  { name: '10 upper-case header name', line: (k) => `X-API-KEY: ${k}` },
  { name: '11 environment-style name', line: (k) => `X_API_KEY=${k} node app.js` },
  { name: '12 JSON-escaped inside JSON', line: (k) => JSON.stringify({ body: JSON.stringify({ value: k }) }) },
  { name: '13 split across quotes', line: (k) => `const key = '${k.slice(0, half(k))}' + '${k.slice(half(k))}'` },
  { name: '14 split across lines', line: (k) => `key:\n  ${k.slice(0, half(k))}\n  ${k.slice(half(k))}` },
  { name: '15 base64', line: (k) => `encoded ${b64(k)}` },
  { name: '16 base64url without padding', line: (k) => `token=${b64(k).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}` },
  { name: '17 HTTP basic credentials of :key', line: (k) => `authorization header was Basic ${b64(`:${k}`)}` },
  { name: '18 base64 of a JSON body', line: (k) => `payload ${b64(JSON.stringify({ key: k }))}` },
  { name: '19 hex', line: (k) => `bytes ${Buffer.from(k, 'utf8').toString('hex')}` },
  { name: '20 upper-cased', line: (k) => `FAILED FOR ${k.toUpperCase()}` },
  { name: '21 cut short (first two thirds)', line: (k) => `key starts ${k.slice(0, Math.ceil((k.length * 2) / 3))}…` },
]

/** Ten characters in a row of a key are a leak (a quarter of a 40-character key). */
const LEAK = 10

/** Every reading of the text that could reveal a key: as is, decoded and rejoined. */
function readings(text: string): string[] {
  const out = [text, text.replace(/['"\s+]/g, '')]
  let decoded = text
  for (let i = 0; i < 3; i++) {
    try {
      decoded = decodeURIComponent(decoded.replace(/\+/g, ' '))
    } catch {
      decoded = decoded.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    }
    out.push(decoded)
  }
  for (const json of text.match(/"(?:[^"\\]|\\.)*"/g) ?? []) {
    try {
      const once = JSON.parse(json) as string
      out.push(once, JSON.parse(`"${once.replace(/^"|"$/g, '')}"`) as string)
    } catch {
      // Not a JSON string after all.
    }
  }
  for (const run of text.match(/[A-Za-z0-9+/_=-]{8,}/g) ?? []) {
    for (let skip = 0; skip < 4; skip++) {
      out.push(Buffer.from(run.slice(skip).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1'))
      out.push(Buffer.from(run.slice(skip).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'))
    }
  }
  for (const run of text.match(/[0-9a-fA-F]{10,}/g) ?? []) {
    for (let skip = 0; skip < 2; skip++) out.push(Buffer.from(run.slice(skip).slice(0, (run.length - skip) & ~1), 'hex').toString('utf8'))
  }
  return out.map((reading) => reading.toLowerCase())
}

function leaked(text: string, key: string): string | undefined {
  const lowerKey = key.toLowerCase()
  const all = readings(text)
  for (let i = 0; i + LEAK <= lowerKey.length; i++) {
    const piece = lowerKey.slice(i, i + LEAK)
    if (all.some((reading) => reading.includes(piece))) return piece
  }
  return undefined
}

let dir: string
let log: Logger
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skylight-log-forms-'))
})
afterEach(() => {
  log?.close()
  rmSync(dir, { recursive: true, force: true })
})

const fileText = () =>
  readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n')

describe('a registered key in the log', () => {
  it('has exactly 21 forms to test', () => {
    expect(FORMS).toHaveLength(21)
  })

  for (const [kind, key] of Object.entries(KEYS)) {
    it(`never leaks the ${kind} key, in any of the 21 forms`, () => {
      log = createLogger({ dir })
      log.addSecret(key)
      for (const form of FORMS) log.info(`[${form.name}]`, form.line(key))
      const text = fileText()
      const leaks = FORMS.map((form) => {
        const entry = text.split(`[${form.name}]`)[1]?.split(/\n\d{4}-\d{2}-\d{2}T/)[0] ?? ''
        return { form: form.name, leak: leaked(entry, key) }
      }).filter((f) => f.leak !== undefined)
      expect(leaks).toEqual([])
      // Each form's entry is still there, with what surrounded the key.
      for (const form of FORMS) expect(text).toContain(`[${form.name}]`)
      expect(text).toContain('using key [redacted] for the request')
      expect(text).toContain('X-API-KEY: [redacted]')
    })
  }

  it('leaves ordinary text, ids and digests alone', () => {
    const known = new KnownSecrets()
    for (const key of Object.values(KEYS)) known.add(key)
    const ordinary = [
      'GET /api/v1/contacts/1234/messages?page=2&per_page=100 → 200 in 35 ms',
      'account 3f2b8c1e-9d4a-4b7e-a1c2-5e6f7a8b9c0d opened',
      'sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      'Sync stopped: SkyLight at dashboard.skylightchat.com did not answer within 30 s.',
    ]
    for (const line of ordinary) expect(redactText(line, known)).toBe(line)
  })

  it('stops being redacted once removed, while the other keys still are', () => {
    log = createLogger({ dir })
    log.addSecret(KEYS.opaque)
    log.addSecret(KEYS.awkward)
    log.removeSecret(KEYS.opaque)
    log.info(`${KEYS.opaque} ${b64(KEYS.awkward)}`)
    const text = fileText()
    expect(text).toContain(KEYS.opaque)
    expect(leaked(text.replace(KEYS.opaque, ''), KEYS.awkward)).toBeUndefined()
  })
})
