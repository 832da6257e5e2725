// Drives a core through its contract as the renderer does: a call that fails throws the
// core's typed error, every event is recorded, and waits end on the core's own state (an
// event seen, the outbox empty), never on a time budget — `ms` only turns a hang into a
// readable failure.
import type { Core } from '../../src/main/core'
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../src/shared/contract'

export interface RecordedEvent {
  event: EventName
  payload: unknown
}

export interface CoreDriver {
  /** Every event since `listen` or the last `forget`, oldest first. */
  readonly events: RecordedEvent[]
  /** Records this core's events (call again after reopening a core). */
  listen(core: Core): void
  forget(): void
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
  until<E extends EventName>(event: E, test: (payload: EventPayload<E>) => boolean, ms?: number): Promise<EventPayload<E>>
  eventually(check: () => Promise<boolean> | boolean, ms?: number): Promise<void>
  /** Until the outbox has nothing queued or in flight. */
  drained(ms?: number): Promise<void>
}

const HANG = 150_000

/** `core` is read at each call, so a test may close and reopen its core. */
export function driveCore(core: () => Core | undefined): CoreDriver {
  const events: RecordedEvent[] = []
  const current = (): Core => {
    const opened = core()
    if (!opened) throw new Error('the core is closed')
    return opened
  }
  const call = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await current().dispatch(method, input)
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error)
    return result.value as MethodOutput<M>
  }
  const eventually = async (check: () => Promise<boolean> | boolean, ms = HANG): Promise<void> => {
    const started = Date.now()
    while (!(await check())) {
      if (Date.now() - started > ms) throw new Error(`condition not met in ${ms} ms`)
      await new Promise((r) => setTimeout(r, 20))
    }
  }
  return {
    events,
    listen: (opened) => opened.on((event, payload) => events.push({ event, payload })),
    forget: () => void (events.length = 0),
    call,
    eventually,
    async until(event, test, ms = HANG) {
      let hit: RecordedEvent | undefined
      const seen = (): boolean => (hit = events.find((e) => e.event === event && test(e.payload as never))) !== undefined
      await eventually(seen, ms).catch(() => {
        throw new Error(`no matching ${event} event in ${ms} ms`)
      })
      return hit!.payload as never
    },
    async drained(ms = HANG) {
      await eventually(async () => {
        const { counts } = await call('outbox-list', {})
        return counts.queued + counts.inFlight === 0
      }, ms)
    },
  }
}
