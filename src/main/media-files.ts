// Cached media reach the page through skylight-media://cache/<path inside the cache folder>.
// This module answers such a request from the cache folder and nothing else: no "..", no
// absolute paths, no symlinks leading out, no folders. Plain Node (web Request/Response),
// so all of it is tested without Electron; media-protocol.ts only plugs it in.
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { Readable } from 'node:stream'

export const MEDIA_SCHEME = 'skylight-media'
/** Standard schemes lower-case the host, so paths go after one fixed host. */
export const MEDIA_HOST = 'cache'

/** The URL the page uses for a file at `relativePath` (forward slashes) in the cache folder. */
export function mediaUrl(relativePath: string): string {
  const segments = relativePath.split('/').filter((s) => s.length > 0)
  return `${MEDIA_SCHEME}://${MEDIA_HOST}/${segments.map(encodeURIComponent).join('/')}`
}

/**
 * The file a media URL names inside `cacheDir`, judged on the text alone; undefined when
 * the URL is not ours or its path could leave the folder.
 */
export function mediaPathFor(url: string, cacheDir: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== `${MEDIA_SCHEME}:` || parsed.hostname.toLowerCase() !== MEDIA_HOST) return undefined
  if (parsed.username || parsed.password || parsed.port) return undefined
  // URL parsing already folded "." and ".." segments; decoding can bring them back, so
  // each decoded segment is checked on its own.
  const rawSegments = parsed.pathname.split('/').filter((s) => s.length > 0)
  if (rawSegments.length === 0) return undefined
  const segments: string[] = []
  for (const raw of rawSegments) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return undefined
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return undefined
    segments.push(segment)
  }
  const root = resolve(cacheDir)
  const file = resolve(root, ...segments)
  return isInside(root, file) ? file : undefined
}

/** Like mediaPathFor, then checked on disk: a regular file whose real path is in the real cache folder. */
export async function mediaFileFor(url: string, cacheDir: string): Promise<{ path: string; size: number } | undefined> {
  const candidate = mediaPathFor(url, cacheDir)
  if (!candidate) return undefined
  try {
    const [root, real] = await Promise.all([realpath(cacheDir), realpath(candidate)])
    if (!isInside(root, real)) return undefined
    const info = await stat(real)
    return info.isFile() ? { path: real, size: info.size } : undefined
  } catch {
    return undefined
  }
}

/** Answers one protocol request: the file (or the byte range asked for), or an error status. */
export async function serveMediaRequest(request: Request, cacheDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return status(405)
  const file = await mediaFileFor(request.url, cacheDir)
  if (!file) return status(404)
  const headers = new Headers({
    'Content-Type': contentTypeFor(file.path),
    'Accept-Ranges': 'bytes',
    // Served bytes are data, never a page: no sniffing, no scripts even if opened directly.
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'no-cache',
  })
  const range = parseRange(request.headers.get('range'), file.size)
  if (range === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${file.size}`)
    return new Response(null, { status: 416, headers })
  }
  const { start, end } = range ?? { start: 0, end: file.size - 1 }
  headers.set('Content-Length', String(Math.max(0, end - start + 1)))
  if (range) headers.set('Content-Range', `bytes ${start}-${end}/${file.size}`)
  const body =
    request.method === 'HEAD' || file.size === 0
      ? null
      : (Readable.toWeb(createReadStream(file.path, { start, end })) as ReadableStream<Uint8Array>)
  return new Response(body, { status: range ? 206 : 200, headers })
}

/**
 * One `bytes=` range (what <video> and <audio> send when seeking). Several ranges are
 * answered with the whole file, which the standard allows.
 */
export function parseRange(header: string | null, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (!header) return undefined
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match) return undefined
  const [, from = '', to = ''] = match
  if (from === '' && to === '') return undefined
  if (from === '') {
    const suffix = Number(to)
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(from)
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1)
  if (start >= size || end < start) return 'unsatisfiable'
  return { start, end }
}

const CONTENT_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.svg': 'image/svg+xml',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.3gp': 'video/3gpp',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
  '.amr': 'audio/amr',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
}

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}

function status(code: number): Response {
  return new Response(null, { status: code, headers: { 'X-Content-Type-Options': 'nosniff' } })
}
