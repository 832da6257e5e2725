// The renderer's only way to the core: the bridge the preload (or the browser test host)
// puts on window.desk, typed by the contract in src/shared.
import type { DeskBridge } from '../../../shared/bridge'
import type { BridgeError, MethodInput, MethodName, MethodOutput } from '../../../shared/contract'
import { m } from './i18n.svelte'

declare global {
  interface Window {
    desk?: DeskBridge
  }
}

export class DeskError extends Error {
  readonly type: BridgeError['type']
  readonly fields: Record<string, string[]> | undefined
  constructor(error: BridgeError) {
    super(error.message)
    this.name = 'DeskError'
    this.type = error.type
    this.fields = error.fields
  }
}

function bridge(): DeskBridge {
  if (!window.desk) throw new DeskError({ type: 'internal', message: m.common_no_core() })
  return window.desk
}

/** Calls a core method; a failure arrives as a DeskError with a message to show the user. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await bridge().invoke(method, input)
  if (!result.ok) throw new DeskError(result.error)
  return result.value
}
