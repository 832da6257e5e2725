// What the preload puts on `window.desk`, and the one IPC channel pair it uses. Kept free of
// runtime imports so the sandboxed preload bundles nothing but these names.
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, Result } from './contract'

export const IPC_INVOKE = 'skylight-desk:invoke'
export const IPC_EVENT = 'skylight-desk:event'

export interface DeskBridge {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
  /**
   * The disk path of a file the user dropped or picked, to pass to a method that takes a
   * path (the core checks it); '' for a file that is not on disk. Only the Electron
   * preload has it: a page in a plain browser (the browser test host) sees no paths.
   */
  pathForFile?(file: File): string
}
