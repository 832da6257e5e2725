import { describe, expect, it, vi } from 'vitest'
import { appUrlMatcher, externalLink, guardWebContents, type GuardedContents } from '../../src/main/navigation'

const rendererFile = '/opt/SkyLight Desk/resources/app.asar/out/renderer/index.html'

describe('recognizing the app page', () => {
  it('accepts the built index.html and nothing else on disk', () => {
    const isApp = appUrlMatcher({ rendererFile })
    expect(isApp('file:///opt/SkyLight%20Desk/resources/app.asar/out/renderer/index.html')).toBe(true)
    expect(isApp('file:///opt/SkyLight%20Desk/resources/app.asar/out/renderer/index.html#/inbox')).toBe(true)
    expect(isApp('file:///opt/SkyLight%20Desk/resources/app.asar/out/renderer/other.html')).toBe(false)
    expect(isApp('file:///tmp/evil/index.html')).toBe(false)
    expect(isApp('file://host/opt/SkyLight%20Desk/resources/app.asar/out/renderer/index.html')).toBe(false)
    expect(isApp('https://example.com/')).toBe(false)
    expect(isApp('not a url')).toBe(false)
  })

  it('accepts the dev server by origin, not by prefix', () => {
    const isApp = appUrlMatcher({ rendererFile, devServerUrl: 'http://localhost:5173' })
    expect(isApp('http://localhost:5173/')).toBe(true)
    expect(isApp('http://localhost:5173/src/main.ts')).toBe(true)
    expect(isApp('http://localhost:5173.evil.com/')).toBe(false)
    expect(isApp('http://localhost:51730/')).toBe(false)
    expect(isApp('file:///opt/SkyLight%20Desk/resources/app.asar/out/renderer/index.html')).toBe(false)
  })
})

describe('external links', () => {
  it('opens only plain http(s) links in the browser', () => {
    expect(externalLink('https://skylight.chat/help')).toBe('https://skylight.chat/help')
    expect(externalLink('http://example.com')).toBe('http://example.com/')
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'skylight-media://cache/a.png', 'https://user:pw@evil.com/', 'nonsense']) {
      expect(externalLink(url), url).toBeUndefined()
    }
  })
})

describe('guarding a web contents', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { url: string; preventDefault: () => void }) => void>()
    let openHandler: ((details: { url: string }) => { action: string }) | undefined
    const contents = {
      on: (name: string, listener: never) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: never) => {
        openHandler = handler
      },
    } as unknown as GuardedContents
    const fire = (name: string, url: string): boolean => {
      const preventDefault = vi.fn()
      listeners.get(name)!({ url, preventDefault })
      return preventDefault.mock.calls.length > 0
    }
    return { contents, fire, open: (url: string) => openHandler!({ url }) }
  }

  it('blocks navigation away from the app, sending web links to the browser', () => {
    const { contents, fire } = fakeContents()
    const openExternal = vi.fn()
    guardWebContents(contents, appUrlMatcher({ rendererFile }), openExternal)
    expect(fire('will-navigate', 'file:///opt/SkyLight%20Desk/resources/app.asar/out/renderer/index.html')).toBe(false)
    expect(fire('will-navigate', 'https://skylight.chat/')).toBe(true)
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(fire('will-redirect', 'https://elsewhere.example/')).toBe(true)
    expect(fire('will-attach-webview', 'about:blank')).toBe(true)
    expect(openExternal.mock.calls).toEqual([['https://skylight.chat/']])
  })

  it('never opens a new window', () => {
    const { contents, open } = fakeContents()
    const openExternal = vi.fn()
    guardWebContents(contents, appUrlMatcher({ rendererFile }), openExternal)
    expect(open('https://skylight.chat/pricing')).toEqual({ action: 'deny' })
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls).toEqual([['https://skylight.chat/pricing']])
  })
})
