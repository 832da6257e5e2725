// The core's one entry point: everything the app does, opened for a data folder. Used alike
// by the Electron main process, the tests and the browser test host. Opening has no side
// effects at import time; close() releases all it holds.
import type { Handlers } from '../../shared/contract'
import { createDispatcher, type Dispatch } from './contract/dispatch'

export interface CoreOptions {
  /** Where the app keeps its files (one folder per app install). */
  dataDir: string
  /** Shown in the app's about line. */
  appVersion: string
  /** Called with errors the core did not expect, for the log. */
  onInternalError?: (error: unknown) => void
}

export interface Core {
  dispatch: Dispatch
  handlers: Handlers
  close(): Promise<void>
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const handlers: Handlers = {
    'app-info': async () => ({
      name: 'SkyLight Desk',
      version: options.appVersion,
      platform: process.platform,
    }),
  }
  return {
    handlers,
    dispatch: createDispatcher(handlers, options.onInternalError),
    close: async () => {},
  }
}
