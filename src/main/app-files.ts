// The interface reaches the window through app://desk/<path> (Electron security checklist,
// item 18: a custom scheme instead of file://, so the file-protocol privileges fuse can be
// off and the page cannot read the disk through file:). This module answers such a request
// from the built renderer folder and nothing else: no "..", no encoded separators, no
// folders, no other host. Plain Node (web Request/Response), so all of it is tested without
// Electron; app-protocol.ts only plugs it in.
import { readFile, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from './window-options'

export const APP_SCHEME = 'app'
/** Standard schemes lower-case the host; the page's origin is app://desk. */
export const APP_HOST = 'desk'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * The file an app URL names inside `rendererDir`, judged on the text alone; undefined when
 * the URL is not ours or its path could leave the folder. "/" is index.html.
 */
export function appPathFor(url: string, rendererDir: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname.toLowerCase() !== APP_HOST) return undefined
  if (parsed.username || parsed.password || parsed.port) return undefined
  // The parser already folded "." and ".."; decoding can bring them (or a separator) back,
  // so each decoded segment is checked on its own.
  const segments: string[] = []
  for (const raw of parsed.pathname.split('/').filter((s) => s.length > 0)) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return undefined
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return undefined
    segments.push(segment)
  }
  if (segments.length === 0) segments.push('index.html')
  const root = resolve(rendererDir)
  const file = resolve(root, ...segments)
  const rel = relative(root, file)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel) ? file : undefined
}

/** Answers one request of the app scheme: the file with its type, or an error status. */
export async function serveAppRequest(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return status(405)
  const path = appPathFor(request.url, rendererDir)
  if (!path) return status(404)
  // stat and readFile (not realpath or streams): they work inside the app's asar archive.
  const info = await stat(path).catch(() => null)
  if (!info?.isFile()) return status(404)
  const type = appContentType(path)
  const headers = new Headers({
    'Content-Type': type,
    'Content-Length': String(info.size),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  })
  // The page's policy travels as a header too (the meta tag in index.html says the same).
  if (type.startsWith('text/html')) headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers })
  const body = await readFile(path).catch(() => null)
  if (!body) return status(404)
  return new Response(new Uint8Array(body), { status: 200, headers })
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

/** Module scripts are refused by Chromium unless served with a JavaScript type. */
export function appContentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

function status(code: number): Response {
  return new Response(null, { status: code, headers: { 'X-Content-Type-Options': 'nosniff' } })
}
