// "Try a demo account": the sandbox the app starts inside itself answers the API with its
// key and exposes no control routes (one of them would list the key to any local process).
import { afterEach, describe, expect, it } from 'vitest'
import { DemoServer } from '../../src/main/core/demo-server'

const demo = new DemoServer()
afterEach(() => demo.stop())

describe('demo server', () => {
  it('serves the API with its key and mounts no /__sandbox routes', async () => {
    const { url, apiKey } = await demo.start()
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const account = await fetch(`${url}/api/v1/account`, { headers: { Authorization: `Bearer ${apiKey}` } })
    expect(account.status).toBe(200)
    for (const path of ['/__sandbox/accounts', '/__sandbox/log', '/__sandbox/dump/1']) {
      for (const headers of [{}, { Authorization: `Bearer ${apiKey}` }] as Record<string, string>[]) {
        const res = await fetch(`${url}${path}`, { headers })
        expect(res.status, path).toBe(404)
        expect(await res.text()).not.toContain(apiKey)
      }
    }
    const write = await fetch(`${url}/__sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"errorRate":1}' })
    expect(write.status).toBe(404)
    expect((await fetch(`${url}/api/v1/account`, { headers: { Authorization: `Bearer ${apiKey}` } })).status).toBe(200)
  })
})
