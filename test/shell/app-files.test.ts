// The app:// scheme's answers, without Electron: files of the built renderer folder with
// the right types (module scripts need a JavaScript type), the page's CSP as a header, and
// nothing outside the folder whatever the URL's spelling.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, appContentType, appPathFor, serveAppRequest } from '../../src/main/app-files'
import { CONTENT_SECURITY_POLICY } from '../../src/main/window-options'

let base: string
let renderer: string
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'skylight-app-files-'))
  renderer = join(base, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>SkyLight Desk</title>')
  writeFileSync(join(renderer, 'assets', 'index-abc123.js'), 'export const x = 1')
  writeFileSync(join(renderer, 'assets', 'index-abc123.css'), 'body{}')
  writeFileSync(join(renderer, 'assets', 'inter.woff2'), 'font')
  writeFileSync(join(renderer, 'assets', 'name with space.svg'), '<svg/>')
  // Beside the folder, with a name that starts like it: must stay out of reach.
  mkdirSync(join(base, 'renderer-private'))
  writeFileSync(join(base, 'renderer-private', 'secret.txt'), 'secret')
  writeFileSync(join(base, 'secret.txt'), 'secret')
})
afterAll(() => rmSync(base, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), renderer)

describe('app:// URLs', () => {
  it('name files inside the renderer folder, "/" being index.html', () => {
    expect(APP_ENTRY_URL).toBe('app://desk/index.html')
    expect(appPathFor('app://desk/', renderer)).toBe(join(renderer, 'index.html'))
    expect(appPathFor('app://desk/index.html?x=1#/inbox', renderer)).toBe(join(renderer, 'index.html'))
    expect(appPathFor('app://desk/assets/index-abc123.js', renderer)).toBe(join(renderer, 'assets', 'index-abc123.js'))
    expect(appPathFor('app://desk/assets/name%20with%20space.svg', renderer)).toBe(join(renderer, 'assets', 'name with space.svg'))
  })

  it('refuse traversal, encoded separators, other hosts and other schemes', () => {
    const refused = [
      'app://desk/assets/..%2f..%2fsecret.txt',
      'app://desk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://desk/..%5c..%5csecret.txt',
      'app://desk/assets%5c..%5c..%5csecret.txt',
      'app://desk/%00index.html',
      'app://desk/C:%5cWindows%5cwin.ini',
      'app://desk/%E0%A4%A',
      'app://other/index.html',
      'app://desk:8080/index.html',
      'app://user:pw@desk/index.html',
      'file:///etc/passwd',
      'skylight-media://cache/1/1.png',
      'not a url',
    ]
    for (const url of refused) expect(appPathFor(url, renderer), url).toBeUndefined()
    // ".." the parser folds away stays inside the folder.
    expect(appPathFor('app://desk/../../secret.txt', renderer)).toBe(join(renderer, 'secret.txt'))
    expect(appPathFor('app://desk/%2e%2e/secret.txt', renderer)).toBe(join(renderer, 'secret.txt'))
    expect(appPathFor('app://desk/../renderer-private/secret.txt', renderer)).toBe(join(renderer, 'renderer-private', 'secret.txt'))
  })
})

describe('answers of the app scheme', () => {
  it('serve the page with its CSP, and scripts, styles and fonts with their types', async () => {
    const page = await get('app://desk/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<title>SkyLight Desk</title>')

    const script = await get('app://desk/assets/index-abc123.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('export const x = 1')
    expect((await get('app://desk/assets/index-abc123.css')).headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect((await get('app://desk/assets/inter.woff2')).headers.get('content-type')).toBe('font/woff2')
    expect((await get('app://desk/assets/name%20with%20space.svg')).headers.get('content-type')).toBe('image/svg+xml')
    expect(appContentType('/x/app.MJS')).toBe('text/javascript; charset=utf-8')
    expect(appContentType('/x/unknown.bin')).toBe('application/octet-stream')
  })

  it('answer HEAD without a body, and refuse writes, folders, missing files and the outside', async () => {
    const head = await get('app://desk/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String('<!doctype html><title>SkyLight Desk</title>'.length))
    expect(await head.text()).toBe('')
    expect((await get('app://desk/index.html', 'POST')).status).toBe(405)
    expect((await get('app://desk/assets')).status).toBe(404)
    expect((await get('app://desk/missing.js')).status).toBe(404)
    expect((await get('app://desk/%2e%2e/secret.txt')).status).toBe(404)
    expect((await get('app://desk/../renderer-private/secret.txt')).status).toBe(404)
    expect((await get('app://elsewhere/index.html')).status).toBe(404)
  })
})
