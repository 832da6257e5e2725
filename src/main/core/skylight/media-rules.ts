// What SkyLight accepts as a media upload (media.txt, "Supported file types": images jpg,
// jpeg, png, gif; videos mp4, avi, mov, wmv, flv, webm; up to 50 MB). Checked in the core
// before anything is queued or sent, so the user hears about it at once. A file's name is
// not enough: its first bytes must be the format its extension names, so a program or a
// text file renamed `.png` is refused here rather than by the server days later.
import { extname } from 'node:path'
import { t } from '../language'

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024

/** Container formats, each recognised by its signature; several extensions may share one. */
type Format = 'jpeg' | 'png' | 'gif' | 'iso-media' | 'avi' | 'asf' | 'flv' | 'ebml'

const TYPES: Record<string, { mime: string; kind: 'image' | 'video'; format: Format }> = {
  jpg: { mime: 'image/jpeg', kind: 'image', format: 'jpeg' },
  jpeg: { mime: 'image/jpeg', kind: 'image', format: 'jpeg' },
  png: { mime: 'image/png', kind: 'image', format: 'png' },
  gif: { mime: 'image/gif', kind: 'image', format: 'gif' },
  mp4: { mime: 'video/mp4', kind: 'video', format: 'iso-media' },
  mov: { mime: 'video/quicktime', kind: 'video', format: 'iso-media' },
  avi: { mime: 'video/x-msvideo', kind: 'video', format: 'avi' },
  wmv: { mime: 'video/x-ms-wmv', kind: 'video', format: 'asf' },
  flv: { mime: 'video/x-flv', kind: 'video', format: 'flv' },
  webm: { mime: 'video/webm', kind: 'video', format: 'ebml' },
}

/** "a JPEG image", in the core's language. */
const FORMAT_NAMES: Record<Format, () => string> = {
  jpeg: () => t().format_jpeg(),
  png: () => t().format_png(),
  gif: () => t().format_gif(),
  'iso-media': () => t().format_iso_media(),
  avi: () => t().format_avi(),
  asf: () => t().format_asf(),
  flv: () => t().format_flv(),
  ebml: () => t().format_ebml(),
}

export const ALLOWED_EXTENSIONS = Object.keys(TYPES)

/** How many leading bytes sniffFormat needs. */
export const SIGNATURE_BYTES = 16

const ascii = (head: Uint8Array, at: number, text: string) => Buffer.from(head.subarray(at, at + text.length)).toString('latin1') === text
const bytes = (head: Uint8Array, at: number, values: number[]) => values.every((v, i) => head[at + i] === v)

/** The accepted format whose signature the file starts with, or null. */
export function sniffFormat(head: Uint8Array): Format | null {
  if (bytes(head, 0, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (bytes(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a')) return 'gif'
  // ISO base media (MP4) and QuickTime: a box size, then the first box's type.
  if (['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip', 'pnot'].some((box) => ascii(head, 4, box))) return 'iso-media'
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'AVI ')) return 'avi'
  if (bytes(head, 0, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])) return 'asf'
  if (ascii(head, 0, 'FLV')) return 'flv'
  if (bytes(head, 0, [0x1a, 0x45, 0xdf, 0xa3])) return 'ebml'
  return null
}

export type UploadCheck =
  | { ok: true; mime: string; kind: 'image' | 'video' }
  | { ok: false; reason: string }

/** By name and size: what can be said before a byte is read. */
export function checkUpload(fileName: string, sizeBytes: number): UploadCheck {
  const extension = extname(fileName).slice(1).toLowerCase()
  const type = TYPES[extension]
  if (!type) {
    return {
      ok: false,
      reason: t().upload_bad_type({ name: fileName, types: ALLOWED_EXTENSIONS.join(', ') }),
    }
  }
  if (sizeBytes > MAX_UPLOAD_BYTES) {
    return {
      ok: false,
      reason: t().upload_too_big({ name: fileName, mb: sizeBytes / 1024 / 1024 }),
    }
  }
  if (sizeBytes === 0) return { ok: false, reason: t().upload_empty({ name: fileName }) }
  return { ok: true, mime: type.mime, kind: type.kind }
}

/** By content: the file's first bytes (at least SIGNATURE_BYTES of them when it has that many). */
export function checkContent(fileName: string, head: Uint8Array): UploadCheck {
  const type = TYPES[extname(fileName).slice(1).toLowerCase()]
  if (!type) return checkUpload(fileName, head.length)
  const found = sniffFormat(head)
  if (found === type.format) return { ok: true, mime: type.mime, kind: type.kind }
  const expected = FORMAT_NAMES[type.format]()
  if (found === null) return { ok: false, reason: t().upload_not_kind({ name: fileName, expected }) }
  const rename = Object.entries(TYPES).find(([, t]) => t.format === found)![0]
  return { ok: false, reason: t().upload_misnamed({ name: fileName, expected, found: FORMAT_NAMES[found](), extension: rename }) }
}
