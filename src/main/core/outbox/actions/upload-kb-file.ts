// A document or audio file for the knowledge base, staged when queued (checked by name,
// size and content) and streamed with progress when sent, exactly once: the endpoint takes
// no idempotency key, so an unknown outcome is settled by the file's name and size.
import { z } from 'zod'
import { kbDetail } from '../../skylight/resources/knowledge-base'
import { insertLocalKbEntry, rekeyKbEntry, removeRow } from '../../store'
import { findCreatedKbEntry, newestKbEntryId } from '../reconcile'
import { quote, type ActionDef } from './define'
import { release } from './hold'
import { t } from '../../language'

const schema = z.object({
  localId: z.number().int().negative(),
  kind: z.enum(['document', 'voice']),
  stagingPath: z.string().min(1),
  originalName: z.string().min(1),
  title: z.string().trim().max(255).optional(),
  size: z.number().int().positive(),
  mimeType: z.string(),
  extension: z.string(),
})
export type UploadKbFilePayload = z.output<typeof schema>

export const uploadKbFileAction: ActionDef<UploadKbFilePayload> = {
  kind: 'upload-kb-file',
  payload: { current: 1, schema },
  lane: (p) => `kb-entry:${p.localId}`,
  summary: (p) => (p.kind === 'voice' ? t().kb_summary_add_audio : t().kb_summary_add_document)({ title: quote(p.title || p.originalName) }),
  editable: (p) => ({ title: p.title || p.originalName }),
  repeatable: false,
  resources: ['knowledge-base'],
  creates: { entity: 'kb-entry', localId: (p) => p.localId },
  apply(db, p) {
    insertLocalKbEntry(db, {
      id: p.localId,
      title: p.title || p.originalName,
      type: p.kind,
      // Shown as waiting (pending) until the upload is processed by SkyLight.
      status: 'processing',
      fileName: p.originalName,
      fileSize: p.size,
      createdAt: new Date().toISOString(),
    })
    return p
  },
  rollback(db, p) {
    removeRow(db, 'kb-entry', p.localId)
  },
  async send(ctx, p) {
    const options = { ...ctx.call, fileName: p.originalName, ...(p.title ? { title: p.title } : {}), onProgress: (sent: number, total: number) => ctx.onProgress(sent, total) }
    const entry = p.kind === 'voice' ? await ctx.api.knowledgeBase.uploadVoice(p.stagingPath, options) : await ctx.api.knowledgeBase.uploadDocument(p.stagingPath, options)
    return { serverId: entry.id, record: entry }
  },
  observe: (ctx, p) => newestKbEntryId(ctx, p.kind),
  async reconcile(ctx, p) {
    const found = await findCreatedKbEntry(ctx, p.kind, p.title || p.originalName, (e) => e.file_name === p.originalName && (e.file_size === null || e.file_size === p.size))
    return found ? { serverId: found.id, record: await ctx.api.knowledgeBase.get(found.id, ctx.call) } : null
  },
  confirm(db, p, result) {
    const entry = kbDetail.safeParse(result.record)
    if (!entry.success) return
    rekeyKbEntry(db, p.localId, entry.data)
    release(db, { kind: 'kb-entry', id: entry.data.id })
  },
  edit: (p, changes) => ({ ...p, ...z.object({ title: schema.shape.title }).parse(changes) }),
}
