// Registers the contract on its one IPC channel. Only the app's own top frame may call it
// (an iframe or a page the window was somehow navigated to gets `forbidden`); the core
// validates every input (src/main/core/contract/dispatch.ts).
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { IPC_EVENT, IPC_INVOKE, IPC_SAVE_CSV } from '../shared/bridge'
import type { EventName, EventPayload } from '../shared/contract'
import type { Dispatch } from './core/contract/dispatch'
import { saveCsv } from './csv-save'
import type { UrlCheck } from './navigation'

export function registerContract(dispatch: Dispatch, isAppUrl: UrlCheck): () => void {
  const fromApp = (event: IpcMainInvokeEvent) => {
    // senderFrame is null once the frame has navigated away or been destroyed.
    const frame = event.senderFrame
    return frame !== null && frame.parent === null && isAppUrl(frame.url)
  }
  const forbidden = { ok: false, error: { type: 'forbidden', message: 'Calls are accepted only from the app window.' } }
  ipcMain.handle(IPC_INVOKE, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => (fromApp(event) ? dispatch(method, input) : forbidden))
  // A CSV export: the system's save dialog over the window that asked, then the core's CSV written there.
  ipcMain.handle(IPC_SAVE_CSV, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!fromApp(event)) return forbidden
    const pickPath = async (suggestedName: string) => {
      const options = { defaultPath: suggestedName, filters: [{ name: 'CSV (comma-separated)', extensions: ['csv'] }] }
      const window = BrowserWindow.fromWebContents(event.sender)
      const picked = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
      return picked.canceled || !picked.filePath ? null : picked.filePath
    }
    return saveCsv({ dispatch, pickPath }, method, input)
  })
  return () => {
    ipcMain.removeHandler(IPC_INVOKE)
    ipcMain.removeHandler(IPC_SAVE_CSV)
  }
}

export function emitEvent<E extends EventName>(target: WebContents, event: E, payload: EventPayload<E>): void {
  if (!target.isDestroyed()) target.send(IPC_EVENT, event, payload)
}
