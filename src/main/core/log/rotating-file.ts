// An append-only file capped in size: when the next write would pass the cap, the file
// becomes name.1, name.1 becomes name.2 … and the oldest generation is dropped. Writes are
// synchronous so the last lines before a crash are on disk; the app logs little.
import { closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'

export interface RotatingFileOptions {
  dir: string
  fileName: string
  /** Cap of the current file, in bytes. */
  maxBytes: number
  /** How many older files to keep beside the current one. */
  generations: number
}

export class RotatingFile {
  readonly path: string
  private fd: number | undefined
  private size = 0

  constructor(private readonly options: RotatingFileOptions) {
    if (options.maxBytes <= 0 || options.generations < 0) throw new RangeError('Invalid log rotation limits')
    this.path = join(options.dir, options.fileName)
  }

  write(text: string): void {
    const bytes = Buffer.from(text, 'utf8')
    const fd = this.open()
    if (this.size > 0 && this.size + bytes.length > this.options.maxBytes) {
      this.rotate()
      return this.write(text)
    }
    writeSync(fd, bytes)
    this.size += bytes.length
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
