// Files dropped on the media view: each is checked (type, ≤ 50 MB) before it is queued,
// with a clear message when refused; queued ones show their upload progress. Offline they
// wait in the outbox. In Electron a file goes by its path; a plain page sends its bytes.
import { act, messageOf, onOutboxEvent } from '../actions'
import { checkFile, type UploadVerdict } from '../upload-rules'
import { m } from '../i18n.svelte'

type Queued = { ok: boolean; actionId?: string | undefined; message?: string | undefined } | undefined

/** Where files go: the media library unless told (the knowledge base has its own rules and methods). */
export interface UploadTarget {
  check(name: string, size: number): UploadVerdict
  byPath(path: string): Promise<Queued>
  byBytes(fileName: string, size: number, base64: string): Promise<Queued>
}

const mediaLibrary: UploadTarget = {
  check: checkFile,
  byPath: async (path) => (await act('media-upload', { files: [{ path }] })).results[0],
  byBytes: (fileName, size, base64) => act('media-upload-data', { fileName, size, base64 }),
}

export type UploadPhase = 'reading' | 'refused' | 'queued' | 'uploading' | 'done' | 'failed'

export interface Upload {
  key: number
  name: string
  size: number
  phase: UploadPhase
  message: string | null
  actionId: string | null
  /** 0–100 once bytes are moving. */
  percent: number
}

export class UploadsState {
  #uploads = $state<Upload[]>([])
  #nextKey = 1
  #accountId: () => string | null
  #target: UploadTarget

  constructor(accountId: () => string | null, target: UploadTarget = mediaLibrary) {
    this.#accountId = accountId
    this.#target = target
  }

  get uploads(): Upload[] {
    return this.#uploads
  }
  readonly active: boolean = $derived(this.#uploads.some((u) => u.phase === 'reading' || u.phase === 'queued' || u.phase === 'uploading'))

  async add(files: readonly File[]): Promise<void> {
    const entries = files.map((file) => {
      const verdict = this.#target.check(file.name, file.size)
      const upload: Upload = {
        key: this.#nextKey++,
        name: file.name,
        size: file.size,
        phase: verdict.ok ? 'reading' : 'refused',
        message: verdict.ok ? null : verdict.reason,
        actionId: null,
        percent: 0,
      }
      this.#uploads.push(upload)
      return { file, ok: verdict.ok, key: upload.key }
    })
    // One at a time: each file's bytes are held only while it is being handed over.
    for (const entry of entries) if (entry.ok) await this.#queue(entry.file, entry.key)
  }

  dismiss(key: number): void {
    this.#uploads = this.#uploads.filter((u) => u.key !== key)
  }

  clearFinished(): void {
    this.#uploads = this.#uploads.filter((u) => u.phase === 'reading' || u.phase === 'queued' || u.phase === 'uploading')
  }

  async #queue(file: File, key: number): Promise<void> {
    try {
      const path = window.desk?.pathForFile?.(file) ?? ''
      const result = path ? await this.#target.byPath(path) : await this.#target.byBytes(file.name, file.size, await toBase64(file))
      if (!result?.ok) return this.#update(key, { phase: 'refused', message: result?.message ?? m.uploads_was_refused({ name: file.name }) })
      this.#update(key, { phase: 'queued', actionId: result.actionId ?? null, message: null })
    } catch (error) {
      this.#update(key, { phase: 'failed', message: messageOf(error, m.uploads_not_queued({ name: file.name })) })
    }
  }

  #update(key: number, change: Partial<Upload>): void {
    const index = this.#uploads.findIndex((u) => u.key === key)
    const current = this.#uploads[index]
    if (current) this.#uploads[index] = { ...current, ...change }
  }

  #byAction(actionId: string): Upload | undefined {
    return this.#uploads.find((u) => u.actionId === actionId)
  }

  connect(): () => void {
    const offProgress = onOutboxEvent('outbox-progress', ({ accountId, actionId, sent, total }) => {
      const upload = accountId === this.#accountId() ? this.#byAction(actionId) : undefined
      if (upload) this.#update(upload.key, { phase: 'uploading', percent: total > 0 ? Math.round((sent / total) * 100) : 0 })
    })
    const offAction = onOutboxEvent('outbox-action', ({ accountId, action }) => {
      const upload = accountId === this.#accountId() ? this.#byAction(action.id) : undefined
      if (!upload) return
      if (action.state === 'done') this.#update(upload.key, { phase: 'done', percent: 100, message: null })
      else if (action.state === 'failed') this.#update(upload.key, { phase: 'failed', message: action.lastError?.message ?? m.uploads_upload_failed() })
      else if (action.state === 'cancelled') this.dismiss(upload.key)
      else if (action.state === 'in-flight') this.#update(upload.key, { phase: 'uploading' })
    })
    return () => {
      offProgress()
      offAction()
    }
  }
}

/** A file's bytes as base64, read in slices so no giant intermediate string is built per byte. */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}
