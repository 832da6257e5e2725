// Streams a multipart upload (field `file`, optional `name`) to disk with busboy.
// Past the 50 MB limit busboy stops handing us data but keeps reading (and discarding)
// the rest of the request, so the client can finish sending and read our 422.
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { dirname } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import busboy from 'busboy'
import { ALLOWED_EXTENSIONS, extensionOf, MAX_UPLOAD_BYTES } from '../data/media-files'

export interface UploadedFile {
  originalName: string
  extension: string
  size: number
  sha256: string
  /** First bytes, for reading image dimensions. */
  head: Buffer
}

export interface UploadOutcome {
  file: UploadedFile | null
  name: string | undefined
  /** Every text field sent beside the file. */
  fields: Record<string, string>
  /** Laravel-style field errors; when non-empty nothing was kept on disk. */
  errors: Record<string, string[]>
}

const HEAD_BYTES = 65_536

/** What a route accepts; the media library's rules unless told. */
export interface UploadRules {
  extensions?: readonly string[]
  maxBytes?: number
}

/** `targetFor(extension)` says where to write an accepted file. */
export function receiveUpload(req: IncomingMessage, targetFor: (extension: string) => string, rules: UploadRules = {}): Promise<UploadOutcome> {
  const ALLOWED = rules.extensions ?? ALLOWED_EXTENSIONS
  const MAX_BYTES = rules.maxBytes ?? MAX_UPLOAD_BYTES
  return new Promise((resolve) => {
    const fields: Record<string, string> = {}
    const errors: Record<string, string[]> = {}
    const addError = (field: string, message: string) => (errors[field] ??= []).push(message)
    let name: string | undefined
    let file: UploadedFile | null = null
    let target: string | null = null
    let writing: Promise<void> = Promise.resolve()
    let active: NodeJS.ReadableStream & { destroy(error?: Error): void } | null = null
    let parser: busboy.Busboy
    try {
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: MAX_BYTES + 1, files: 1, fields: 20 } })
    } catch {
      req.resume() // not multipart: drain and answer like Laravel would for a missing file
      req.once('end', () => resolve({ file: null, name, fields, errors: { file: ['The file field is required.'] } }))
      return
    }
    parser.on('field', (field, value) => {
      fields[field] = value
      if (field === 'name') name = value
    })
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || file !== null) {
        stream.resume()
        return
      }
      active = stream
      const extension = extensionOf(info.filename ?? '')
      const accepted: UploadedFile = { originalName: info.filename ?? 'upload', extension, size: 0, sha256: '', head: Buffer.alloc(0) }
      file = accepted
      const hash = createHash('sha256')
      const headParts: Buffer[] = []
      let headSize = 0
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          accepted.size += chunk.length
          hash.update(chunk)
          if (headSize < HEAD_BYTES) {
            headParts.push(chunk)
            headSize += chunk.length
          }
          done(null, chunk)
        },
      })
      const finish = () => {
        accepted.sha256 = hash.digest('hex')
        accepted.head = Buffer.concat(headParts).subarray(0, HEAD_BYTES)
      }
      if (!ALLOWED.includes(extension)) {
        addError('file', `The file field must be a file of type: ${ALLOWED.join(', ')}.`)
        writing = pipeline(stream, meter, new Transform({ transform: (_c, _e, done) => done() })).then(finish)
        return
      }
      const path = targetFor(extension)
      target = path
      writing = mkdir(dirname(path), { recursive: true })
        .then(() => pipeline(stream, meter, createWriteStream(path)))
        .then(() => {
          finish()
          // busboy marks a file truncated on reaching its limit, so the limit is one byte past ours.
          if (accepted.size > MAX_BYTES) addError('file', `The file field must not be greater than ${MAX_BYTES / 1024} kilobytes.`)
        })
    })
    let finished = false
    const done = (parseError?: Error) => {
      if (finished) return
      finished = true
      writing
        .catch((e: unknown) => addError('file', `The file failed to upload. ${(e as Error).message}`))
        .then(async () => {
          if (parseError) addError('file', 'The file failed to upload.')
          if (!file) addError('file', 'The file field is required.')
          if (Object.keys(errors).length > 0 && target) await rm(target, { force: true })
          resolve({ file, name, fields, errors })
        })
    }
    parser.on('close', () => done())
    parser.on('error', (e: Error) => {
      req.unpipe(parser)
      req.resume()
      done(e)
    })
    req.once('aborted', () => {
      // The client went away: end the half-written file so the pipeline settles.
      active?.destroy(new Error('aborted'))
      done(new Error('aborted'))
    })
    req.pipe(parser)
  })
}
