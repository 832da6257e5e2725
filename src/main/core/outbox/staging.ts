// The staging folder: a file queued for upload is checked and copied here first, so the
// user may move or delete the original before the upload runs (possibly days later).
// Checked are what the path is (a regular file, not a link, a folder or a device), its
// name and size by the rules of where it goes, and — where those rules can tell — its first
// bytes (the format its extension names); then it is copied from the very handle that was
// checked, so it cannot be swapped in between.
import { randomUUID } from 'node:crypto'
import { constants, createWriteStream, readdirSync } from 'node:fs'
import { lstat, mkdir, open, realpath, rm, type FileHandle } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { DiskFullError, isDiskFull } from '../disk-full'
import { t } from '../language'
import { LocalFileError } from '../skylight'
import { checkContent, checkUpload, SIGNATURE_BYTES } from '../skylight/media-rules'

export interface StagedFile {
  stagingPath: string
  originalName: string
  size: number
  mimeType: string
  fileType: 'image' | 'video'
  extension: string
}

type Accepted = { ok: true; mime: string }
type Refused = { ok: false; reason: string }

// No following a link swapped in after the check; no waiting on a FIFO. (0 where the OS has no such flag.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/** A media file: SkyLight's media rules by name and size, and its first bytes by format. */
export async function stageUpload(stagingDir: string, path: string): Promise<StagedFile> {
  const { accepted, content, ...staged } = await stageFile(stagingDir, path, checkUpload, checkContent)
  const kind = content && 'kind' in content ? content.kind : accepted.kind
  return { ...staged, mimeType: content?.mime ?? staged.mimeType, fileType: kind }
}

/**
 * Checks a file with the rules of where it goes (`check`, by name and size; `sniff`, by its
 * first bytes, where the format can be told from them), then copies it into staging.
 */
export async function stageFile<A extends Accepted, C extends Accepted = Accepted>(
  stagingDir: string,
  path: string,
  check: (fileName: string, size: number) => A | Refused,
  sniff?: (fileName: string, head: Uint8Array) => C | Refused,
): Promise<Omit<StagedFile, 'fileType'> & { accepted: A; content: C | null }> {
  const originalName = basename(path)
  const unreadable = (error: NodeJS.ErrnoException): never => {
    throw new LocalFileError(`“${originalName}” cannot be read (${error.code ?? 'unknown error'}).`, { cause: error })
  }
  const link = await lstat(path).catch(unreadable)
  if (link.isSymbolicLink()) throw new LocalFileError(`“${originalName}” is a link to another file; choose the file itself.`)
  if (!link.isFile()) throw new LocalFileError(`“${originalName}” is ${link.isDirectory() ? 'a folder' : 'not a regular file'}; only files can be uploaded.`)
  const resolved = await realpath(path).catch(unreadable)
  const handle = await open(resolved, OPEN_FLAGS).catch(unreadable)
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new LocalFileError(`“${originalName}” is not a regular file; only files can be uploaded.`)
    const accepted = check(originalName, info.size)
    if (!accepted.ok) throw new LocalFileError(accepted.reason)
    let content: C | null = null
    if (sniff) {
      const head = Buffer.alloc(SIGNATURE_BYTES)
      const { bytesRead } = await handle.read(head, 0, SIGNATURE_BYTES, 0)
      const sniffed = sniff(originalName, head.subarray(0, bytesRead))
      if (!sniffed.ok) throw new LocalFileError(sniffed.reason)
      content = sniffed
    }
    const extension = extname(originalName).slice(1).toLowerCase()
    const stagingPath = await copyToStaging(handle, stagingDir, extension, originalName)
    return { stagingPath, originalName, size: info.size, mimeType: content?.mime ?? accepted.mime, extension, accepted, content }
  } finally {
    await handle.close()
  }
}

async function copyToStaging(handle: FileHandle, stagingDir: string, extension: string, originalName: string): Promise<string> {
  const stagingPath = join(stagingDir, `${randomUUID()}.${extension}`)
  try {
    await mkdir(stagingDir, { recursive: true })
    await pipeline(handle.createReadStream({ start: 0, autoClose: false }), createWriteStream(stagingPath, { flags: 'wx' }))
    return stagingPath
  } catch (error) {
    await rm(stagingPath, { force: true })
    if (isDiskFull(error)) throw new DiskFullError(t().disk_what_upload_copy({ name: originalName }), { cause: error })
    const code = (error as NodeJS.ErrnoException).code
    throw new LocalFileError(`“${originalName}” could not be copied for upload (${code ?? 'error'}).`, { cause: error })
  }
}

/** The upload is done or discarded: its staged copy is no longer needed. */
export async function unstage(stagingPath: string | undefined): Promise<void> {
  if (stagingPath) await rm(stagingPath, { force: true })
}

/**
 * Removes staged copies no unfinished upload needs (left by a crash between an upload's
 * success and the removal of its copy). The folder is listed synchronously, before any
 * new upload can be staged, so a file queued meanwhile is never swept.
 */
export function sweepStaging(stagingDir: string, keep: ReadonlySet<string>): Promise<void> {
  let names: string[]
  try {
    names = readdirSync(stagingDir)
  } catch {
    return Promise.resolve()
  }
  const doomed = names.map((name) => join(stagingDir, name)).filter((path) => !keep.has(path))
  return Promise.all(doomed.map((path) => rm(path, { force: true }))).then(() => undefined)
}
