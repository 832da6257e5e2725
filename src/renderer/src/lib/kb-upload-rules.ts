// What the knowledge base takes as a dropped file, checked in the page so the user hears
// at once; the core checks again (and reads the content) before anything is queued.
import { m } from './i18n.svelte'
import type { UploadVerdict } from './upload-rules'

export const KB_DOCUMENTS = ['pdf', 'docx', 'xlsx', 'txt', 'csv'] as const
export const KB_AUDIO = ['mp3', 'wav', 'm4a', 'ogg', 'webm'] as const
const MB = 1024 * 1024

export const extensionOf = (name: string) => (name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '')

export function checkKbDrop(name: string, size: number): UploadVerdict {
  const extension = extensionOf(name)
  const audio = (KB_AUDIO as readonly string[]).includes(extension)
  if (!audio && !(KB_DOCUMENTS as readonly string[]).includes(extension)) {
    return { ok: false, reason: m.kb_drop_refused({ name, documents: KB_DOCUMENTS.join(', '), audio: KB_AUDIO.join(', ') }) }
  }
  const max = audio ? 25 * MB : 50 * MB
  if (size > max) return { ok: false, reason: (audio ? m.kb_drop_too_big_audio : m.kb_drop_too_big_document)({ name, size: size / MB, max: max / MB }) }
  if (size === 0) return { ok: false, reason: m.kb_drop_empty({ name }) }
  return { ok: true }
}

/** A JSON file is a product catalog; so is a CSV dropped on the catalog area. */
export const isCatalogFile = (name: string) => extensionOf(name) === 'json'
