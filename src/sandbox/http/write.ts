// Writes a Result to the socket: whole, or (for the truncate fault) the headers with the
// full Content-Length, half the body, then a cut connection.
import { createReadStream } from 'node:fs'
import type { ServerResponse } from 'node:http'
import type { FileResult, Result } from './respond'

function jsonBytes(body: unknown): Buffer {
  return Buffer.from(JSON.stringify(body), 'utf8')
}

function head(res: ServerResponse, result: Result, length: number | null): void {
  const headers: Record<string, string | number> = { ...result.headers }
  if (result.kind === 'json') headers['Content-Type'] = 'application/json'
  if (result.kind === 'file') headers['Content-Type'] = result.contentType
  if (length !== null) headers['Content-Length'] = length
  res.writeHead(result.status, headers)
}

function streamFile(res: ServerResponse, result: FileResult, bytes: number, then: () => void): void {
  if (result.source.kind === 'memory') {
    res.write(result.source.bytes.subarray(0, bytes), then)
    return
  }
  if (bytes === 0) return then()
  const stream = createReadStream(result.source.path, { start: 0, end: bytes - 1 })
  stream.on('error', () => res.destroy())
  stream.on('end', then)
  stream.pipe(res, { end: false })
}

export function writeResult(res: ServerResponse, method: string, result: Result): void {
  if (result.kind === 'empty') {
    head(res, result, null)
    res.end()
  } else if (result.kind === 'json') {
    const body = jsonBytes(result.body)
    head(res, result, body.length)
    res.end(method === 'HEAD' ? undefined : body)
  } else {
    head(res, result, result.size)
    if (method === 'HEAD') res.end()
    else streamFile(res, result, result.size, () => res.end())
  }
}

export function writeTruncated(res: ServerResponse, method: string, result: Result): void {
  const cut = () => res.destroy()
  if (result.kind === 'empty' || method === 'HEAD') {
    cut() // nothing to cut in half: the response is lost entirely
  } else if (result.kind === 'json') {
    const body = jsonBytes(result.body)
    head(res, result, body.length)
    res.write(body.subarray(0, Math.floor(body.length / 2)), cut)
  } else {
    head(res, result, result.size)
    streamFile(res, result, Math.floor(result.size / 2), cut)
  }
}
