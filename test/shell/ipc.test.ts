import { beforeEach, describe, expect, it, vi } from 'vitest'

// ipc.ts registers on Electron's ipcMain; importing the real 'electron' here would try to
// download its binary, so a stand-in records the handler.
const handlers = new Map<string, (...args: unknown[]) => unknown>()
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}))

const { registerContract } = await import('../../src/main/ipc')
const { IPC_INVOKE } = await import('../../src/shared/bridge')

const appUrl = 'app://desk/index.html'
const isAppUrl = (url: string) => url === appUrl
const topFrame = { parent: null, url: appUrl }

describe('the IPC contract channel', () => {
  const dispatch = vi.fn(async () => ({ ok: true as const, value: 'done' }))
  beforeEach(() => {
    handlers.clear()
    dispatch.mockClear()
  })

  it('passes calls from the app window to the dispatcher', async () => {
    registerContract(dispatch, isAppUrl)
    const result = await handlers.get(IPC_INVOKE)!({ senderFrame: topFrame }, 'app-info', {})
    expect(result).toEqual({ ok: true, value: 'done' })
    expect(dispatch).toHaveBeenCalledWith('app-info', {})
  })

  it('refuses iframes, foreign pages and vanished frames', async () => {
    registerContract(dispatch, isAppUrl)
    const handle = handlers.get(IPC_INVOKE)!
    for (const senderFrame of [{ parent: topFrame, url: appUrl }, { parent: null, url: 'https://evil.example/' }, null]) {
      expect(await handle({ senderFrame }, 'app-info', {})).toMatchObject({ ok: false, error: { type: 'forbidden' } })
    }
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('can be unregistered', () => {
    const unregister = registerContract(dispatch, isAppUrl)
    unregister()
    expect(handlers.has(IPC_INVOKE)).toBe(false)
  })
})
