// The browser host (browser journeys, `npm run web`) drives the core only for the page it
// served: the page and the socket both need the token in its address, from its own origin.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { openCore, type Core } from '../../src/main/core'
import { SessionSecretStore } from '../../src/main/core/secrets/secret-store'
import { buildRenderer } from './helpers/environment'
import { startDeskHost, type DeskHost } from './host/desk-host'

let dataDir: string
let core: Core
let host: DeskHost

beforeAll(async () => {
  buildRenderer()
  dataDir = await mkdtemp(join(tmpdir(), 'skylight-host-'))
  core = await openCore({ dataDir, appVersion: 'host-test', keychain: new SessionSecretStore() })
  host = await startDeskHost(core)
}, 180_000)
afterAll(async () => {
  await host?.close()
  await core?.close()
  await rm(dataDir, { recursive: true, force: true })
})

/** Opens a socket and answers what one contract call returned, or how the socket ended. */
function invoke(url: string, origin: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers: { origin } })
    socket.on('open', () => socket.send(JSON.stringify({ id: 1, method: 'app-info', input: {} })))
    socket.on('message', (data) => {
      resolve(JSON.parse(String(data)).result.ok ? 'answered' : 'refused')
      socket.close()
    })
    socket.on('error', () => resolve('rejected'))
  })
}

describe('the browser host', () => {
  it('listens on 127.0.0.1 with a token in its address', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/)
  })

  it('serves the page only with the token', async () => {
    const { origin } = new URL(host.url)
    expect((await fetch(`${origin}/`)).status).toBe(403)
    expect((await fetch(`${origin}/?token=guess`)).status).toBe(403)
    const page = await fetch(host.url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('desk-bridge.js')
  })

  it('takes the socket only with the token and from its own origin', async () => {
    const { origin, host: at, searchParams } = new URL(host.url)
    const token = searchParams.get('token')!
    expect(await invoke(`ws://${at}/desk`, origin)).toBe('rejected')
    expect(await invoke(`ws://${at}/desk?token=${token}`, 'http://evil.example')).toBe('rejected')
    expect(await invoke(`ws://${at}/desk?token=${token}`, origin)).toBe('answered')
  })
})
