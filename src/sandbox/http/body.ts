// Reads a JSON request body. Bodies are small here; uploads never come through this.
import type { IncomingMessage } from 'node:http'
import { fail } from './respond'

const MAX_JSON_BYTES = 1_048_576

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_JSON_BYTES) throw fail(413, 'The request body is too large.')
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8').trim()
  if (text === '') return undefined
  const type = req.headers['content-type'] ?? ''
  // JSON is the documented format; a body sent without a content type is tried as JSON too.
  if (type !== '' && !type.includes('json')) {
    throw fail(400, 'Unsupported request body. Send JSON with Content-Type: application/json.')
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw fail(400, 'The request body is not valid JSON.')
  }
}
