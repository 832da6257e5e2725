// The media library, as media.txt describes it: list, multipart upload, get, rename, delete.
import { rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { z } from 'zod'
import type { AccountStore } from '../data/account-store'
import { imageSize } from '../data/image-size'
import { fileTypeOf, MIME_TYPES, storageUrlPath } from '../data/media-files'
import type { MediaRec } from '../data/model'
import { mediaJson } from '../data/serialize'
import { pageRequest, paginateArray } from '../http/pagination'
import { created, fail, json, noContent, ok } from '../http/respond'
import type { Router } from '../http/router'
import { receiveUpload } from '../http/upload'
import { queryEnum, requiredString, validate } from '../http/validate'
import { findMedia, param } from './lookup'

const renameBody = z.object({ name: requiredString('name') })

function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.readableEnded) return resolve()
    req.once('end', resolve)
    req.once('aborted', resolve)
    req.resume()
  })
}

function atMediaLimit(store: AccountStore): boolean {
  return store.limits.mediaFiles !== null && store.media.size >= store.limits.mediaFiles
}

export function mediaRoutes(router: Router): void {
  router.get('/media', ({ world, store, query }) => {
    const type = queryEnum(query, 'type', ['image', 'video'] as const)
    const search = query.get('search')?.trim().toLowerCase() ?? ''
    const rows = type === undefined && search === ''
      ? store.mediaNewestFirst
      : store.mediaNewestFirst.filter((m) =>
        (type === undefined || m.fileType === type)
        && (search === '' || m.name.toLowerCase().includes(search) || m.originalName.toLowerCase().includes(search)))
    return paginateArray(rows, pageRequest(query, 25, 100), (m) => mediaJson(world, m))
  })

  router.post('/media', async ({ world, store, req, now }) => {
    if (atMediaLimit(store)) {
      // Read the body first so the client can finish sending and see the answer.
      await drain(req)
      throw fail(403, `Your plan's media file limit (${store.limits.mediaFiles} files) has been reached. Delete files or upgrade your plan.`)
    }
    const rand = world.runtimeRandom.token(6)
    let urlPath = ''
    const outcome = await receiveUpload(req, (extension) => {
      urlPath = storageUrlPath(store.id, fileTypeOf(extension), now, rand, extension)
      return join(world.storageDir, urlPath)
    })
    const file = outcome.file
    const name = outcome.name?.trim() || file?.originalName || ''
    const logBody = file ? { original_name: file.originalName, name, size: file.size, sha256: file.sha256 } : null
    if (outcome.name !== undefined && outcome.name.length > 255) {
      outcome.errors.name = ['The name field must not be greater than 255 characters.']
    }
    if (!file || Object.keys(outcome.errors).length > 0) {
      return json(422, { success: false, message: 'The given data was invalid.', errors: outcome.errors }, { logBody })
    }
    const fileType = fileTypeOf(file.extension)
    const size = fileType === 'image' ? imageSize(file.head) : null
    const media: MediaRec = {
      id: world.ids.next('media'),
      name,
      originalName: file.originalName,
      urlPath,
      fileType,
      mimeType: MIME_TYPES[file.extension] ?? 'application/octet-stream',
      extension: file.extension,
      fileSize: file.size,
      metadata: size,
      uploadedBy: 'client',
      isActive: true,
      source: { kind: 'disk', path: join(world.storageDir, urlPath) },
      createdAt: now,
      updatedAt: now,
    }
    store.addMedia(media)
    return { ...created(mediaJson(world, media), 'Media file uploaded successfully.'), logBody }
  }, { raw: true })

  router.get('/media/{id}', ({ world, store, params }) => ok(mediaJson(world, findMedia(store, param(params, 'id')))))

  router.put('/media/{id}', ({ world, store, params, body, now }) => {
    const media = findMedia(store, param(params, 'id'))
    media.name = validate(renameBody, body).name
    media.updatedAt = now
    return ok(mediaJson(world, media), 'Media file updated successfully.')
  })

  router.delete('/media/{id}', async ({ store, params }) => {
    const media = findMedia(store, param(params, 'id'))
    if (media.uploadedBy === 'admin') throw fail(403, 'Files uploaded by an administrator cannot be deleted via the API.')
    store.removeMedia(media)
    if (media.source.kind === 'disk') await rm(media.source.path, { force: true })
    return noContent()
  })
}
