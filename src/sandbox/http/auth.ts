// API keys come in X-Api-Key or Authorization: Bearer; the docs call them equivalent.
import type { IncomingMessage } from 'node:http'
import type { AccountStore } from '../data/account-store'
import type { World } from '../data/world'

export const UNAUTHENTICATED_MESSAGE = 'Unauthenticated. Please provide a valid API key.'

export function apiKeyOf(req: IncomingMessage): string | null {
  const header = req.headers['x-api-key']
  const xKey = Array.isArray(header) ? header[0] : header
  if (xKey && xKey.trim() !== '') return xKey.trim()
  const auth = req.headers.authorization
  const m = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null
  return m?.[1] ?? null
}

export function authenticate(world: World, req: IncomingMessage): { key: string; store: AccountStore } | null {
  const key = apiKeyOf(req)
  if (key === null) return null
  const store = world.accountByKey(key)
  return store ? { key, store } : null
}
