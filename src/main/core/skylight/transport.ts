// One HTTP exchange over node:http(s), with what a retry decision needs to know: whether
// the request may have reached the server. Errors before the connection was established
// (refused, DNS, unreachable) prove it did not; anything later leaves "maybe".
import http, { type IncomingHttpHeaders } from 'node:http'
import https from 'node:https'
import { pipeline } from 'node:stream/promises'
import { Transform, type Readable } from 'node:stream'
import { CancelledError, LocalFileError, NetworkError } from './errors'
import { t } from '../language'

export interface BodySource {
  /** Exact byte length, sent as Content-Length (servers reject chunked multipart). */
  length: number
  open(): Readable
}

export interface HttpExchange {
  method: string
  url: URL
  headers: Record<string, string>
  body?: Buffer | BodySource
  /** Reuse pooled connections. Off for requests that must not be repeated: a fresh connection
   * makes "never reached the server" provable, where a stale pooled one would not. */
  keepAlive: boolean
  /** For buffered bodies: the whole exchange. For streamed uploads: the longest silence. */
  timeoutMs: number
  signal?: AbortSignal
  onUploadProgress?: (sentBytes: number, totalBytes: number) => void
  maxResponseBytes?: number
}

export interface HttpAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 6 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 6 }),
}

export function sendHttp(exchange: HttpExchange): Promise<HttpAnswer> {
  const { url, signal } = exchange
  if (signal?.aborted) return Promise.reject(new CancelledError())
  const isHttps = url.protocol === 'https:'
  const lib = isHttps ? https : http
  const streamed = exchange.body !== undefined && !Buffer.isBuffer(exchange.body)
  const length = exchange.body === undefined ? 0 : Buffer.isBuffer(exchange.body) ? exchange.body.length : exchange.body.length

  return new Promise<HttpAnswer>((resolve, reject) => {
    let connected = false
    let settled = false
    const request = lib.request(url, {
      method: exchange.method,
      headers: { ...exchange.headers, 'Content-Length': String(length) },
      agent: exchange.keepAlive ? (isHttps ? agents.https : agents.http) : false,
    })

    const finish = (error: Error | undefined, answer?: HttpAnswer): void => {
      if (settled) return
      settled = true
      clearTimeout(deadline)
      signal?.removeEventListener('abort', onAbort)
      if (error) {
        request.destroy()
        reject(error)
      } else resolve(answer!)
    }
    const fail = (error: NodeJS.ErrnoException): void => finish(toNetworkError(error, connected, url, exchange.timeoutMs))
    const onAbort = (): void => finish(new CancelledError())
    signal?.addEventListener('abort', onAbort, { once: true })

    // Buffered requests get a deadline; a long upload only has to keep moving.
    const deadline = streamed
      ? undefined
      : setTimeout(() => fail(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), exchange.timeoutMs)
    if (streamed) request.setTimeout(exchange.timeoutMs, () => fail(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })))

    request.on('socket', (socket) => {
      if (!socket.connecting) connected = true
      else socket.once(isHttps ? 'secureConnect' : 'connect', () => (connected = true))
    })
    request.on('error', fail)
    request.on('response', (response) => {
      const chunks: Buffer[] = []
      let size = 0
      const max = exchange.maxResponseBytes ?? 32 * 1024 * 1024
      response.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > max) fail(Object.assign(new Error('response too large'), { code: 'ERESPONSETOOLARGE' }))
        else chunks.push(chunk)
      })
      response.on('error', fail)
      response.on('aborted', () => fail(Object.assign(new Error('aborted'), { code: 'ECONNRESET' })))
      response.on('end', () => {
        // A body shorter than its Content-Length is a cut connection, not an answer.
        const expected = Number(response.headers['content-length'])
        if (Number.isFinite(expected) && size < expected && !response.complete) {
          fail(Object.assign(new Error('truncated'), { code: 'ECONNRESET' }))
          return
        }
        finish(undefined, { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) })
      })
    })

    if (exchange.body === undefined) request.end()
    else if (Buffer.isBuffer(exchange.body)) request.end(exchange.body)
    else {
      const source = exchange.body
      let sent = 0
      const progress = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          sent += chunk.length
          exchange.onUploadProgress?.(sent, source.length)
          callback(null, chunk)
        },
      })
      pipeline(source.open(), progress, request).catch((error: NodeJS.ErrnoException) => {
        // A file that cannot be read is not a network fault.
        if (error.code === 'ENOENT' || error.code === 'EACCES' || error.code === 'EISDIR') {
          finish(new LocalFileError(`The file to upload can no longer be read (${error.code}).`, { cause: error }))
        } else fail(error)
      })
    }
  })
}

function toNetworkError(error: NodeJS.ErrnoException, connected: boolean, url: URL, timeoutMs: number): NetworkError {
  const code = error.code
  const where = url.host
  let message: string
  switch (code) {
    case 'ECONNREFUSED':
      message = t().error_refused({ where })
      break
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      message = t().error_not_found_host({ host: url.hostname })
      break
    case 'ETIMEDOUT':
      message = t().error_timeout({ where, seconds: Math.round(timeoutMs / 1000) })
      break
    case 'ERESPONSETOOLARGE':
      message = t().error_too_large({ where })
      break
    default:
      message = t().error_interrupted({ where, code: code ?? '' })
  }
  // Without an established connection not one byte of the request can have reached the server.
  return new NetworkError(message, connected ? 'maybe' : 'no', code, { cause: error })
}
