// The staging folder: a file queued for upload is checked and copied here first, so the
// user may move or delete the original before the upload runs (possibly days later).
import { randomUUID } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { copyFile, mkdir, rm, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { LocalFileError } from '../skylight'
import { checkUpload } from '../skylight/media-rules'

export interface StagedFile {
  stagingPath: string
  originalName: string
  size: number
  mimeType: string
  fileType: 'image' | 'video'
  extension: string
}

export async function stageUpload(stagingDir: string, path: string): Promise<StagedFile> {
  const { accepted, ...staged } = await stageFile(stagingDir, path, checkUpload)
  return { ...staged, fileType: accepted.kind }
}

type Accepted = { ok: true; mime: string }

/** Checks a file with the rules of where it goes (`check`), then copies it into staging. */
export async function stageFile<A extends Accepted>(
  stagingDir: string,
  path: string,
  check: (fileName: string, size: number) => A | { ok: false; reason: string },
): Promise<Omit<StagedFile, 'fileType'> & { accepted: A }> {
  const originalName = basename(path)
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new LocalFileError(`“${originalName}” cannot be read (${error.code ?? 'unknown error'}).`, { cause: error })
  })
  if (!info.isFile()) throw new LocalFileError(`“${originalName}” is not a file.`)
  const accepted = check(originalName, info.size)
  if (!accepted.ok) throw new LocalFileError(accepted.reason)
  await mkdir(stagingDir, { recursive: true })
  const extension = extname(originalName).slice(1).toLowerCase()
  const stagingPath = join(stagingDir, `${randomUUID()}.${extension}`)
  try {
    await copyFile(path, stagingPath)
  } catch (error) {
    await rm(stagingPath, { force: true })
    const code = (error as NodeJS.ErrnoException).code
    throw new LocalFileError(
      code === 'ENOSPC' ? `There is not enough disk space to queue “${originalName}” for upload.` : `“${originalName}” could not be copied for upload (${code ?? 'error'}).`,
      { cause: error },
    )
  }
  return { stagingPath, originalName, size: info.size, mimeType: accepted.mime, extension, accepted }
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
