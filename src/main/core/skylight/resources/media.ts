// /media: the account's image and video library, including the streamed upload.
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { z } from 'zod'
import type { CallOptions, SkyLightClient } from '../client'
import { LocalFileError } from '../errors'
import { checkUpload } from '../media-rules'
import { multipartBody } from '../multipart'
import { bool, id, int, looseEnum, nullable, timestamp } from '../schema'

export const mediaFile = z.object({
  id,
  name: z.string().nullish().transform((v) => v ?? ''),
  original_name: nullable(z.string()),
  url: z.string(),
  file_type: nullable(looseEnum(['image', 'video'] as const)),
  mime_type: nullable(z.string()),
  extension: nullable(z.string()),
  file_size: nullable(int),
  formatted_size: nullable(z.string()),
  metadata: nullable(z.object({ width: nullable(int), height: nullable(int) })),
  uploaded_by: nullable(looseEnum(['client', 'admin'] as const)),
  is_active: bool.nullish().transform((v) => v ?? true),
  created_at: nullable(timestamp),
  updated_at: nullable(timestamp),
})
export type MediaFile = z.output<typeof mediaFile>

export interface MediaQuery {
  page?: number
  per_page?: number
  type?: 'image' | 'video'
  search?: string
}

export interface UploadOptions extends CallOptions {
  /** Display name; SkyLight uses the file name when it is left out. */
  name?: string
  /** The name SkyLight records as original_name (defaults to the file's own). */
  fileName?: string
  onProgress?: (sentBytes: number, totalBytes: number) => void
}

export function mediaApi(client: SkyLightClient) {
  return {
    list: (query: MediaQuery = {}, o?: CallOptions) =>
      client.page({ method: 'GET', path: '/media', query: { ...query }, ...o }, mediaFile),
    get: (mediaId: number, o?: CallOptions) => client.data({ method: 'GET', path: `/media/${mediaId}`, ...o }, mediaFile),
    rename: (mediaId: number, name: string, o?: CallOptions) =>
      client.data({ method: 'PUT', path: `/media/${mediaId}`, json: { name }, ...o }, mediaFile),
    delete: (mediaId: number, o?: CallOptions) => client.send({ method: 'DELETE', path: `/media/${mediaId}`, ...o }),
    /** Streams the file from disk; never repeated on an unknown outcome (no idempotency key). */
    upload: async (path: string, options: UploadOptions = {}) => {
      const fileName = options.fileName ?? basename(path)
      const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
        throw new LocalFileError(`“${fileName}” can no longer be read (${error.code ?? 'unknown error'}).`, { cause: error })
      })
      const check = checkUpload(fileName, info.size)
      if (!check.ok) throw new LocalFileError(check.reason)
      const { body, contentType } = multipartBody(options.name ? { name: options.name } : {}, {
        field: 'file',
        path,
        fileName,
        size: info.size,
        contentType: check.mime,
      })
      const { name: _name, fileName: _fileName, onProgress, ...call } = options
      return client.data(
        { method: 'POST', path: '/media', upload: { body, contentType, ...(onProgress ? { onProgress } : {}) }, ...call },
        mediaFile,
      )
    },
  }
}
