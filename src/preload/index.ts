// The whole bridge: invoke and on over one prefixed channel pair, and the disk path of a
// file the user dropped (webUtils only works here, not in the page), and saving a CSV export
// to a file the user picks in the system dialog. It never exposes
// ipcRenderer, Node or the environment to the page; the core checks every dropped path.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { IPC_EVENT, IPC_INVOKE, IPC_SAVE_CSV, type DeskBridge } from '../shared/bridge'

const bridge: DeskBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_INVOKE, method, input),
  on: (event, listener) => {
    const forward = (_e: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) listener(payload as never)
    }
    ipcRenderer.on(IPC_EVENT, forward)
    return () => ipcRenderer.removeListener(IPC_EVENT, forward)
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
  saveCsv: (method, input) => ipcRenderer.invoke(IPC_SAVE_CSV, method, input),
}

contextBridge.exposeInMainWorld('desk', bridge)
