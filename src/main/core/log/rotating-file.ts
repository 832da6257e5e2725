// An append-only file capped in size: when the next write would pass the cap, the file
// becomes name.1, name.1 becomes name.2 … and the oldest generation is dropped. Writes are
// synchronous so the last lines before a crash are on disk; the app logs little.
//
// A full disk is when the log matters most and can least be written. An entry the file
// cannot take goes to stderr at once, and is also held in memory (up to `backlogBytes`,
// oldest dropped first) and written before the next entry once space is free again — so
// the lines saying what went wrong reach the file after the user clears some space.
// write() never throws.
import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'

export interface RotatingFileOptions {
  dir: string
  fileName: string
  /** Cap of the current file, in bytes. */
  maxBytes: number
  /** How many older files to keep beside the current one. */
  generations: number
  /** Entries held in memory while the file cannot take them (default 64 KB). */
  backlogBytes?: number
  /** Where an entry goes at once when the file cannot take it (default: stderr). */
  fallback?: (text: string) => void
}

const DEFAULT_BACKLOG = 64 * 1024

export class RotatingFile {
  readonly path: string
  private fd: number | undefined
  private size = 0
  private backlog: string[] = []
  private backlogSize = 0

  constructor(private readonly options: RotatingFileOptions) {
    if (options.maxBytes <= 0 || options.generations < 0) throw new RangeError('Invalid log rotation limits')
    this.path = join(options.dir, options.fileName)
  }

  write(text: string): void {
    try {
      while (this.backlog.length > 0) {
        this.append(this.backlog[0]!)
        this.backlogSize -= Buffer.byteLength(this.backlog.shift()!)
      }
      this.append(text)
    } catch {
      this.fallback(text)
      this.hold(text)
    }
  }

  /** Entries waiting for space (oldest first). */
  get pending(): readonly string[] {
    return this.backlog
  }

  private append(text: string): void {
    const bytes = Buffer.from(text, 'utf8')
    const fd = this.open()
    if (this.size > 0 && this.size + bytes.length > this.options.maxBytes) {
      this.rotate()
      return this.append(text)
    }
    // A write cut short by a full disk is finished later from the backlog, whole: the part
    // that got in stays, so the file shows the entry's start twice rather than losing it.
    const written = writeSync(fd, bytes)
    this.size += written
    if (written < bytes.length) throw Object.assign(new Error('short write'), { code: 'ENOSPC' })
  }

  private hold(text: string): void {
    const max = this.options.backlogBytes ?? DEFAULT_BACKLOG
    this.backlog.push(text)
    this.backlogSize += Buffer.byteLength(text)
    while (this.backlogSize > max && this.backlog.length > 0) this.backlogSize -= Buffer.byteLength(this.backlog.shift()!)
  }

  private fallback(text: string): void {
    try {
      ;(this.options.fallback ?? ((t: string) => process.stderr.write(t)))(text)
    } catch {
      // Nowhere left to write: the backlog still has it.
    }
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }

  /** The current file and its older generations, newest first. */
  files(): string[] {
    return [this.path, ...Array.from({ length: this.options.generations }, (_, i) => `${this.path}.${i + 1}`)]
  }

  private open(): number {
    if (this.fd === undefined) {
      mkdirSync(this.options.dir, { recursive: true })
      this.fd = openSync(this.path, 'a', 0o600)
      this.size = fstatSync(this.fd).size
    }
    return this.fd
  }

  private rotate(): void {
    this.close()
    const { generations } = this.options
    rmSync(generations > 0 ? `${this.path}.${generations}` : this.path, { force: true })
    for (let n = generations - 1; n >= 1; n--) moveIfPresent(`${this.path}.${n}`, `${this.path}.${n + 1}`)
    if (generations > 0) moveIfPresent(this.path, `${this.path}.1`)
  }
}

function moveIfPresent(from: string, to: string): void {
  try {
    renameSync(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}
