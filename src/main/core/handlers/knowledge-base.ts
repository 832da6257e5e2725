// The knowledge-base view: local reads, queued changes (Outbox.queue by kind), file drops
// checked by type, size and content then staged for a streamed upload, and the two online
// calls (reading an entry in full, polling a crawl) made at the user's priority, never queued.
import { randomUUID } from 'node:crypto'
import { open, mkdir, rm, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Handlers } from '../../../shared/contract'
import { readCatalog } from '../knowledge/catalog-file'
import { stageFile, unstage } from '../outbox/staging'
import { LocalFileError } from '../skylight'
import { checkKbFile, sniffKbFile } from '../skylight/kb-rules'
import { getKbEntry, kbList, saveKbDetail, saveKbStatus } from '../store'
import type { HandlerContext } from './context'

type KbHandlers = Pick<
  Handlers,
  | 'kb-list'
  | 'kb-get'
  | 'kb-fetch'
  | 'kb-status'
  | 'kb-create-text'
  | 'kb-update'
  | 'kb-delete'
  | 'kb-upload'
  | 'kb-upload-data'
  | 'kb-catalog-preview'
  | 'kb-catalog-create'
  | 'kb-products-add'
  | 'kb-product-remove'
  | 'kb-website'
>

const USER = { priority: 'user' as const }

async function headOf(path: string): Promise<Uint8Array> {
  const file = await open(path, 'r')
  try {
    const { bytesRead, buffer } = await file.read(Buffer.alloc(64), 0, 64, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await file.close()
  }
}

export function knowledgeBaseHandlers(ctx: HandlerContext): KbHandlers {
  const session = () => ctx.session()
  const db = () => session().store.db
  const outbox = () => session().outbox
  const queue = (kind: string, input: Record<string, unknown>) => ({ actionId: String(outbox().queue(kind, input).actionId) })
  const queueNew = (kind: string, input: Record<string, unknown>) => {
    const { actionId, localId } = outbox().queue(kind, input)
    return { actionId: String(actionId), localId: localId! }
  }

  /** Checks by name and size, stages a copy, checks its content, then queues the upload. */
  async function queueFile(path: string, fileName = basename(path)) {
    try {
      const staged = await stageFile(outbox().stagingDir, path, checkKbFile)
      try {
        const wrong = sniffKbFile(fileName, await headOf(staged.stagingPath))
        if (wrong) throw new LocalFileError(wrong)
        const { accepted, ...file } = staged
        const { actionId } = outbox().queue('upload-kb-file', { ...file, kind: accepted.kind })
        return { fileName, ok: true, actionId: String(actionId) }
      } catch (error) {
        await unstage(staged.stagingPath)
        throw error
      }
    } catch (error) {
      if ((error as { type?: string }).type === 'invalid-input') return { fileName, ok: false, message: (error as Error).message }
      throw error
    }
  }

  return {
    'kb-list': async (filter) => ({ items: kbList(db(), filter) }),
    'kb-get': async ({ id }) => getKbEntry(db(), id),
    'kb-fetch': async ({ id }) => {
      saveKbDetail(db(), await session().api.knowledgeBase.get(id, USER))
      return getKbEntry(db(), id)
    },
    'kb-status': async ({ id }) => {
      saveKbStatus(db(), await session().api.knowledgeBase.status(id, USER))
      // Other views, and the watch that announces a settled entry, hear of it as of a sync.
      ctx.events.emit('data-changed', { accountId: session().accountId, resources: ['knowledge-base'], contactIds: [] })
      return getKbEntry(db(), id)
    },
    'kb-create-text': async (input) => queueNew('create-kb-text', { title: input.title, content: input.content, description: input.description ?? null }),
    'kb-update': async ({ id, changes }) => {
      const { businessDescription, ...rest } = changes
      return queue('update-kb-entry', { entryId: id, changes: { ...rest, ...(businessDescription !== undefined ? { business_description: businessDescription } : {}) } })
    },
    'kb-delete': async ({ id }) => queue('delete-kb-entry', { entryId: id }),
    'kb-upload': async ({ files }) => {
      const results = []
      for (const { path } of files) results.push(await queueFile(path))
      return { results }
    },
    'kb-upload-data': async ({ fileName, size, base64 }) => {
      const name = basename(fileName.replace(/\\/g, '/'))
      const check = checkKbFile(name, size)
      if (!check.ok) return { fileName: name, ok: false, message: check.reason }
      const bytes = Buffer.from(base64, 'base64')
      if (bytes.length !== size) return { fileName: name, ok: false, message: `“${name}” arrived incomplete; drop it again.` }
      const dir = join(session().folder, 'incoming', randomUUID())
      await mkdir(dir, { recursive: true })
      try {
        await writeFile(join(dir, name), bytes)
        return await queueFile(join(dir, name), name)
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
    'kb-catalog-preview': async ({ fileName, text }) => readCatalog(fileName, text),
    'kb-catalog-create': async (input) => queueNew('create-kb-catalog', { title: input.title, description: input.description ?? null, products: input.products.map(({ id: _id, ...p }) => p) }),
    'kb-products-add': async ({ id, products }) => queue('add-kb-products', { entryId: id, products: products.map(({ id: _id, ...p }) => p) }),
    'kb-product-remove': async ({ id, productId }) => queue('remove-kb-product', { entryId: id, productId }),
    'kb-website': async ({ url, title }) => queueNew('submit-kb-website', { url, ...(title ? { title } : {}) }),
  }
}
