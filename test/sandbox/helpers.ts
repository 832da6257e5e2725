// Small HTTP helpers for the sandbox tests: every call is a real request.
import { afterAll, beforeAll } from 'vitest'
import { type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox'

export interface Reply {
  status: number
  headers: Headers
  body: any
}

export async function call(sb: Sandbox, key: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(`${sb.apiUrl}${path}`, {
    method,
    headers: {
      ...(key ? { 'X-Api-Key': key } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text === '' ? null : JSON.parse(text) }
}

/** A client bound to one account's key. */
export function client(sb: Sandbox, accountIndex = 0) {
  const key = sb.accounts[accountIndex]!.apiKey
  return {
    key,
    id: sb.accounts[accountIndex]!.id,
    get: (path: string) => call(sb, key, 'GET', path),
    post: (path: string, body?: unknown) => call(sb, key, 'POST', path, body ?? {}),
    put: (path: string, body: unknown) => call(sb, key, 'PUT', path, body),
    patch: (path: string, body: unknown) => call(sb, key, 'PATCH', path, body),
    del: (path: string) => call(sb, key, 'DELETE', path),
  }
}

/** Starts one sandbox for the file (generous rate limit unless the test sets its own) and closes it after. */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
  let sb: Sandbox | undefined
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, rateLimit: { limit: 100_000, windowMs: 60_000 }, ...options })
  })
  afterAll(async () => {
    await sb?.close()
  })
  return () => {
    if (!sb) throw new Error('sandbox not started')
    return sb
  }
}
