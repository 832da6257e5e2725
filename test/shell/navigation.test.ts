import { describe, expect, it, vi } from 'vitest'
import { appUrlMatcher, externalLink, guardWebContents, type GuardedContents } from '../../src/main/navigation'

const builtPage = 'file:///opt/SkyLight%20Desk/resources/app.asar/out/renderer/index.html'

describe('recognizing the app page', () => {
  // The page is served from the app:// scheme now (checklist item 18), so the built
  // index.html on disk is as foreign as any other file.
  it('accepts app://desk/index.html and nothing else', () => {
    const isApp = appUrlMatcher()
    expect(isApp('app://desk/index.html')).toBe(true)
    expect(isApp('app://desk/index.html#/inbox')).toBe(true)
    expect(isApp('app://desk/other.html')).toBe(false)
    expect(isApp('app://desk.evil/index.html')).toBe(false)
    expect(isApp('app://user:pw@desk/index.html')).toBe(false)
    expect(isApp('app://desk:8080/index.html')).toBe(false)
    expect(isApp(builtPage)).toBe(false)
    expect(isApp('file:///tmp/evil/index.html')).toBe(false)
    expect(isApp('https://example.com/')).toBe(false)
    expect(isApp('not a url')).toBe(false)
  })

  it('accepts the dev server by origin, not by prefix', () => {
    const isApp = appUrlMatcher({ devServerUrl: 'http://localhost:5173' })
    expect(isApp('http://localhost:5173/')).toBe(true)
    expect(isApp('http://localhost:5173/src/main.ts')).toBe(true)
    expect(isApp('http://localhost:5173.evil.com/')).toBe(false)
    expect(isApp('http://localhost:51730/')).toBe(false)
    expect(isApp(builtPage)).toBe(false)
    expect(isApp('app://desk/index.html')).toBe(false)
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
    guardWebContents(contents, appUrlMatcher(), openExternal)
    expect(fire('will-navigate', 'app://desk/index.html')).toBe(false)
    expect(fire('will-navigate', builtPage)).toBe(true)
    expect(fire('will-navigate', 'https://skylight.chat/')).toBe(true)
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(fire('will-redirect', 'https://elsewhere.example/')).toBe(true)
    expect(fire('will-attach-webview', 'about:blank')).toBe(true)
    expect(openExternal.mock.calls).toEqual([['https://skylight.chat/']])
  })

  it('never opens a new window', () => {
    const { contents, open } = fakeContents()
    const openExternal = vi.fn()
    guardWebContents(contents, appUrlMatcher(), openExternal)
    expect(open('https://skylight.chat/pricing')).toEqual({ action: 'deny' })
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(openExternal.mock.calls).toEqual([['https://skylight.chat/pricing']])
  })
})
