// A window.desk for component and state tests: each method answers from a handler the
// test gives (or fails with unknown-method), every call is recorded, and events are sent
// with emit(). No core, no network.
import type { BridgeError } from '../../shared/contract'

type Handler = (input: never) => unknown
export interface FakeDesk {
  calls: { method: string; input: unknown }[]
  handle(method: string, handler: Handler): void
  emit(event: string, payload: unknown): void
  fail(method: string, error: BridgeError): void
}

export function installFakeDesk(handlers: Record<string, Handler> = {}): FakeDesk {
  const table = new Map<string, Handler>(Object.entries(handlers))
  const failures = new Map<string, BridgeError>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const calls: FakeDesk['calls'] = []
  ;(window as unknown as { desk: unknown }).desk = {
    invoke: async (method: string, input: unknown) => {
      calls.push({ method, input })
      const failure = failures.get(method)
      if (failure) return { ok: false, error: failure }
      const handler = table.get(method)
      if (!handler) return { ok: false, error: { type: 'unknown-method', message: `Unknown method: ${method}` } }
      return { ok: true, value: await handler(input as never) }
    },
    on: (event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    },
  }
  return {
    calls,
    // A handler given after a failure answers from then on.
    handle: (method, handler) => {
      failures.delete(method)
      table.set(method, handler)
    },
    fail: (method, error) => void failures.set(method, error),
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    },
  }
}

/** Lets pending promises and Svelte's effects settle. */
export async function settle(ms = 0): Promise<void> {
  await new Promise((r) => setTimeout(r, ms))
  await Promise.resolve()
}

export function message(rowId: number, fields: Partial<Record<string, unknown>> = {}) {
  return {
    rowId,
    serverId: rowId,
    localId: null,
    contactId: 1,
    direction: 'inbound',
    channel: 'whatsapp',
    content: `message ${rowId}`,
    status: 'read',
    error: null,
    sentAt: new Date(Date.UTC(2026, 0, 1, 0, rowId)).toISOString(),
    createdAt: null,
    pending: false,
    ...fields,
  }
}
