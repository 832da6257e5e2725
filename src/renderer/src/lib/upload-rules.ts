// What SkyLight accepts as a media upload (its media.txt), checked in the page so the user
// hears at once; the core checks every file again before anything is queued.
import { m } from './i18n.svelte'

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024
export const UPLOAD_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'mp4', 'avi', 'mov', 'wmv', 'flv', 'webm'] as const

export type UploadVerdict = { ok: true } | { ok: false; reason: string }

export function checkFile(name: string, size: number): UploadVerdict {
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : ''
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(extension)) {
    return { ok: false, reason: m.uploads_bad_type({ name, types: UPLOAD_EXTENSIONS.join(', ') }) }
  }
  if (size > MAX_UPLOAD_BYTES) {
    return { ok: false, reason: m.uploads_too_big({ name, mb: size / 1024 / 1024 }) }
  }
  if (size === 0) return { ok: false, reason: m.uploads_empty({ name }) }
  return { ok: true }
}
