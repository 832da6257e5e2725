// The browser host: the core in Node behind the same contract the Electron preload uses,
// carried over a WebSocket, plus the built renderer (out/renderer) with a small bridge
// script injected before the app bundle. The browser journeys and `npm run web` use it.
// It listens on 127.0.0.1 only, and the page and the socket both need the random token in
// the URL it prints: another local program (or a web page in another tab) that finds the
// port cannot drive the core. One host per journey; close() releases all.
import { readFile, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Core } from '../../../src/main/core'

const BRIDGE_PATH = '/desk-bridge.js'
const bridgeFile = fileURLToPath(new URL('./bridge-client.js', import.meta.url))
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

export interface DeskHost {
  /** The page's address, with its token. */
  url: string
  /** Every contract call the page made, in order (method names), for assertions. */
  calls: string[]
  close(): Promise<void>
}

export interface DeskHostOptions {
  rendererDir?: string
  /** Test-only scripts served from the page's own origin (so the strict CSP allows them), e.g. axe-core. */
  extraScripts?: Record<string, string>
}

export async function startDeskHost(core: Core, options: DeskHostOptions = {}): Promise<DeskHost> {
  const rendererDir = options.rendererDir ?? resolve('out/renderer')
  const root = resolve(rendererDir)
  const indexHtml = await readFile(join(root, 'index.html'), 'utf8').catch(() => {
    throw new Error(`No built renderer in ${root}: run \`npx electron-vite build\` first.`)
  })
  // The bridge must exist before the app bundle runs; it is 'self', so the CSP allows it.
  const withBridge = indexHtml.replace('<script type="module"', `<script src="${BRIDGE_PATH}"></script>\n    <script type="module"`)
  // The shipped CSP has no test-only sources: the host adds its own WebSocket here, once its
  // port is known, and nothing else.
  let page = withBridge
  const bridge = await readFile(bridgeFile, 'utf8')
  const calls: string[] = []

  const token = randomBytes(24).toString('base64url')
  const hasToken = (url: string | undefined) => new URL(url ?? '/', 'http://host').searchParams.get('token') === token

  const server = createServer((req, res) => void serve(req, res))
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname)
    if (path === '/' || path === '/index.html') {
      if (!hasToken(req.url)) return send(res, 403, 'text/plain; charset=utf-8', 'Open the address SkyLight Desk printed (it carries a token).')
      return send(res, 200, types['.html']!, page)
    }
    // Chromium asks for one; the app has none (its icon is the window's).
    if (path === '/favicon.ico') return send(res, 204, 'text/plain', '')
    if (path === BRIDGE_PATH) return send(res, 200, types['.js']!, bridge)
    const extra = options.extraScripts?.[path]
    if (extra) return send(res, 200, types['.js']!, await readFile(extra))
    const file = normalize(join(root, path))
    if (!file.startsWith(root + sep)) return send(res, 404, 'text/plain', 'Not found')
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) return send(res, 404, 'text/plain', 'Not found')
    send(res, 200, types[extname(file)] ?? 'application/octet-stream', await readFile(file))
  }

  let origin = ''
  const sockets = new WebSocketServer({
    server,
    path: '/desk',
    maxPayload: 80 * 1024 * 1024,
    // The page's own origin and token only.
    verifyClient: ({ req }: { req: IncomingMessage }) => hasToken(req.url) && req.headers.origin === origin,
  })
  const unsubscribe = core.on((event, payload) => {
    const message = JSON.stringify({ kind: 'event', event, payload })
    for (const socket of sockets.clients) if (socket.readyState === socket.OPEN) socket.send(message)
  })
  sockets.on('connection', (socket: WebSocket) => {
    socket.on('message', async (raw) => {
      let request: { id: number; method: unknown; input: unknown }
      try {
        request = JSON.parse(String(raw))
      } catch {
        return
      }
      calls.push(String(request.method))
      const result = await core.dispatch(request.method, request.input)
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ kind: 'result', id: request.id, result }))
    })
  })

  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
  const socketSource = `ws://127.0.0.1:${port}`
  page = withBridge.replace(/connect-src 'self'/, `connect-src 'self' ${socketSource}`)
  if (!page.includes(socketSource)) throw new Error('The built page has no connect-src to extend: its CSP changed shape.')
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    calls,
    close: async () => {
      unsubscribe()
      for (const socket of sockets.clients) socket.terminate()
      await new Promise<void>((done) => sockets.close(() => done()))
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
    },
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}
