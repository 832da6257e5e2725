// The user's actions (send, upload, edit…) go through the outbox methods of
// src/shared/contract/outbox.ts. They are typed from that file so the views are built and
// checked against it whether or not the contract index has merged it yet.
import type { z } from 'zod'
import type { outboxEvents, outboxMethods } from '../../../shared/contract/outbox'
import { DeskError } from './desk'
import { m } from './i18n.svelte'

type Methods = typeof outboxMethods
export type ActionName = keyof Methods
export type ActionInput<M extends ActionName> = z.input<Methods[M]['input']>
export type ActionOutput<M extends ActionName> = z.output<Methods[M]['output']>
type OutboxEventName = keyof typeof outboxEvents
export type OutboxEventPayload<E extends OutboxEventName> = z.output<(typeof outboxEvents)[E]>

type LooseBridge = {
  invoke(method: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: ConstructorParameters<typeof DeskError>[0] }>
  on(event: string, listener: (payload: unknown) => void): () => void
}

function bridge(): LooseBridge {
  if (!window.desk) throw new DeskError({ type: 'internal', message: m.common_no_core() })
  return window.desk as unknown as LooseBridge
}

/** Queues a user action; resolves once it is stored (and shown), long before it reaches SkyLight. */
export async function act<M extends ActionName>(method: M, input: ActionInput<M>): Promise<ActionOutput<M>> {
  const result = await bridge().invoke(method, input)
  if (!result.ok) throw new DeskError(result.error)
  return result.value as ActionOutput<M>
}

export function onOutboxEvent<E extends OutboxEventName>(event: E, listener: (payload: OutboxEventPayload<E>) => void): () => void {
  if (!window.desk) return () => undefined
  return bridge().on(event, listener as (payload: unknown) => void)
}

/** A message for the user from anything a call threw. */
export function messageOf(error: unknown, fallback = m.common_something_wrong()): string {
  if (error instanceof DeskError) {
    if (error.type === 'unknown-method') return m.common_unknown_method()
    return error.message
  }
  return fallback
}
