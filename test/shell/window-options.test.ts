import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, WINDOW_SIZE, windowOptions } from '../../src/main/window-options'

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  )
}

describe('the app window', () => {
  it('is isolated, sandboxed and has no Node in the page', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences!
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      preload: '/app/preload.cjs',
    })
  })

  it('opens at the restored place but never below its minimum size', () => {
    const options = windowOptions('/p.cjs', { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: false })
    expect(options).toMatchObject({ x: 10, y: 20, width: 900, height: 700, show: false })
    expect(options).toMatchObject({ minWidth: WINDOW_SIZE.minWidth, minHeight: WINDOW_SIZE.minHeight })
    expect(windowOptions('/p.cjs')).toMatchObject({ width: WINDOW_SIZE.width, height: WINDOW_SIZE.height })
    expect(windowOptions('/p.cjs')).not.toHaveProperty('x')
  })
})

describe('the Content-Security-Policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY)

  it('allows no remote or inline scripts and nothing else by default', () => {
    expect(policy.get('default-src')).toEqual(["'none'"])
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(policy.get('form-action')).toEqual(["'none'"])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('takes images and media only from the app and its media scheme', () => {
    expect(policy.get('img-src')).toEqual(["'self'", 'skylight-media:', 'data:', 'blob:'])
    expect(policy.get('media-src')).toEqual(["'self'", 'skylight-media:', 'blob:'])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/)
  })

  it("is matched by the renderer page's own meta policy, which is no looser", () => {
    const html = readFileSync(new URL('../../src/renderer/index.html', import.meta.url), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta, 'index.html declares a CSP').toBeDefined()
    const page = directives(meta!)
    expect(page.get('default-src')).toEqual(["'none'"])
    expect(page.get('script-src')).toEqual(["'self'"])
    // Nothing for the browser test host (its WebSocket source is added by the host itself).
    expect(page.get('connect-src')).toEqual(["'self'"])
    expect(meta).not.toMatch(/ws:|wss:|127\.0\.0\.1|localhost|\*/)
    const allowedImages = new Set(["'self'", 'skylight-media:', 'data:', 'blob:'])
    for (const source of [...(page.get('img-src') ?? []), ...(page.get('media-src') ?? [])]) {
      expect(allowedImages).toContain(source)
    }
  })
})
