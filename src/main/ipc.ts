// Registers the contract on its one IPC channel. Only the app's own top frame may call it
// (an iframe or a page the window was somehow navigated to gets `forbidden`); the core
// validates every input (src/main/core/contract/dispatch.ts).
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { IPC_EVENT, IPC_INVOKE } from '../shared/bridge'
import type { EventName, EventPayload } from '../shared/contract'
import type { Dispatch } from './core/contract/dispatch'
import type { UrlCheck } from './navigation'

export function registerContract(dispatch: Dispatch, isAppUrl: UrlCheck): () => void {
  ipcMain.handle(IPC_INVOKE, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    // senderFrame is null once the frame has navigated away or been destroyed.
    const frame = event.senderFrame
    if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
      return { ok: false, error: { type: 'forbidden', message: 'Calls are accepted only from the app window.' } }
    }
    return dispatch(method, input)
  })
  return () => ipcMain.removeHandler(IPC_INVOKE)
}

export function emitEvent<E extends EventName>(target: WebContents, event: E, payload: EventPayload<E>): void {
  if (!target.isDestroyed()) target.send(IPC_EVENT, event, payload)
}
