// What SkyLight accepts as a media upload (media.txt, "Supported file types"). Checked in
// the core before anything is queued or sent, so the user hears about it at once.
import { extname } from 'node:path'

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024

const MIME_BY_EXTENSION: Record<string, { mime: string; kind: 'image' | 'video' }> = {
  jpg: { mime: 'image/jpeg', kind: 'image' },
  jpeg: { mime: 'image/jpeg', kind: 'image' },
  png: { mime: 'image/png', kind: 'image' },
  gif: { mime: 'image/gif', kind: 'image' },
  mp4: { mime: 'video/mp4', kind: 'video' },
  avi: { mime: 'video/x-msvideo', kind: 'video' },
  mov: { mime: 'video/quicktime', kind: 'video' },
  wmv: { mime: 'video/x-ms-wmv', kind: 'video' },
  flv: { mime: 'video/x-flv', kind: 'video' },
  webm: { mime: 'video/webm', kind: 'video' },
}

export const ALLOWED_EXTENSIONS = Object.keys(MIME_BY_EXTENSION)

export type UploadCheck =
  | { ok: true; mime: string; kind: 'image' | 'video' }
  | { ok: false; reason: string }

export function checkUpload(fileName: string, sizeBytes: number): UploadCheck {
  const extension = extname(fileName).slice(1).toLowerCase()
  const type = MIME_BY_EXTENSION[extension]
  if (!type) {
    return {
      ok: false,
      reason: `“${fileName}” can't be uploaded: SkyLight accepts ${ALLOWED_EXTENSIONS.join(', ')} files.`,
    }
  }
  if (sizeBytes > MAX_UPLOAD_BYTES) {
    return {
      ok: false,
      reason: `“${fileName}” is ${(sizeBytes / 1024 / 1024).toFixed(1)} MB; SkyLight accepts files up to 50 MB.`,
    }
  }
  if (sizeBytes === 0) return { ok: false, reason: `“${fileName}” is empty.` }
  return { ok: true, ...type }
}
