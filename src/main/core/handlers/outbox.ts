// The user's actions: each goes to the active account's outbox, which shows it at once
// (pending) and carries it out when online, exactly once.
import { randomUUID } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Handlers } from '../../../shared/contract'
import { t } from '../language'
import { OutboxActionError } from '../outbox/manage'
import { actionId, actionView, outboxCounts } from '../outbox-view'
import { checkUpload } from '../skylight/media-rules'
import { getContact } from '../store'
import type { HandlerContext } from './context'

type OutboxHandlers = Pick<
  Handlers,
  | 'outbox-list'
  | 'outbox-retry'
  | 'outbox-discard'
  | 'outbox-mark-done'
  | 'outbox-edit'
  | 'message-send'
  | 'media-upload'
  | 'media-upload-data'
  | 'media-rename'
  | 'media-delete'
  | 'campaign-create'
  | 'campaign-update'
  | 'campaign-delete'
  | 'campaign-command'
  | 'contact-create'
  | 'contact-update'
  | 'contact-delete'
  | 'contact-add-note'
  | 'contact-tag'
  | 'contact-list'
  | 'contact-segment'
  | 'contact-blacklist'
>

const queued = (id: number) => ({ actionId: String(id) })

/** A list or segment made offline has no id SkyLight knows yet: membership waits for it. */
function notYetCreated(noun: 'list' | 'segment', groupId: number): void {
  if (groupId < 0) throw new OutboxActionError(t().outbox_group_not_created({ kind: noun }))
}

export function outboxHandlers(ctx: HandlerContext): OutboxHandlers {
  const outbox = () => ctx.session().outbox

  /** Queues one file; a refusal (type, size, unreadable) comes back as that file's message. */
  async function queueUpload(path: string, fileName = basename(path)) {
    try {
      const { actionId: id } = await outbox().uploadMedia({ path })
      return { fileName, ok: true, actionId: String(id) }
    } catch (error) {
      if ((error as { type?: string }).type === 'invalid-input') return { fileName, ok: false, message: (error as Error).message }
      throw error
    }
  }

  return {
    'outbox-list': async ({ states }) => ({
      actions: outbox().list(states ? { states } : {}).map(actionView),
      counts: outboxCounts(outbox().counts()),
    }),
    'outbox-retry': async ({ actionId: id }) => (outbox().retry(actionId(id)), {}),
    'outbox-discard': async ({ actionId: id }) => (outbox().discard(actionId(id)), {}),
    'outbox-mark-done': async ({ actionId: id }) => (outbox().markSent(actionId(id)), {}),
    'outbox-edit': async ({ actionId: id, changes }) => (outbox().edit(actionId(id), changes), {}),

    'message-send': async ({ contactId, text }) => {
      const { actionId: id, localMessageId } = outbox().sendMessage({ contactId, text })
      return { actionId: String(id), localId: localMessageId }
    },
    'media-upload': async ({ files }) => {
      const results = []
      for (const { path } of files) results.push(await queueUpload(path))
      return { results }
    },
    'media-upload-data': async ({ fileName, size, base64 }) => {
      const name = basename(fileName.replace(/\\/g, '/'))
      // Refused before the bytes are even decoded: the user hears why at once.
      const check = checkUpload(name, size)
      if (!check.ok) return { fileName: name, ok: false, message: check.reason }
      const bytes = Buffer.from(base64, 'base64')
      if (bytes.length !== size) return { fileName: name, ok: false, message: `“${name}” arrived incomplete; drop it again.` }
      // A path is what the outbox stages from; the file keeps its name for SkyLight's original_name.
      const dir = join(ctx.session().folder, 'incoming', randomUUID())
      await mkdir(dir, { recursive: true })
      try {
        await writeFile(join(dir, name), bytes)
        return await queueUpload(join(dir, name), name)
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
    'media-rename': async ({ id, name }) => queued(outbox().renameMedia(id, name)),
    'media-delete': async ({ id }) => queued(outbox().deleteMedia(id)),

    'campaign-create': async (input) => {
      const { actionId: id, localCampaignId } = outbox().createCampaign({
        name: input.name,
        channel_id: input.channelId,
        message: input.message,
        contact_ids: input.contactIds,
        list_ids: input.listIds,
        segment_ids: input.segmentIds,
        is_new_number: input.isNewNumber,
      })
      return { actionId: String(id), localId: localCampaignId }
    },
    'campaign-update': async ({ id, changes }) =>
      queued(
        outbox().updateCampaign(id, {
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(changes.message !== undefined ? { message: changes.message } : {}),
          ...(changes.channelId !== undefined ? { channel_id: changes.channelId } : {}),
          ...(changes.contactIds !== undefined ? { contact_ids: changes.contactIds } : {}),
          ...(changes.listIds !== undefined ? { list_ids: changes.listIds } : {}),
          ...(changes.segmentIds !== undefined ? { segment_ids: changes.segmentIds } : {}),
          ...(changes.isNewNumber !== undefined ? { is_new_number: changes.isNewNumber } : {}),
        }),
      ),
    'campaign-delete': async ({ id }) => queued(outbox().deleteCampaign(id)),
    'campaign-command': async ({ id, command }) => queued(outbox().campaignCommand(id, command)),

    'contact-create': async (input) => {
      const { actionId: id, localContactId } = outbox().createContact({
        name: input.name,
        phone: input.phone ?? null,
        email: input.email ?? null,
        type: input.type,
      })
      return { actionId: String(id), localId: localContactId }
    },
    'contact-update': async ({ id, changes }) => queued(outbox().updateContact(id, changes)),
    'contact-delete': async ({ id }) => queued(outbox().deleteContact(id)),
    'contact-add-note': async ({ id, text }) => queued(outbox().addNote(id, text)),
    'contact-tag': async ({ id, title, add }) => queued(add ? outbox().addTag(id, title) : outbox().removeTag(id, title)),
    'contact-list': async ({ id, listId, add }) => {
      notYetCreated('list', listId)
      return queued(add ? outbox().addToList(id, listId) : outbox().removeFromList(id, listId))
    },
    'contact-segment': async ({ id, segmentId, add }) => {
      notYetCreated('segment', segmentId)
      return queued(add ? outbox().addToSegment(id, segmentId) : outbox().removeFromSegment(id, segmentId))
    },
    'contact-blacklist': async ({ id, blacklisted }) => {
      // The API only toggles: queue a toggle only when the flag is not already as asked.
      if (getContact(ctx.session().store.db, id).blacklisted === blacklisted) return { actionId: null }
      return queued(outbox().toggleBlacklist(id))
    },
  }
}
