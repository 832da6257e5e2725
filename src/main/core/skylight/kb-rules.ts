// What the knowledge base takes as a file: documents (PDF, DOCX, XLSX, TXT, CSV) and audio,
// checked by name and size before anything is queued, and by content once staged, so a
// renamed file (a photo called .pdf) is refused with a reason instead of failing later.
import { extname } from 'node:path'
import { t } from '../language'

export type KbFileKind = 'document' | 'voice'

const TYPES: Record<string, { mime: string; kind: KbFileKind }> = {
  pdf: { mime: 'application/pdf', kind: 'document' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', kind: 'document' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', kind: 'document' },
  txt: { mime: 'text/plain', kind: 'document' },
  csv: { mime: 'text/csv', kind: 'document' },
  mp3: { mime: 'audio/mpeg', kind: 'voice' },
  wav: { mime: 'audio/wav', kind: 'voice' },
  m4a: { mime: 'audio/mp4', kind: 'voice' },
  ogg: { mime: 'audio/ogg', kind: 'voice' },
  webm: { mime: 'audio/webm', kind: 'voice' },
}

/** Documents as large as media files; audio as large as the transcriber takes. */
export const KB_MAX_BYTES: Record<KbFileKind, number> = { document: 50 * 1024 * 1024, voice: 25 * 1024 * 1024 }
const DOCUMENTS = Object.keys(TYPES).filter((e) => TYPES[e]!.kind === 'document')
const AUDIO = Object.keys(TYPES).filter((e) => TYPES[e]!.kind === 'voice')

export type KbFileCheck = { ok: true; mime: string; kind: KbFileKind } | { ok: false; reason: string }

export function checkKbFile(fileName: string, sizeBytes: number): KbFileCheck {
  const extension = extname(fileName).slice(1).toLowerCase()
  const type = TYPES[extension]
  if (!type) {
    return { ok: false, reason: t().kb_drop_refused({ name: fileName, documents: DOCUMENTS.join(', '), audio: AUDIO.join(', ') }) }
  }
  const max = KB_MAX_BYTES[type.kind]
  if (sizeBytes > max) {
    const tooBig = type.kind === 'voice' ? t().kb_drop_too_big_audio : t().kb_drop_too_big_document
    return { ok: false, reason: tooBig({ name: fileName, size: sizeBytes / 1024 / 1024, max: max / 1024 / 1024 }) }
  }
  if (sizeBytes === 0) return { ok: false, reason: t().kb_drop_empty({ name: fileName }) }
  return { ok: true, ...type }
}

const starts = (head: Uint8Array, bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b)
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

/** Whether the first bytes are what the name says; null when they are, else the reason. */
export function sniffKbFile(fileName: string, head: Uint8Array): string | null {
  const extension = extname(fileName).slice(1).toLowerCase()
  const matches = (() => {
    switch (extension) {
      case 'pdf':
        return starts(head, ascii('%PDF'))
      case 'docx':
      case 'xlsx':
        return starts(head, [0x50, 0x4b, 0x03, 0x04])
      case 'txt':
      case 'csv':
        // Text has no NUL bytes; UTF-16 with a byte-order mark is text too.
        return starts(head, [0xff, 0xfe]) || starts(head, [0xfe, 0xff]) || !head.includes(0)
      case 'mp3':
        return starts(head, ascii('ID3')) || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)
      case 'wav':
        return starts(head, ascii('RIFF')) && starts(head, ascii('WAVE'), 8)
      case 'm4a':
        return starts(head, ascii('ftyp'), 4)
      case 'ogg':
        return starts(head, ascii('OggS'))
      case 'webm':
        return starts(head, [0x1a, 0x45, 0xdf, 0xa3])
      default:
        return false
    }
  })()
  return matches ? null : t().kb_not_really({ name: fileName, type: extension.toUpperCase() })
}
