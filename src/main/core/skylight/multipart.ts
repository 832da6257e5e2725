// A multipart/form-data body streamed from disk with its exact length known up front, so
// memory stays flat whatever the file size and the server gets a Content-Length.
import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import type { BodySource } from './transport'

export interface FilePart {
  field: string
  path: string
  fileName: string
  size: number
  contentType: string
}

// Quotes and line breaks cannot appear inside a quoted header parameter.
function quoted(value: string): string {
  return value.replace(/[\r\n"]/g, (c) => encodeURIComponent(c))
}

export function multipartBody(fields: Record<string, string>, file: FilePart): { body: BodySource; contentType: string } {
  const boundary = `----SkyLightDesk${randomBytes(12).toString('hex')}`
  let head = ''
  for (const [name, value] of Object.entries(fields)) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`
  }
  // File names go as raw UTF-8, as browsers send them (Arabic names arrive intact).
  head +=
    `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(file.field)}"; filename="${quoted(file.fileName)}"\r\n` +
    `Content-Type: ${file.contentType}\r\n\r\n`
  const headBytes = Buffer.from(head, 'utf8')
  const tailBytes = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: {
      length: headBytes.length + file.size + tailBytes.length,
      open: () =>
        Readable.from(
          (async function* () {
            yield headBytes
            yield* createReadStream(file.path, { highWaterMark: 256 * 1024 })
            yield tailBytes
          })(),
        ),
    },
  }
}
