// What the preload puts on `window.desk`, and the one IPC channel pair it uses. Kept free of
// runtime imports so the sandboxed preload bundles nothing but these names.
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, Result } from './contract'

export const IPC_SAVE_CSV = 'skylight-desk:save-csv'

/** The contract methods whose answer is a CSV file the shell can save (contract `csvFile`). */
export const csvMethods = ['campaign-deliveries-csv', 'contacts-csv'] as const
export type CsvMethod = (typeof csvMethods)[number]

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
  /**
   * Only the Electron preload has it: asks the user where to save (the system's dialog),
   * then writes the CSV the core makes for this method there. `saved` is the file's path,
   * null when the user cancelled. A plain browser page downloads the core's CSV instead.
   */
  saveCsv?<M extends CsvMethod>(method: M, input: MethodInput<M>): Promise<Result<{ saved: string | null; rows: number }>>
}
